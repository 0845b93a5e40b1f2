// The executive decision log of a cycle: what was decided, why, who follows it up by when, and the
// scenario it rests on. Decisions are followed up after the meeting, so their status, due date,
// owner and text may change — each change is a decision_changes row (who, when, field, old → new),
// written in the same transaction as the edit, so every state a decision had can be recovered.

import { canRecordDecisions, isInternalRole, type Role } from "@fulcrum/domain";
import type { Database, Schema } from "@fulcrum/storage";
import type { Kysely } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import type { WorkspaceService } from "../workspace/workspace-service";
import type { CyclePerson } from "./cycle-service";
import {
  type CheckedChanges,
  checkDecisionChanges,
  type DecisionChanges,
  type DecisionStatus,
  isOverdue,
  type NewDecision,
} from "./decision-input";

export interface DecisionView {
  readonly id: number;
  readonly period: string;
  readonly title: string;
  readonly rationale: string;
  readonly owner: CyclePerson;
  readonly dueDate: string | null;
  readonly status: DecisionStatus;
  /** Open and due before the workspace's as-of date. */
  readonly overdue: boolean;
  readonly scenario: { readonly id: number; readonly name: string } | null;
  readonly createdBy: CyclePerson;
  readonly createdAt: string;
}

export type DecisionField = "title" | "rationale" | "owner" | "due_date" | "status" | "scenario";

export interface DecisionChange {
  readonly id: number;
  readonly field: DecisionField;
  /** Texts as stored: dates ISO, the owner a username, the scenario its id; null for "none". */
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly changedBy: CyclePerson;
  readonly changedAt: string;
}

export interface DecisionLog {
  readonly period: string;
  readonly asOf: string;
  /** Open decisions first (soonest due first, undated last), then done and dropped ones. */
  readonly decisions: DecisionView[];
}

/** The decision's stored row in the form its history records. */
interface Stored {
  title: string;
  rationale: string;
  owner: string;
  due_date: string | null;
  status: string;
  scenario: string | null;
}

