// The supply planner's inputs to the next run, per scenario: firm production commitments, the
// frozen horizon and capacity edits. They live in one append-only log (migration 0007): the newest
// entry per (kind, subject, period) is in force, and each entry records who, when, old → new and
// why. Edits are validated all together and written all together, or not at all.

import { addPeriods, type ImportIssue, type PeriodKey, parsePeriod } from "@fulcrum/domain";
import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import type { PlanService } from "../plans/plan-service";
import type { WorkspaceService } from "../workspace/workspace-service";
import type { SupplyInputKind, SupplyInputs } from "./supply-inputs";

/** One edit: a value to put in force, or null to withdraw it (the calendar or no commitment again). */
export type SupplyInputEdit =
  | {
      readonly kind: "firm_production";
      readonly sku: string;
      readonly plant: string;
      readonly period: string;
      readonly quantity: number | null;
    }
  | {
      readonly kind: "regular_hours" | "overtime_hours";
      readonly resource: string;
      readonly period: string;
      readonly hours: number | null;
    }
  | { readonly kind: "frozen_periods"; readonly periods: number };

export interface SupplyInputChange {
  readonly id: number;
  readonly kind: SupplyInputKind;
  readonly subject: string;
  readonly period: string;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly reason: string;
  readonly comment: string;
  readonly reverts: number | null;
  readonly changedBy: string;
  readonly changedAt: string;
}

/** The longest frozen horizon a planner may set, in periods. */
export const MAX_FROZEN_PERIODS = 12;

interface Entry {
  readonly kind: SupplyInputKind;
  readonly subject: string;
  readonly period: string;
  readonly value: number | null;
}

