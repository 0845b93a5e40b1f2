// Promises at risk. Accepted promises are checked against the committed plan in force — the plan the
// business agreed to execute, not a draft supply run that may never be committed — by re-running ATP
// for each SKU-location with every accepted promise netted in the order it was made. A promise whose
// ATP lines are no longer covered is at risk, with the earliest period the plan can now deliver all
// of it (or none). A capable-to-promise promise is also at risk when the hours or components it
// reserved no longer fit in the new plan (granted oldest promise first); no new date is worked out for
// what it was to make. Checking notifies the customer's account manager (its sales user), or the promise's
// maker when the customer names none, once per promise and committed plan.

import {
  allocateAtp,
  availableToPromise,
  type PromiseLine,
  promisesAtRisk,
  reservationsAtRisk,
} from "@fulcrum/engines";
import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import { AppError } from "../errors";
import { type NewNotification, notify } from "../notifications/notification-service";
import type { ResourceLoad } from "../supply/supply-output";
import type { WorkspaceService } from "../workspace/workspace-service";
import { committedPlanFor, currentIndex, loadPromisingInputs } from "./promising-data";

export interface PromiseAtRiskView {
  readonly id: number;
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly customer: string | null;
  readonly quantity: number;
  readonly lines: readonly (PromiseLine & { readonly source: string })[];
  /** Units the plan no longer covers in the periods promised (a made line at risk counts whole). */
  readonly uncovered: number;
  /** The earliest period by which the plan can deliver all of it; null when not within its horizon. */
  readonly achievablePeriod: string | null;
  /** The user told: the customer's account manager, or the promise's maker. */
  readonly notify: string;
  readonly committedPlanId: number;
}

export interface PromiseRiskCheck {
  readonly committedPlanId: number;
  readonly cyclePeriod: string;
  readonly atRisk: readonly PromiseAtRiskView[];
  /** Notifications written by this check (0 when every one was sent before). */
  readonly notified: number;
}

