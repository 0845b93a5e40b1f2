// Comments on any place in the plan (the company, a product group or a SKU, optionally a version,
// a period and a layer), visible to every company role, with @mentions that land in the mentioned
// users' inboxes. Comments are append-only (migration 0011); only a mention's read mark changes.

import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { User } from "../auth/auth-service";
import { type DemandNode, describeNode } from "../demand/demand-node";
import { AppError } from "../errors";
import { PLAN_MEASURES } from "../plans/plan-service";
import { mentionedUsernames } from "./mentions";

export const MAX_COMMENT_BODY = 4000;
export type CommentNodeKind = DemandNode["kind"];

/** Where a comment sits. Omitted version, period and measure mean "the node as a whole". */
export interface CommentPlace {
  readonly versionId?: number | null;
  readonly nodeKind: CommentNodeKind;
  readonly nodeCode?: string | null;
  readonly period?: string | null;
  readonly measure?: string | null;
}

export interface NewComment extends CommentPlace {
  readonly body: string;
  /** A reply sits where the comment it answers sits; its own place fields are ignored. */
  readonly parentId?: number | null;
}

export interface CommentPerson {
  readonly username: string;
  readonly displayName: string;
}

export interface CommentView {
  readonly id: number;
  readonly versionId: number | null;
  readonly nodeKind: CommentNodeKind;
  readonly nodeCode: string | null;
  /** The node's display name ("All products", the group's or the SKU's name). */
  readonly nodeName: string;
  readonly period: string | null;
  readonly measure: string | null;
  readonly body: string;
  readonly author: CommentPerson;
  readonly createdAt: string;
  readonly parentId: number | null;
  readonly mentions: CommentPerson[];
}

export interface InboxEntry extends CommentView {
  readonly readAt: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Lists are for reading, not export: the newest this many. */
const LIST_LIMIT = 200;

interface CommentRow {
  id: string;
  version_id: number | null;
  node_kind: CommentNodeKind;
  node_code: string | null;
  node_name: string | null;
  period: string | null;
  measure: string | null;
  body: string;
  author_username: string;
  author_name: string;
  created_at: Date;
  parent_id: string | null;
  mentions: CommentPerson[];
  read_at?: Date | null;
}

export class CommentService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  /**
   * Posts a comment and its mentions in one transaction. bad_request for an empty or over-long
   * body, a period that is not YYYY-MM, an unknown layer or any unknown @username (all named, and
   * nothing written); not_found for a node, version or parent comment that does not exist. The
   * author mentioning themselves gets nothing in their inbox.
   */
  async add(input: NewComment, author: User): Promise<CommentView> {
    const body = input.body.trim();
    // Counted in code points, as PostgreSQL's char_length in the table's check counts them.
    const length = [...body].length;
    if (length === 0 || length > MAX_COMMENT_BODY)
      throw new AppError("bad_request", `a comment is 1–${MAX_COMMENT_BODY} characters`);
    const db = this.database.db;
    const place = input.parentId != null ? await this.parentPlace(input.parentId) : normalise(input);
    await this.checkPlace(db, place);
    const mentioned = await this.mentionedUsers(db, body);
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto("comments")
        .values({
          version_id: place.versionId ?? null,
          node_kind: place.nodeKind,
          node_code: place.nodeCode ?? null,
          period: place.period ?? null,
          measure: place.measure ?? null,
          body,
          author_id: author.id,
          created_at: this.now(),
          parent_id: input.parentId != null ? String(input.parentId) : null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const others = mentioned.filter((u) => u.id !== author.id);
      if (others.length > 0)
        await trx
          .insertInto("comment_mentions")
          .values(others.map((u) => ({ comment_id: id, user_id: u.id })))
          .execute();
      return id;
    });
    const [view] = await this.select(sql`c.id = ${id}`, null);
    if (!view) throw new Error(`comment ${id} vanished after insert`);
    return view;
  }

  /**
   * The comments at a node, newest first. Each given filter narrows the list: a version shows its
   * own comments and those made on no version (they are about the node itself); a period or layer
   * shows only comments made on it.
   */
  async list(place: CommentPlace): Promise<CommentView[]> {
    const p = normalise(place);
    const conditions = [
      sql`c.node_kind = ${p.nodeKind}`,
      p.nodeCode == null ? sql`c.node_code IS NULL` : sql`c.node_code = ${p.nodeCode}`,
    ];
    if (p.versionId != null) conditions.push(sql`(c.version_id = ${p.versionId} OR c.version_id IS NULL)`);
    if (p.period != null) conditions.push(sql`c.period = ${p.period}`);
    if (p.measure != null) conditions.push(sql`c.measure = ${p.measure}`);
    return this.select(sql.join(conditions, sql` AND `), null);
  }

  /** The comments that mention the user: unread first, each group newest first. */
  async inbox(user: User): Promise<InboxEntry[]> {
    const rows = await this.select(sql`TRUE`, user.id);
    return rows as InboxEntry[];
  }

