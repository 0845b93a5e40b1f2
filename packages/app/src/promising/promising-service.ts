// Order promising against the committed plan: what is available to promise for a SKU-location, a
// quote for a customer's request, and its acceptance. Accepting takes a transaction-scoped advisory
// lock on the SKU-location, recomputes ATP inside it from the promises already accepted and only
// then writes the new one, so two concurrent acceptances can never promise the same units.

import { parsePeriod } from "@fulcrum/domain";
import {
  allocateAtp,
  atpAvailableTo,
  availableToPromise,
  consumePromises,
  type PromiseAnswer,
  type PromiseAtRisk,
  promiseOrder,
} from "@fulcrum/engines";
import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import type { WorkspaceService } from "../workspace/workspace-service";
import {
  committedPlanFor,
  currentAllocations,
  loadPromisingInputs,
  type PromisingInputs,
} from "./promising-data";

export interface PromiseRequestInput {
  readonly sku: string;
  readonly location: string;
  readonly quantity: number;
  readonly period: string;
  readonly segment: string;
  readonly customer?: string | null;
}

export interface AtpView {
  readonly sku: string;
  readonly location: string;
  readonly committedPlanId: number;
  readonly cyclePeriod: string;
  readonly periods: readonly string[];
  readonly onHand: number;
  readonly receipts: readonly number[];
  /** Open orders and the plan's own outflows per period. */
  readonly committed: readonly number[];
  /** ATP before the promises already accepted. */
  readonly discrete: readonly number[];
  readonly cumulative: readonly number[];
  readonly uncovered: number;
  /** Units promised per period (accepted promises' lines). */
  readonly promised: readonly number[];
  /** What each segment (and a segment without an allocation, `*`) may still take by each period. */
  readonly available: readonly { readonly segment: string; readonly cumulative: readonly number[] }[];
  /** Accepted promises the committed plan can no longer cover. */
  readonly atRisk: readonly PromiseAtRisk[];
}

export interface PromiseQuote extends PromiseAnswer {
  readonly request: PromiseRequestInput;
  readonly committedPlanId: number;
}