export class DecisionService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly now: () => Date,
  ) {}

  /** The decisions of a cycle (default: the current one). */
  async list(period?: string): Promise<DecisionLog> {
    const company = await this.workspace.company();
    const cycle = period ?? company.currentPeriod;
    const rows = await this.select(this.database.db, company.asOf, { period: cycle });
    return { period: cycle, asOf: company.asOf, decisions: rows };
  }

  async get(id: number): Promise<DecisionView> {
    const { asOf } = await this.workspace.company();
    const [view] = await this.select(this.database.db, asOf, { id });
    if (!view) throw new AppError("not_found", `no decision ${id}`);
    return view;
  }

  /**
   * Records a decision in the current cycle. forbidden for roles that do not record decisions;
   * bad_request naming the field for a bad title, rationale, due date or status, an owner who is
   * not an active company user, or a scenario that does not exist.
   */
  async create(input: NewDecision, user: User): Promise<DecisionView> {
    mayRecord(user.role);
    const checked = checkDecisionChanges(input);
    const { currentPeriod } = await this.workspace.company();
    const db = this.database.db;
    const ownerId = await ownerIdOf(db, checked.owner ?? "");
    if (checked.scenarioId != null) await checkScenario(db, checked.scenarioId);
    const { id } = await db
      .insertInto("decisions")
      .values({
        cycle_period: currentPeriod,
        title: checked.title ?? "",
        rationale: checked.rationale ?? "",
        owner_id: ownerId,
        due_date: checked.dueDate ?? null,
        status: checked.status ?? "open",
        scenario_id: checked.scenarioId ?? null,
        created_by: user.id,
        created_at: this.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return this.get(id);
  }

  /**
   * Changes the given fields of a decision and records each field that really changed, all in one
   * transaction (the decision row is locked, so concurrent edits are recorded one after the
   * other, each against the value it replaced). Same refusals as create; not_found for an unknown
   * decision. Giving only unchanged values writes nothing.
   */
  async update(id: number, changes: DecisionChanges, user: User): Promise<DecisionView> {
    mayRecord(user.role);
    const checked = checkDecisionChanges(changes);
    await this.database.db.transaction().execute(async (trx) => {
      const before = await lockDecision(trx, id);
      const ownerId = checked.owner !== undefined ? await ownerIdOf(trx, checked.owner) : undefined;
      if (checked.scenarioId != null) await checkScenario(trx, checked.scenarioId);
      const after = apply(before, checked);
      const changed = (Object.keys(after) as (keyof Stored)[]).filter((k) => after[k] !== before[k]);
      if (changed.length === 0) return;
      const at = this.now();
      await trx
        .insertInto("decision_changes")
        .values(
          changed.map((field) => ({
            decision_id: id,
            field,
            old_value: before[field],
            new_value: after[field],
            changed_by: user.id,
            changed_at: at,
          })),
        )
        .execute();
      await trx
        .updateTable("decisions")
        .set({
          title: after.title,
          rationale: after.rationale,
          ...(ownerId !== undefined ? { owner_id: ownerId } : {}),
          due_date: after.due_date,
          status: after.status,
          scenario_id: after.scenario === null ? null : Number(after.scenario),
        })
        .where("id", "=", id)
        .execute();
    });
    return this.get(id);
  }

  /** The decision as it is now and every change made to it, oldest first. */
  async history(id: number): Promise<{ decision: DecisionView; changes: DecisionChange[] }> {
    const decision = await this.get(id);
    const rows = await this.database.db
      .selectFrom("decision_changes as c")
      .innerJoin("users as u", "u.id", "c.changed_by")
      .select([
        "c.id",
        "c.field",
        "c.old_value",
        "c.new_value",
        "c.changed_at",
        "u.username",
        "u.display_name",
      ])
      .where("c.decision_id", "=", id)
      .orderBy("c.id")
      .execute();
    return {
      decision,
      changes: rows.map((r) => ({
        id: Number(r.id),
        field: r.field as DecisionField,
        oldValue: r.old_value,
        newValue: r.new_value,
        changedBy: { username: r.username, displayName: r.display_name },
        changedAt: r.changed_at.toISOString(),
      })),
    };
  }

  private async select(
    db: Kysely<Schema>,
    asOf: string,
    where: { period: string } | { id: number },
  ): Promise<DecisionView[]> {
    let query = db
      .selectFrom("decisions as d")
      .innerJoin("users as o", "o.id", "d.owner_id")
      .innerJoin("users as c", "c.id", "d.created_by")
      .leftJoin("scenarios as s", "s.id", "d.scenario_id")
      .select([
        "d.id",
        "d.cycle_period",
        "d.title",
        "d.rationale",
        "d.due_date",
        "d.status",
        "d.scenario_id",
        "d.created_at",
        "o.username as owner_username",
        "o.display_name as owner_name",
        "c.username as creator_username",
        "c.display_name as creator_name",
        "s.name as scenario_name",
      ]);
    query =
      "id" in where ? query.where("d.id", "=", where.id) : query.where("d.cycle_period", "=", where.period);
    const rows = await query
      .orderBy((eb) => eb.case().when("d.status", "=", "open").then(0).else(1).end())
      .orderBy("d.due_date", (ob) => ob.asc().nullsLast())
      .orderBy("d.id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      period: r.cycle_period,
      title: r.title,
      rationale: r.rationale,
      owner: { username: r.owner_username, displayName: r.owner_name },
      dueDate: r.due_date,
      status: r.status as DecisionStatus,
      overdue: isOverdue(r.status, r.due_date, asOf),
      scenario:
        r.scenario_id !== null
          ? { id: r.scenario_id, name: r.scenario_name ?? `scenario ${r.scenario_id}` }
          : null,
      createdBy: { username: r.creator_username, displayName: r.creator_name },
      createdAt: r.created_at.toISOString(),
    }));
  }
}

function mayRecord(role: Role): void {
  if (!canRecordDecisions(role))
    throw new AppError(
      "forbidden",
      "decisions are recorded by the executive, finance, the demand and supply planners and administrators",
    );
}

function apply(before: Stored, c: CheckedChanges): Stored {
  return {
    title: c.title ?? before.title,
    rationale: c.rationale ?? before.rationale,
    owner: c.owner ?? before.owner,
    due_date: c.dueDate !== undefined ? c.dueDate : before.due_date,
    status: c.status ?? before.status,
    scenario:
      c.scenarioId !== undefined ? (c.scenarioId === null ? null : String(c.scenarioId)) : before.scenario,
  };
}

async function lockDecision(trx: Kysely<Schema>, id: number): Promise<Stored> {
  const row = await trx
    .selectFrom("decisions as d")
    .innerJoin("users as o", "o.id", "d.owner_id")
    .select(["d.title", "d.rationale", "o.username", "d.due_date", "d.status", "d.scenario_id"])
    .where("d.id", "=", id)
    .forUpdate("d")
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `no decision ${id}`);
  return {
    title: row.title,
    rationale: row.rationale,
    owner: row.username,
    due_date: row.due_date,
    status: row.status,
    scenario: row.scenario_id === null ? null : String(row.scenario_id),
  };
}

/** The id of an active company user; bad_request naming the owner field otherwise. */
async function ownerIdOf(db: Kysely<Schema>, username: string): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select(["id", "role", "disabled"])
    .where("username", "=", username)
    .executeTakeFirst();
  if (!row || row.disabled || !isInternalRole(row.role as Role))
    throw new AppError("bad_request", `owner: no active company user ${username}`);
  return row.id;
}

async function checkScenario(db: Kysely<Schema>, id: number): Promise<void> {
  const row = await db
    .selectFrom("scenarios")
    .select("id")
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new AppError("bad_request", `scenarioId: no scenario ${id}`);
}