  /** How many comments mentioning the user they have not read yet. */
  async unreadCount(user: User): Promise<number> {
    const { count } = await this.database.db
      .selectFrom("comment_mentions")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("user_id", "=", user.id)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  /** Marks a comment in the user's inbox read; marking it again changes nothing. not_found when it is not in their inbox. */
  async markRead(commentId: number, user: User): Promise<void> {
    const db = this.database.db;
    const mention = await db
      .selectFrom("comment_mentions")
      .select("read_at")
      .where("comment_id", "=", String(commentId))
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (!mention) throw new AppError("not_found", `comment ${commentId} does not mention you`);
    if (mention.read_at) return;
    await db
      .updateTable("comment_mentions")
      .set({ read_at: this.now() })
      .where("comment_id", "=", String(commentId))
      .where("user_id", "=", user.id)
      .where("read_at", "is", null)
      .execute();
  }

  private async parentPlace(parentId: number): Promise<CommentPlace> {
    const parent = await this.database.db
      .selectFrom("comments")
      .select(["version_id", "node_kind", "node_code", "period", "measure"])
      .where("id", "=", String(parentId))
      .executeTakeFirst();
    if (!parent) throw new AppError("not_found", `no comment ${parentId} to reply to`);
    return {
      versionId: parent.version_id,
      nodeKind: parent.node_kind,
      nodeCode: parent.node_code,
      period: parent.period,
      measure: parent.measure,
    };
  }

  private async checkPlace(db: Kysely<Schema>, place: CommentPlace): Promise<void> {
    if (place.period != null && !MONTH.test(place.period))
      throw new AppError("bad_request", `period ${place.period} is not a month (YYYY-MM)`);
    if (place.measure != null && !(PLAN_MEASURES as readonly string[]).includes(place.measure))
      throw new AppError("bad_request", `${place.measure} is not a plan layer`);
    await describeNode(db, nodeOf(place));
    if (place.versionId != null) {
      const version = await db
        .selectFrom("plan_versions")
        .select("id")
        .where("id", "=", place.versionId)
        .executeTakeFirst();
      if (!version) throw new AppError("not_found", `no plan version ${place.versionId}`);
    }
  }

  /** The company users the body mentions; bad_request naming every name that is not one. */
  private async mentionedUsers(db: Kysely<Schema>, body: string): Promise<{ id: number }[]> {
    const names = mentionedUsernames(body);
    if (names.length === 0) return [];
    const found = await db
      .selectFrom("users")
      .select(["id", "username"])
      .where("username", "in", names)
      .where("disabled", "=", false)
      // Supplier users never reach company data, so a comment could not be read by them.
      .where("role", "<>", "supplier")
      .execute();
    const unknown = names.filter((n) => !found.some((u) => u.username === n));
    if (unknown.length > 0)
      throw new AppError(
        "bad_request",
        `no company user ${unknown.map((n) => `@${n}`).join(", ")}; the comment was not posted`,
        { unknownUsernames: unknown },
      );
    return found;
  }

  /** Comments matching `where`; with `inboxOf`, only those mentioning that user, with their read mark. */
  private async select(where: RawBuilder<unknown>, inboxOf: number | null): Promise<CommentView[]> {
    const inbox = inboxOf != null;
    const { rows } = await sql<CommentRow>`
      SELECT c.id, c.version_id, c.node_kind, c.node_code, c.period, c.measure, c.body, c.created_at,
             c.parent_id, a.username AS author_username, a.display_name AS author_name,
             CASE c.node_kind WHEN 'all' THEN 'All products'
               WHEN 'item' THEN (SELECT name FROM items WHERE sku = c.node_code)
               ELSE (SELECT name FROM product_groups WHERE code = c.node_code) END AS node_name,
             COALESCE((SELECT json_agg(json_build_object('username', u.username, 'displayName', u.display_name)
                                       ORDER BY u.username)
                         FROM comment_mentions m JOIN users u ON u.id = m.user_id
                        WHERE m.comment_id = c.id), '[]'::json) AS mentions
             ${inbox ? sql`, me.read_at` : sql``}
        FROM comments c
        JOIN users a ON a.id = c.author_id
        ${inbox ? sql`JOIN comment_mentions me ON me.comment_id = c.id AND me.user_id = ${inboxOf}` : sql``}
       WHERE ${where}
       ORDER BY ${inbox ? sql`(me.read_at IS NULL) DESC,` : sql``} c.id DESC
       LIMIT ${LIST_LIMIT}`.execute(this.database.db);
    return rows.map((r) => ({
      id: Number(r.id),
      versionId: r.version_id,
      nodeKind: r.node_kind,
      nodeCode: r.node_code,
      nodeName: r.node_name ?? r.node_code ?? "",
      period: r.period,
      measure: r.measure,
      body: r.body,
      author: { username: r.author_username, displayName: r.author_name },
      createdAt: new Date(r.created_at).toISOString(),
      parentId: r.parent_id === null ? null : Number(r.parent_id),
      mentions: r.mentions,
      ...(inbox ? { readAt: r.read_at ? new Date(r.read_at).toISOString() : null } : {}),
    }));
  }
}

function normalise(place: CommentPlace): CommentPlace {
  if (place.nodeKind === "all") return { ...place, nodeCode: null };
  if (!place.nodeCode) throw new AppError("bad_request", `a ${place.nodeKind} comment needs a nodeCode`);
  return place;
}

function nodeOf(place: CommentPlace): DemandNode {
  return place.nodeKind === "all" ? { kind: "all" } : { kind: place.nodeKind, code: place.nodeCode ?? "" };
}