export class SupplyInputService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly plans: PlanService,
    private readonly now: () => Date,
  ) {}

  /** The inputs in force for a scenario (the base scenario when omitted). */
  async inForce(scenarioId?: number): Promise<SupplyInputs> {
    const scenario = await this.plans.scenarioOrBase(scenarioId, null);
    const entries = await this.current(scenario);
    const hours = new Map<
      string,
      { resource: string; period: PeriodKey; regular: number | null; overtime: number | null }
    >();
    for (const e of entries.filter((e) => e.kind === "regular_hours" || e.kind === "overtime_hours")) {
      const key = `${e.subject}\u0000${e.period}`;
      const edit = hours.get(key) ?? {
        resource: e.subject,
        period: e.period as PeriodKey,
        regular: null,
        overtime: null,
      };
      if (e.kind === "regular_hours") edit.regular = e.value;
      else edit.overtime = e.value;
      hours.set(key, edit);
    }
    return {
      frozenPeriods: entries.find((e) => e.kind === "frozen_periods")?.value ?? 0,
      firmProduction: entries
        .filter((e) => e.kind === "firm_production" && e.value !== null)
        .map((e) => {
          const [sku, plant] = splitSubject(e.subject);
          return { sku, plant, period: e.period as PeriodKey, quantity: e.value! };
        }),
      capacity: [...hours.values()]
        .filter((h) => h.regular !== null || h.overtime !== null)
        .map((h) => ({
          resource: h.resource,
          period: h.period,
          regularHours: h.regular,
          overtimeHours: h.overtime,
        })),
    };
  }

  /** The log, newest first. */
  async changes(scenarioId?: number, limit = 200): Promise<SupplyInputChange[]> {
    const scenario = await this.plans.scenarioOrBase(scenarioId, null);
    const rows = await this.database.db
      .selectFrom("supply_input_changes as c")
      .innerJoin("users as u", "u.id", "c.changed_by")
      .select([
        "c.id",
        "c.kind",
        "c.subject",
        "c.period",
        "c.old_value",
        "c.new_value",
        "c.reason",
        "c.comment",
        "c.reverts",
        "u.display_name",
        "c.changed_at",
      ])
      .where("c.scenario_id", "=", scenario)
      .orderBy("c.id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      subject: r.subject,
      period: r.period,
      oldValue: r.old_value,
      newValue: r.new_value,
      reason: r.reason,
      comment: r.comment,
      reverts: r.reverts === null ? null : Number(r.reverts),
      changedBy: r.display_name,
      changedAt: r.changed_at.toISOString(),
    }));
  }

  /**
   * Puts the edits in force, all or none: every edit is checked first (a production option that
   * exists, a known resource, a period from the current one on, a value ≥ 0) and a bad one fails
   * the whole request with issues naming it. Edits that change nothing are not logged.
   * Returns the number of entries written.
   */
  async edit(
    request: {
      readonly scenarioId?: number;
      readonly edits: readonly SupplyInputEdit[];
      readonly reason: string;
      readonly comment?: string;
    },
    user: User,
  ): Promise<{ readonly changed: number }> {
    const scenario = await this.plans.scenarioOrBase(request.scenarioId, user);
    if (request.reason.trim() === "") throw new AppError("bad_request", "a reason is required");
    const entries = await this.validate(request.edits);
    return this.write(scenario, entries, { reason: request.reason, comment: request.comment ?? "" }, user);
  }

  /**
   * Firms up a supply run's plan: its production in the first `periods` months becomes firm
   * commitments (whole units, rounded down so a commitment never asks more than the plan made), the
   * frozen horizon becomes `periods`, and commitments of those months that the plan does not make
   * are withdrawn.
   */
  async firmFromRun(
    request: { readonly runId: number; readonly periods: number; readonly reason: string },
    user: User,
  ): Promise<{ readonly changed: number }> {
    const run = await this.database.db
      .selectFrom("supply_runs")
      .select(["scenario_id", "version_id", "first_period", "horizon"])
      .where("id", "=", request.runId)
      .executeTakeFirst();
    if (!run || run.version_id === null)
      throw new AppError("not_found", `no finished supply run ${request.runId}`);
    if (
      !Number.isInteger(request.periods) ||
      request.periods < 1 ||
      request.periods > Math.min(run.horizon, MAX_FROZEN_PERIODS)
    )
      throw new AppError(
        "bad_request",
        `months to firm must be a whole number from 1 to ${Math.min(run.horizon, MAX_FROZEN_PERIODS)}`,
      );
    const company = await this.workspace.company();
    if (run.first_period !== company.currentPeriod)
      throw new AppError(
        "conflict",
        `run ${request.runId} planned from ${run.first_period}, but the current month is ${company.currentPeriod}: run the plan again first`,
      );
    const last = addPeriods(run.first_period as PeriodKey, request.periods - 1);
    const { rows } = await sql<{ sku: string; plant: string; period: string; quantity: number }>`
      SELECT sku, location AS plant, period, value AS quantity FROM plan_values
      WHERE version_id = ${run.version_id} AND measure = 'supply.production'
        AND period BETWEEN ${run.first_period} AND ${last}`.execute(this.database.db);
    const planned = new Map(
      rows.map((r) => [`${r.sku}@${r.plant}\u0000${r.period}`, Math.floor(r.quantity + 1e-6)]),
    );
    const existing = (await this.current(run.scenario_id)).filter(
      (e) =>
        e.kind === "firm_production" && e.value !== null && e.period >= run.first_period && e.period <= last,
    );
    const entries: Entry[] = [
      ...[...planned].map(([key, value]) => {
        const [subject, period] = key.split("\u0000") as [string, string];
        return { kind: "firm_production" as const, subject, period, value };
      }),
      ...existing
        .filter((e) => !planned.has(`${e.subject}\u0000${e.period}`))
        .map((e) => ({ ...e, value: null })),
      { kind: "frozen_periods", subject: "", period: "", value: request.periods },
    ];
    return this.write(
      run.scenario_id,
      entries,
      { reason: request.reason, comment: `from supply run ${request.runId}` },
      user,
    );
  }

  /** Puts back the value an entry replaced, as a new entry that says which one it reverts. */
  async revert(changeId: number, user: User): Promise<void> {
    const entry = await this.database.db
      .selectFrom("supply_input_changes")
      .selectAll()
      .where("id", "=", String(changeId))
      .executeTakeFirst();
    if (!entry) throw new AppError("not_found", `no supply input change ${changeId}`);
    await this.database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(7007, ${entry.scenario_id})`.execute(trx);
      await trx
        .insertInto("supply_input_changes")
        .values({
          scenario_id: entry.scenario_id,
          kind: entry.kind,
          subject: entry.subject,
          period: entry.period,
          old_value: await this.valueIn(trx, entry.scenario_id, entry),
          new_value: entry.old_value,
          reason: "revert",
          comment: `reverts change ${changeId}`,
          reverts: entry.id,
          changed_by: user.id,
          changed_at: this.now(),
        })
        .execute();
    });
  }

  /** Checks every edit against the data; throws bad_request with all the issues found. */
  private async validate(edits: readonly SupplyInputEdit[]): Promise<Entry[]> {
    if (edits.length === 0) throw new AppError("bad_request", "no edits given");
    const db = this.database.db;
    const company = await this.workspace.company();
    const routings = await sql<{ option: string }>`
      SELECT DISTINCT sku || '@' || location AS option FROM routings`.execute(db);
    const options = new Set(routings.rows.map((r) => r.option));
    const known = await sql<{ code: string }>`SELECT code FROM resources`.execute(db);
    const resources = new Set(known.rows.map((r) => r.code));
    const issues: ImportIssue[] = [];
    const entries: Entry[] = [];
    edits.forEach((edit, index) => {
      const issue = (column: string, value: unknown, message: string) =>
        issues.push({ file: "edits", row: index + 1, column, value: String(value), message });
      const period = (text: string) => {
        const parsed = parsePeriod(text);
        if (!parsed) issue("period", text, "not a period (YYYY-MM)");
        else if (parsed < company.currentPeriod)
          issue("period", text, `is before the current month ${company.currentPeriod}`);
      };
      const amount = (column: string, value: number | null) => {
        if (value !== null && !(Number.isFinite(value) && value >= 0))
          issue(column, value, "must be a number ≥ 0, or empty to withdraw it");
      };
      if (edit.kind === "frozen_periods") {
        if (!Number.isInteger(edit.periods) || edit.periods < 0 || edit.periods > MAX_FROZEN_PERIODS)
          issue("periods", edit.periods, `must be a whole number from 0 to ${MAX_FROZEN_PERIODS}`);
        entries.push({ kind: edit.kind, subject: "", period: "", value: edit.periods });
      } else if (edit.kind === "firm_production") {
        const subject = `${edit.sku}@${edit.plant}`;
        if (!options.has(subject)) issue("sku", subject, `${edit.sku} has no routing at ${edit.plant}`);
        period(edit.period);
        amount("quantity", edit.quantity);
        entries.push({ kind: edit.kind, subject, period: edit.period, value: edit.quantity });
      } else {
        if (!resources.has(edit.resource)) issue("resource", edit.resource, "unknown resource");
        period(edit.period);
        amount("hours", edit.hours);
        entries.push({ kind: edit.kind, subject: edit.resource, period: edit.period, value: edit.hours });
      }
    });
    if (issues.length > 0)
      throw new AppError(
        "bad_request",
        `${issues.length} edit${issues.length === 1 ? " is" : "s are"} not valid; nothing was changed`,
        { issues, issueCount: issues.length },
      );
    return entries;
  }

  /** Appends the entries whose value differs from the one in force, in one transaction. */
  private async write(
    scenario: number,
    entries: readonly Entry[],
    why: { readonly reason: string; readonly comment: string },
    user: User,
  ): Promise<{ changed: number }> {
    return this.database.db.transaction().execute(async (trx) => {
      // One writer per scenario at a time, so that "old" is really what each entry replaced.
      await sql`SELECT pg_advisory_xact_lock(7007, ${scenario})`.execute(trx);
      let changed = 0;
      for (const entry of entries) {
        const old = await this.valueIn(trx, scenario, entry);
        if (old === entry.value) continue;
        await trx
          .insertInto("supply_input_changes")
          .values({
            scenario_id: scenario,
            kind: entry.kind,
            subject: entry.subject,
            period: entry.period,
            old_value: old,
            new_value: entry.value,
            reason: why.reason,
            comment: why.comment,
            reverts: null,
            changed_by: user.id,
            changed_at: this.now(),
          })
          .execute();
        changed++;
      }
      return { changed };
    });
  }

  private async valueIn(
    trx: Kysely<Schema>,
    scenario: number,
    key: Pick<Entry, "kind" | "subject" | "period">,
  ): Promise<number | null> {
    const row = await trx
      .selectFrom("supply_input_changes")
      .select("new_value")
      .where("scenario_id", "=", scenario)
      .where("kind", "=", key.kind)
      .where("subject", "=", key.subject)
      .where("period", "=", key.period)
      .orderBy("id", "desc")
      .executeTakeFirst();
    return row?.new_value ?? null;
  }

  private async current(scenario: number): Promise<Entry[]> {
    const { rows } = await sql<Entry>`
      SELECT DISTINCT ON (kind, subject, period) kind, subject, period, new_value AS value
      FROM supply_input_changes WHERE scenario_id = ${scenario}
      ORDER BY kind, subject, period, id DESC`.execute(this.database.db);
    return rows;
  }
}

function splitSubject(subject: string): [string, string] {
  const at = subject.lastIndexOf("@");
  return [subject.slice(0, at), subject.slice(at + 1)];
}