export interface PromiseRecord {
  readonly id: number;
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly customer: string | null;
  readonly quantity: number;
  readonly requestedPeriod: string;
  readonly kind: string;
  readonly committedPlanId: number;
  readonly status: string;
  readonly lines: readonly { readonly period: string; readonly quantity: number }[];
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface AllocationView {
  readonly segment: string;
  readonly share: number;
  readonly cutoffPeriods: number;
  readonly setBy: string;
  readonly setAt: string;
}

const MAX_QUANTITY = 1_000_000_000;

export class PromisingService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly now: () => Date,
  ) {}

  /** ATP of one SKU-location against the committed plan, net of accepted promises. */
  async atp(sku: string, location: string): Promise<AtpView> {
    await this.checkKeys(this.database.db, { sku, location });
    const cycle = await this.cycle();
    const { inputs, current } = await this.inputs(this.database.db, cycle, sku, location);
    const atp = availableToPromise(inputs.atp);
    const pools = allocateAtp(atp, inputs.allocation, current);
    const atRisk = consumePromises(pools, inputs.promises);
    const promised = atp.periods.map(() => 0);
    for (const p of inputs.promises)
      for (const l of p.lines) {
        const t = atp.periods.indexOf(l.period);
        if (t >= 0) promised[t]! += l.quantity;
      }
    const segments = [...Object.keys(inputs.allocation).sort(), "*"];
    return {
      sku,
      location,
      committedPlanId: inputs.committedPlanId,
      cyclePeriod: inputs.cyclePeriod,
      periods: atp.periods,
      onHand: inputs.atp.onHand,
      receipts: inputs.atp.receipts,
      committed: inputs.atp.committed,
      discrete: atp.discrete,
      cumulative: atp.cumulative,
      uncovered: atp.uncovered,
      promised,
      available: segments.map((segment) => ({
        segment,
        cumulative: atp.periods.map((_, t) => atpAvailableTo(pools, segment, t)),
      })),
      atRisk,
    };
  }

  /** What could be promised for the request now; writes nothing. */
  async quote(request: PromiseRequestInput): Promise<PromiseQuote> {
    await this.checkRequest(this.database.db, request);
    return this.answer(this.database.db, await this.cycle(), request);
  }

  /**
   * Promises what can be promised for the request and records it, atomically per SKU-location.
   * Refused (conflict) when nothing at all can be promised.
   */
  async accept(request: PromiseRequestInput, user: User): Promise<PromiseRecord> {
    await this.checkRequest(this.database.db, request);
    // Read before the transaction: inside it, only the transaction's own connection may be used, or
    // many acceptances waiting on the lock could hold every pooled connection and wait for one more.
    const cycle = await this.cycle();
    const id = await this.database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`promise:${request.sku}@${request.location}`}))`.execute(
        trx,
      );
      const quote = await this.answer(trx, cycle, request);
      if (quote.promised === 0)
        throw new AppError(
          "conflict",
          `nothing of ${request.sku} at ${request.location} can be promised within the committed plan`,
        );
      const row = await trx
        .insertInto("promises")
        .values({
          sku: request.sku,
          location: request.location,
          segment: request.segment,
          customer: request.customer ?? null,
          quantity: request.quantity,
          requested_period: request.period,
          kind: quote.kind,
          committed_plan_id: quote.committedPlanId,
          created_by: user.id,
          created_at: this.now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("promise_lines")
        .values(quote.lines.map((l) => ({ promise_id: row.id, period: l.period, quantity: l.quantity })))
        .execute();
      return row.id;
    });
    return (await this.list({ id }))[0]!;
  }

  /** The segments' allocations in force (a share of 0 is left out). */
  async allocations(): Promise<AllocationView[]> {
    return (await currentAllocations(this.database.db)).map((a) => ({
      segment: a.segment,
      share: Number(a.share),
      cutoffPeriods: a.cutoff_periods,
      setBy: a.set_by,
      setAt: a.set_at.toISOString(),
    }));
  }

  /**
   * Sets a segment's share of ATP and its cut-off (a share of 0 ends its allocation). Each change is
   * a new row with who and when, so earlier allocations stay readable. Refused when the shares in
   * force would sum above 1.
   */
  async setAllocation(
    input: { segment: string; share: number; cutoffPeriods: number },
    user: User,
  ): Promise<AllocationView[]> {
    if (!(input.share >= 0 && input.share <= 1))
      throw new AppError("bad_request", "share: between 0 and 1", { field: "share" });
    if (!(Number.isInteger(input.cutoffPeriods) && input.cutoffPeriods >= 0 && input.cutoffPeriods <= 24))
      throw new AppError("bad_request", "cutoffPeriods: a whole number of periods, 0 to 24", {
        field: "cutoffPeriods",
      });
    const share = Math.round(input.share * 10_000) / 10_000;
    await this.database.db.transaction().execute(async (trx) => {
      // One writer at a time, so two segments raised together cannot pass the sum check each.
      await sql`SELECT pg_advisory_xact_lock(hashtext('atp-allocations'))`.execute(trx);
      if ((await sql`SELECT 1 FROM segments WHERE code = ${input.segment}`.execute(trx)).rows.length === 0)
        throw new AppError("not_found", `segment: no segment ${input.segment}`, { field: "segment" });
      const others = (await currentAllocations(trx)).filter((a) => a.segment !== input.segment);
      const total = others.reduce((a, r) => a + Number(r.share), share);
      if (total > 1 + 1e-9)
        throw new AppError(
          "bad_request",
          `share: the segments' shares would sum to ${total.toFixed(4)}, above 1`,
          {
            field: "share",
          },
        );
      await trx
        .insertInto("atp_allocations")
        .values({
          segment: input.segment,
          share,
          cutoff_periods: input.cutoffPeriods,
          set_by: user.id,
          set_at: this.now(),
        })
        .execute();
    });
    return this.allocations();
  }

  /** Promises, newest first, optionally of one SKU-location. */
  async list(filter: { sku?: string; location?: string; id?: number } = {}): Promise<PromiseRecord[]> {
    let query = this.database.db
      .selectFrom("promises as p")
      .innerJoin("users as u", "u.id", "p.created_by")
      .selectAll("p")
      .select("u.display_name as created_by_name")
      .orderBy("p.id", "desc")
      .limit(500);
    if (filter.sku) query = query.where("p.sku", "=", filter.sku);
    if (filter.location) query = query.where("p.location", "=", filter.location);
    if (filter.id !== undefined) query = query.where("p.id", "=", filter.id);
    const rows = await query.execute();
    const lines =
      rows.length === 0
        ? []
        : await this.database.db
            .selectFrom("promise_lines")
            .selectAll()
            .where(
              "promise_id",
              "in",
              rows.map((r) => r.id),
            )
            .orderBy("period")
            .execute();
    return rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      location: r.location,
      segment: r.segment,
      customer: r.customer,
      quantity: r.quantity,
      requestedPeriod: r.requested_period,
      kind: r.kind,
      committedPlanId: r.committed_plan_id,
      status: r.status,
      lines: lines
        .filter((l) => l.promise_id === r.id)
        .map((l) => ({ period: l.period, quantity: l.quantity })),
      createdBy: r.created_by_name,
      createdAt: r.created_at.toISOString(),
    }));
  }

  private async cycle(): Promise<string> {
    return (await this.workspace.company()).currentPeriod;
  }

  private async answer(
    db: Kysely<Schema>,
    cycle: string,
    request: PromiseRequestInput,
  ): Promise<PromiseQuote> {
    const { inputs, current } = await this.inputs(db, cycle, request.sku, request.location);
    const pools = allocateAtp(availableToPromise(inputs.atp), inputs.allocation, current);
    consumePromises(pools, inputs.promises);
    return {
      ...promiseOrder(pools, request),
      request,
      committedPlanId: inputs.committedPlanId,
    };
  }

  private async inputs(
    db: Kysely<Schema>,
    cycle: string,
    sku: string,
    location: string,
  ): Promise<{ inputs: PromisingInputs; current: number }> {
    const plan = await committedPlanFor(db, cycle);
    if (!plan)
      throw new AppError(
        "conflict",
        "no committed plan yet: promises are made against the cycle's committed plan",
      );
    const inputs = await loadPromisingInputs(db, plan, sku, location);
    const periods = inputs.atp.periods;
    const t = periods.indexOf(cycle);
    const current = t >= 0 ? t : cycle < (periods[0] ?? "") ? 0 : Math.max(periods.length - 1, 0);
    return { inputs, current };
  }

  private async checkRequest(db: Kysely<Schema>, request: PromiseRequestInput) {
    if (!(Number.isInteger(request.quantity) && request.quantity > 0 && request.quantity <= MAX_QUANTITY))
      throw new AppError("bad_request", "quantity: a whole number of units, 1 or more", {
        field: "quantity",
      });
    if (!parsePeriod(request.period) || request.period.includes("W"))
      throw new AppError("bad_request", `period: ${request.period} is not a month (YYYY-MM)`, {
        field: "period",
      });
    await this.checkKeys(db, request);
  }

  private async checkKeys(
    db: Kysely<Schema>,
    keys: { sku: string; location: string; segment?: string; customer?: string | null },
  ) {
    const exists = async (
      table: "items" | "locations" | "segments" | "customers",
      column: string,
      value: string,
    ) =>
      (
        await sql<{
          n: number;
        }>`SELECT 1 AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${value}`.execute(db)
      ).rows.length > 0;
    if (!(await exists("items", "sku", keys.sku)))
      throw new AppError("not_found", `sku: no item ${keys.sku}`, { field: "sku" });
    if (!(await exists("locations", "code", keys.location)))
      throw new AppError("not_found", `location: no location ${keys.location}`, { field: "location" });
    if (keys.segment !== undefined && !(await exists("segments", "code", keys.segment)))
      throw new AppError("not_found", `segment: no segment ${keys.segment}`, { field: "segment" });
    if (keys.customer && !(await exists("customers", "code", keys.customer)))
      throw new AppError("not_found", `customer: no customer ${keys.customer}`, { field: "customer" });
  }
}
