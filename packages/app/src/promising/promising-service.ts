// Order promising against the committed plan: what is available to promise for a SKU-location, a
// quote for a customer's request, and its acceptance. Accepting takes a transaction-scoped advisory
// lock on the SKU-location, recomputes ATP inside it from the promises already accepted and only
// then writes the new one, so two concurrent acceptances can never promise the same units. When ATP
// falls short by the period asked, a quote also says what could be made (capable-to-promise); an
// acceptance that takes it also locks the resources and components it reserves, every lock taken in
// one global order so acceptances that share some never wait on each other in a circle.

import { parsePeriod } from "@fulcrum/domain";
import {
  allocateAtp,
  atpAvailableTo,
  availableToPromise,
  type CtpAnswer,
  type CtpSource,
  capableToPromise,
  type PromiseAnswer,
  type PromiseAtRiskDate,
  type PromiseKind,
  type PromiseLine,
  periodIndex,
  promiseOrder,
  promisesAtRisk,
} from "@fulcrum/engines";
import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import type { WorkspaceService } from "../workspace/workspace-service";
import { ctpLockKeys, ctpSources, loadCtpInput } from "./ctp-data";
import { KeyedQueue } from "./keyed-queue";
import {
  committedPlanFor,
  currentAllocations,
  currentIndex,
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
  /** On acceptance: make what ATP cannot cover by the period asked, when the quote's CTP can. */
  readonly capableToPromise?: boolean;
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
  /** Accepted promises the committed plan can no longer cover, with the date it can. */
  readonly atRisk: readonly PromiseAtRiskDate[];
}

/** What capable-to-promise adds: ATP by the period asked, and the remainder made from spare hours and components. */
export interface CtpQuote {
  readonly kind: PromiseKind;
  readonly lines: readonly (PromiseLine & { readonly source: "atp" | "ctp" })[];
  readonly promised: number;
  readonly unpromised: number;
  /** Units to be made, and the period by which they are at the location (null when none can be made). */
  readonly made: number;
  readonly madeBy: string | null;
  readonly limitedBy: CtpAnswer["limitedBy"];
  readonly reservations: CtpAnswer["reservations"];
}

export interface PromiseQuote extends PromiseAnswer {
  readonly request: PromiseRequestInput;
  readonly committedPlanId: number;
  /** Present when ATP does not cover all of the request by the period asked. */
  readonly ctp: CtpQuote | null;
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
  readonly lines: readonly {
    readonly period: string;
    readonly quantity: number;
    readonly source: string;
  }[];
  readonly createdBy: string;
  readonly createdAt: string;
  /** Who cancelled it, when and why; null while it is accepted. */
  readonly cancellation: { readonly by: string; readonly at: string; readonly reason: string } | null;
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
  private readonly queue = new KeyedQueue();

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
    const atRisk = promisesAtRisk(pools, inputs.promises).filter((r) => !inputs.reservationIds.has(r.id));
    const promised = atp.periods.map(() => 0);
    for (const p of inputs.promises)
      for (const l of p.lines) {
        if (inputs.reservationIds.has(p.id)) continue;
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
    const sources = request.capableToPromise
      ? await ctpSources(this.database.db, request.sku, request.location)
      : [];
    const keys = [`promise:${request.sku}@${request.location}`, ...ctpLockKeys(sources)];
    const at = this.now();
    const made = await this.queue.run(keys, () =>
      this.database.db.transaction().execute(async (trx) => {
        await lockAll(trx, keys);
        // An acceptance from ATP alone does not work out what could be made.
        const quote = await this.answer(trx, cycle, request, request.capableToPromise ? sources : null);
        const ctp = request.capableToPromise && quote.ctp && quote.ctp.made > 0 ? quote.ctp : null;
        const lines = ctp ? ctp.lines : quote.lines.map((l) => ({ ...l, source: "atp" as const }));
        if (lines.length === 0)
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
            kind: ctp ? ctp.kind : quote.kind,
            committed_plan_id: quote.committedPlanId,
            created_by: user.id,
            created_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("promise_lines")
          .values(
            lines.map((l) => ({
              promise_id: row.id,
              period: l.period,
              quantity: l.quantity,
              source: l.source,
            })),
          )
          .execute();
        if (ctp && ctp.reservations.length > 0)
          await trx
            .insertInto("promise_reservations")
            .values(
              ctp.reservations.map((r) => ({
                promise_id: row.id,
                kind: r.kind,
                code: r.code,
                location: r.plant,
                period: r.period,
                quantity: r.quantity,
              })),
            )
            .execute();
        return {
          id: row.id,
          kind: ctp ? ctp.kind : quote.kind,
          committedPlanId: quote.committedPlanId,
          lines,
        };
      }),
    );
    // What was written, as `list` would read it back (without another round trip).
    return {
      id: made.id,
      sku: request.sku,
      location: request.location,
      segment: request.segment,
      customer: request.customer ?? null,
      quantity: request.quantity,
      requestedPeriod: request.period,
      kind: made.kind,
      committedPlanId: made.committedPlanId,
      status: "accepted",
      lines: [...made.lines]
        .sort((a, b) => a.period.localeCompare(b.period) || a.source.localeCompare(b.source))
        .map((l) => ({ period: l.period, quantity: l.quantity, source: l.source })),
      createdBy: user.displayName,
      createdAt: at.toISOString(),
      cancellation: null,
    };
  }

