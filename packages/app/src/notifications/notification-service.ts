// In-app notifications: messages the application leaves for one user — today, that a promise they
// own (as the customer's account manager, or as the one who made it) is at risk under a newer plan.
// They sit in the user's inbox beside the comments that mention them, each linking to what it is
// about; only the read mark changes.

import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";

export interface NotificationView {
  readonly id: number;
  readonly kind: "promise_at_risk";
  readonly promiseId: number;
  readonly committedPlanId: number;
  readonly message: string;
  /** Where in the app it is about. */
  readonly link: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface NewNotification {
  readonly userId: number;
  readonly kind: "promise_at_risk";
  readonly promiseId: number;
  readonly committedPlanId: number;
  readonly message: string;
}

/**
 * Writes the notifications not written before: one per kind, promise and committed plan, so telling
 * twice about the same promise and plan writes nothing the second time. Returns how many are new.
 */
export async function notify(
  db: Kysely<Schema>,
  rows: readonly NewNotification[],
  at: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await db
    .insertInto("notifications")
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        kind: r.kind,
        promise_id: r.promiseId,
        committed_plan_id: r.committedPlanId,
        message: r.message,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(["kind", "promise_id", "committed_plan_id"]).doNothing())
    .returning("id")
    .execute();
  return written.length;
}

export class NotificationService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  /** The user's notifications: unread first, each group newest first (at most 200). */
  async inbox(user: User): Promise<NotificationView[]> {
    const rows = await this.database.db
      .selectFrom("notifications")
      .selectAll()
      .where("user_id", "=", user.id)
      .orderBy(sql`read_at IS NULL`, "desc")
      .orderBy("id", "desc")
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: "promise_at_risk",
      promiseId: r.promise_id,
      committedPlanId: r.committed_plan_id,
      message: r.message,
      link: `/monitor/promising?promise=${r.promise_id}`,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at ? r.read_at.toISOString() : null,
    }));
  }

  async unreadCount(user: User): Promise<number> {
    const row = await this.database.db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("user_id", "=", user.id)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks one of the user's notifications read; again changes nothing. not_found when it is not theirs. */
  async markRead(id: number, user: User): Promise<void> {
    const row = await this.database.db
      .selectFrom("notifications")
      .select(["id", "read_at"])
      .where("id", "=", id)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (!row) throw new AppError("not_found", `notification ${id}: not in your inbox`);
    if (row.read_at) return;
    await this.database.db
      .updateTable("notifications")
      .set({ read_at: this.now() })
      .where("id", "=", id)
      .where("read_at", "is", null)
      .execute();
  }
}