export class PromiseRiskService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly now: () => Date,
  ) {}

  /** The accepted promises the committed plan in force no longer meets; writes nothing. */
  async atRisk(): Promise<Omit<PromiseRiskCheck, "notified">> {
    return this.compute(this.database.db);
  }

  /** Lists the promises at risk and notifies each one's sales user, once per promise and plan. */
  async check(): Promise<PromiseRiskCheck> {
    return this.database.db.transaction().execute(async (trx) => {
      // One check at a time: the unique key keeps notifications single anyway, this keeps the work single.
      await sql`SELECT pg_advisory_xact_lock(hashtext('promise-risk-check'))`.execute(trx);
      const found = await this.compute(trx);
      const rows: NewNotification[] = [];
      const users = await this.userIds(
        trx,
        found.atRisk.map((r) => r.notify),
      );
      for (const r of found.atRisk) {
        const userId = users.get(r.notify);
        if (userId === undefined) continue;
        rows.push({
          userId,
          kind: "promise_at_risk",
          promiseId: r.id,
          committedPlanId: found.committedPlanId,
          message: message(r, found.cyclePeriod),
        });
      }
      return { ...found, notified: await notify(trx, rows, this.now()) };
    });
  }

  private async compute(db: Kysely<Schema>): Promise<Omit<PromiseRiskCheck, "notified">> {
    const cycle = (await this.workspace.company()).currentPeriod;
    const plan = await committedPlanFor(db, cycle);
    if (!plan) throw new AppError("conflict", "no committed plan yet: promises are checked against it");
    const promises = await sql<{
      id: number;
      sku: string;
      location: string;
      segment: string;
      customer: string | null;
      quantity: number;
      notify: string;
    }>`
      SELECT p.id, p.sku, p.location, p.segment, p.customer, p.quantity,
             coalesce(am.username, maker.username) AS notify
      FROM promises p
      JOIN users maker ON maker.id = p.created_by
      LEFT JOIN customers c ON c.code = p.customer
      LEFT JOIN users am ON am.username = c.account_manager AND NOT am.disabled
      WHERE p.status = 'accepted'
      ORDER BY p.sku, p.location, p.id`.execute(db);
    const byId = new Map(promises.rows.map((p) => [p.id, p]));
    const lines = await sql<{ id: number; period: string; quantity: number; source: string }>`
      SELECT l.promise_id AS id, l.period, l.quantity, l.source FROM promise_lines l
      JOIN promises p ON p.id = l.promise_id WHERE p.status = 'accepted' ORDER BY 1, 2, 4`.execute(db);
    const linesOf = new Map<number, { period: string; quantity: number; source: string }[]>();
    for (const l of lines.rows) {
      const list = linesOf.get(l.id) ?? [];
      list.push({ period: l.period, quantity: l.quantity, source: l.source });
      linesOf.set(l.id, list);
    }
    const found = new Map<number, { uncovered: number; achievablePeriod: string | null }>();
    const flag = (id: number, uncovered: number, achievablePeriod: string | null) => {
      const before = found.get(id);
      found.set(
        id,
        before
          ? { uncovered: before.uncovered + uncovered, achievablePeriod: null }
          : { uncovered, achievablePeriod },
      );
    };
    // ATP lines, per SKU-location of the promises.
    const pairs = [...new Set(promises.rows.map((p) => `${p.sku}\u0000${p.location}`))];
    for (const pair of pairs) {
      const [sku, location] = pair.split("\u0000") as [string, string];
      const inputs = await loadPromisingInputs(db, plan, sku, location);
      const pools = allocateAtp(
        availableToPromise(inputs.atp),
        inputs.allocation,
        currentIndex(inputs.atp.periods, cycle),
      );
      for (const r of promisesAtRisk(pools, inputs.promises))
        if (!inputs.reservationIds.has(r.id)) flag(r.id, r.uncovered, r.achievablePeriod);
    }
    // Made lines: their reserved hours against the new plan's spare hours, and their reserved
    // components against each component's new ATP at its plant. No new date is worked out for them.
    const madeAtRisk = new Set<number>();
    const periods = (plan.supply_summary as { periods?: string[] }).periods ?? [];
    const spare = new Map<string, number>();
    for (const c of (plan.supply_summary as { capacity?: ResourceLoad[] }).capacity ?? [])
      for (const [t, period] of periods.entries())
        spare.set(`${c.resource}@${period}`, Math.max(0, (c.regularHours[t] ?? 0) - (c.load[t] ?? 0)));
    const reserved = await sql<{
      id: number;
      kind: string;
      code: string;
      location: string;
      period: string;
      quantity: number;
    }>`
      SELECT r.promise_id AS id, r.kind, r.code, r.location, r.period, r.quantity
      FROM promise_reservations r JOIN promises p ON p.id = r.promise_id
      WHERE p.status = 'accepted' ORDER BY r.promise_id, r.code, r.period`.execute(db);
    const hours = reserved.rows.filter((r) => r.kind === "capacity");
    // A resource the new plan does not load has no spare hours in its months.
    for (const r of hours)
      if (periods.includes(r.period))
        spare.set(`${r.code}@${r.period}`, spare.get(`${r.code}@${r.period}`) ?? 0);
    for (const id of reservationsAtRisk(
      spare,
      hours.map((r) => ({ id: r.id, resource: r.code, period: r.period, hours: r.quantity })),
    ))
      madeAtRisk.add(id);
    const components = [
      ...new Set(
        reserved.rows.filter((r) => r.kind === "material").map((r) => `${r.code}\u0000${r.location}`),
      ),
    ];
    for (const pair of components) {
      const [sku, location] = pair.split("\u0000") as [string, string];
      const inputs = await loadPromisingInputs(db, plan, sku, location);
      const pools = allocateAtp(
        availableToPromise(inputs.atp),
        null,
        currentIndex(inputs.atp.periods, cycle),
      );
      for (const r of promisesAtRisk(pools, inputs.promises))
        if (inputs.reservationIds.has(r.id)) madeAtRisk.add(r.id);
    }
    for (const id of madeAtRisk) {
      const made = (linesOf.get(id) ?? []).filter((l) => l.source === "ctp");
      flag(
        id,
        made.reduce((a, l) => a + l.quantity, 0),
        null,
      );
    }
    const atRisk: PromiseAtRiskView[] = [...found]
      .filter(([id]) => byId.has(id))
      .sort((a, b) => a[0] - b[0])
      .map(([id, r]) => ({
        ...byId.get(id)!,
        lines: linesOf.get(id) ?? [],
        uncovered: r.uncovered,
        achievablePeriod: r.achievablePeriod,
        committedPlanId: plan.id,
      }));
    return { committedPlanId: plan.id, cyclePeriod: plan.cycle_period, atRisk };
  }

  private async userIds(db: Kysely<Schema>, usernames: readonly string[]): Promise<Map<string, number>> {
    if (usernames.length === 0) return new Map();
    const rows = await db
      .selectFrom("users")
      .select(["id", "username"])
      .where("username", "in", [...new Set(usernames)])
      .execute();
    return new Map(rows.map((r) => [r.username, r.id]));
  }
}

function message(r: PromiseAtRiskView, cycle: string): string {
  const what = `Promise ${r.id}: ${r.quantity} × ${r.sku} at ${r.location}${r.customer ? ` for ${r.customer}` : ""}`;
  const when = r.achievablePeriod
    ? `the plan can now deliver all of it by ${r.achievablePeriod}`
    : "the plan cannot deliver all of it within its horizon";
  return `${what} is at risk under the committed plan of ${cycle}: ${r.uncovered} short; ${when}.`;
}