  /**
   * Cancels an accepted promise: who, when and why are kept on it, its lines stay for the record,
   * and its units (and any reserved hours and components) are available again to later promises.
   * Refused for a promise already cancelled.
   */
  async cancel(id: number, reason: string, user: User): Promise<PromiseRecord> {
    const why = reason.trim();
    if (why.length === 0)
      throw new AppError("bad_request", "reason: say why the promise is cancelled", { field: "reason" });
    const done = await this.database.db
      .updateTable("promises")
      .set({ status: "cancelled", cancelled_by: user.id, cancelled_at: this.now(), cancel_reason: why })
      .where("id", "=", id)
      .where("status", "=", "accepted")
      .returning("id")
      .executeTakeFirst();
    const [record] = await this.list({ id });
    if (!record) throw new AppError("not_found", `promise ${id}: no such promise`, { field: "id" });
    if (!done)
      throw new AppError(
        "conflict",
        `promise ${id} is already cancelled (by ${record.cancellation?.by} at ${record.cancellation?.at})`,
      );
    return record;
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
      .leftJoin("users as c", "c.id", "p.cancelled_by")
      .selectAll("p")
      .select(["u.display_name as created_by_name", "c.display_name as cancelled_by_name"])
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
            .orderBy("source")
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
        .map((l) => ({ period: l.period, quantity: l.quantity, source: l.source })),
      createdBy: r.created_by_name,
      createdAt: r.created_at.toISOString(),
      cancellation:
        r.status === "cancelled" && r.cancelled_at
          ? { by: r.cancelled_by_name ?? "", at: r.cancelled_at.toISOString(), reason: r.cancel_reason ?? "" }
          : null,
    }));
  }

  private async cycle(): Promise<string> {
    return (await this.workspace.company()).currentPeriod;
  }

  private async answer(
    db: Kysely<Schema>,
    cycle: string,
    request: PromiseRequestInput,
    /** The ways to make the SKU (read when undefined); null leaves capable-to-promise out. */
    sources?: readonly CtpSource[] | null,
  ): Promise<PromiseQuote> {
    const { inputs, current } = await this.inputs(db, cycle, request.sku, request.location);
    const pools = allocateAtp(availableToPromise(inputs.atp), inputs.allocation, current);
    promisesAtRisk(pools, inputs.promises);
    const answer = promiseOrder(pools, request);
    const base = { ...answer, request, committedPlanId: inputs.committedPlanId };
    const asked = periodIndex(pools, request.period);
    if (answer.kind === "full" || asked < 0 || sources === null) return { ...base, ctp: null };
    const plan = (await committedPlanFor(db, cycle))!;
    const ctpInput = await loadCtpInput(
      db,
      plan,
      sources ?? (await ctpSources(db, request.sku, request.location)),
      current,
    );
    const now = Math.min(atpAvailableTo(pools, request.segment, asked), request.quantity);
    const made = capableToPromise(ctpInput, request.quantity - now, asked);
    const lines: (PromiseLine & { source: "atp" | "ctp" })[] = [];
    if (now > 0) lines.push({ period: pools.periods[asked]!, quantity: now, source: "atp" });
    if (made.made > 0) lines.push({ period: made.period!, quantity: made.made, source: "ctp" });
    const promised = now + made.made;
    const onTime = now + (made.period === pools.periods[asked] ? made.made : 0);
    return {
      ...base,
      ctp: {
        kind: onTime === request.quantity ? "full" : promised === 0 ? "none" : now > 0 ? "partial" : "later",
        lines,
        promised,
        unpromised: request.quantity - promised,
        made: made.made,
        madeBy: made.period,
        limitedBy: made.limitedBy,
        reservations: made.reservations,
      },
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
    return { inputs, current: currentIndex(inputs.atp.periods, cycle) };
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
    // One round trip for all of them: every acceptance starts here.
    const { rows } = await sql<{ item: boolean; location: boolean; segment: boolean; customer: boolean }>`
      SELECT EXISTS (SELECT 1 FROM items WHERE sku = ${keys.sku}) AS item,
             EXISTS (SELECT 1 FROM locations WHERE code = ${keys.location}) AS location,
             EXISTS (SELECT 1 FROM segments WHERE code = ${keys.segment ?? ""}) AS segment,
             EXISTS (SELECT 1 FROM customers WHERE code = ${keys.customer ?? ""}) AS customer`.execute(db);
    const found = rows[0]!;
    const exists = (what: "items" | "locations" | "segments" | "customers") =>
      ({ items: found.item, locations: found.location, segments: found.segment, customers: found.customer })[
        what
      ];
    if (!exists("items")) throw new AppError("not_found", `sku: no item ${keys.sku}`, { field: "sku" });
    if (!exists("locations"))
      throw new AppError("not_found", `location: no location ${keys.location}`, { field: "location" });
    if (keys.segment !== undefined && !exists("segments"))
      throw new AppError("not_found", `segment: no segment ${keys.segment}`, { field: "segment" });
    if (keys.customer && !exists("customers"))
      throw new AppError("not_found", `customer: no customer ${keys.customer}`, { field: "customer" });
  }
}

/**
 * Takes the transaction-scoped advisory locks for `keys`, in order of their lock numbers: every
 * acceptance locks in that one order, so two that share locks can never each hold one the other waits for.
 */
async function lockAll(trx: Kysely<Schema>, keys: readonly string[]): Promise<void> {
  if (keys.length === 1) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${keys[0]!}))`.execute(trx);
    return;
  }
  const { rows } = await sql<{ k: number }>`
    SELECT DISTINCT hashtext(x) AS k FROM unnest(${[...keys]}::text[]) AS x ORDER BY k`.execute(trx);
  for (const { k } of rows) await sql`SELECT pg_advisory_xact_lock(${k}::int4)`.execute(trx);
}
