// What ATP is computed from, for one SKU-location, read in one place so a quote and an acceptance
// (inside its lock) see the same inputs: the committed plan's receipts and outflows, the stock the
// plan started from, open orders, the promises already accepted and the segments' allocations.
// Components a capable-to-promise promise reserved at a plant are taken from that SKU-location's ATP
// like a promise of its own, so no other promise, and no other CTP, can count on them again.

import type { AcceptedPromise, AtpAllocation, AtpInput } from "@fulcrum/engines";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";

export interface PromisingInputs {
  readonly committedPlanId: number;
  readonly cyclePeriod: string;
  readonly atp: AtpInput;
  /** Accepted promises' ATP lines and material reservations on this SKU-location, oldest first. */
  readonly promises: AcceptedPromise[];
  /** Ids in `promises` that are reservations of components for another SKU (not promises of this one). */
  readonly reservationIds: ReadonlySet<number>;
  readonly allocation: AtpAllocation;
}

const RECEIPTS = ["supply.production", "supply.purchases", "supply.scheduled_receipts", "supply.transfers"];
const OUTFLOWS = ["supply.shipments", "supply.consumption"];

/** The committed plan promises are made against: the cycle's, or the latest one before it. */
export async function committedPlanFor(db: Kysely<Schema>, cycle: string) {
  return db
    .selectFrom("committed_plans")
    .select(["id", "cycle_period", "supply_version_id", "committed_at", "supply_summary"])
    .where("cycle_period", "<=", cycle)
    .orderBy("cycle_period", "desc")
    .executeTakeFirst();
}

/**
 * Index of the cycle's period in the plan's periods: a cycle before the horizon is its first period,
 * one after it the last.
 */
export function currentIndex(periods: readonly string[], cycle: string): number {
  const t = periods.indexOf(cycle);
  return t >= 0 ? t : cycle < (periods[0] ?? "") ? 0 : Math.max(periods.length - 1, 0);
}

/** The allocation in force per segment: its latest row; a share of 0 keeps nothing. */
export async function currentAllocations(db: Kysely<Schema>) {
  const rows = await sql<{
    segment: string;
    share: string;
    cutoff_periods: number;
    set_by: string;
    set_at: Date;
  }>`
    SELECT DISTINCT ON (a.segment) a.segment, a.share, a.cutoff_periods, u.display_name AS set_by, a.set_at
    FROM atp_allocations a JOIN users u ON u.id = a.set_by
    ORDER BY a.segment, a.id DESC`.execute(db);
  return rows.rows.filter((r) => Number(r.share) > 0);
}

export async function loadPromisingInputs(
  db: Kysely<Schema>,
  plan: NonNullable<Awaited<ReturnType<typeof committedPlanFor>>>,
  sku: string,
  location: string,
): Promise<PromisingInputs> {
  const periods = ((plan.supply_summary as { periods?: string[] }).periods ?? []).slice();
  const index = new Map(periods.map((p, t) => [p, t]));
  const zeros = () => periods.map(() => 0);
  const receipts = zeros();
  const committed = zeros();
  // A committed version is flattened (it overlays nothing), so its own rows are all of its cells and
  // the plan_values key finds them without reading the whole version through plan_cells().
  const cells = await sql<{ measure: string; period: string; value: number }>`
    SELECT measure, period, sum(value)::float8 AS value FROM plan_values
    WHERE version_id = ${plan.supply_version_id} AND measure = ANY(${[...RECEIPTS, ...OUTFLOWS]})
      AND sku = ${sku} AND location = ${location}
    GROUP BY 1, 2`.execute(db);
  for (const c of cells.rows) {
    const t = index.get(c.period);
    if (t === undefined) continue;
    if (RECEIPTS.includes(c.measure)) receipts[t]! += c.value;
    else committed[t]! += c.value;
  }
  // Orders overdue count against the first period; orders past the horizon against no period.
  const orders = await sql<{ period: string; quantity: number }>`
    SELECT to_char(coalesce(promised_date, requested_date), 'YYYY-MM') AS period, sum(quantity)::float8 AS quantity
    FROM open_orders WHERE sku = ${sku} AND location = ${location} GROUP BY 1`.execute(db);
  for (const o of orders.rows) {
    const t = o.period < (periods[0] ?? "") ? 0 : index.get(o.period);
    if (t !== undefined && periods.length > 0) committed[t]! += o.quantity;
  }
  // The stock the committed plan started from: the last count on or before it was committed.
  const stock = await sql<{ on_hand: number }>`
    SELECT on_hand FROM inventory
    WHERE sku = ${sku} AND location = ${location} AND snapshot_date <= ${plan.committed_at}::date
    ORDER BY snapshot_date DESC LIMIT 1`.execute(db);
  // Lines made by capable-to-promise are not ATP (their reservations cover them), so they are left out.
  const lines = await sql<{
    id: number;
    segment: string;
    period: string;
    quantity: number;
    reserved: boolean;
  }>`
    SELECT p.id, p.segment, l.period, l.quantity::float8 AS quantity, false AS reserved
    FROM promises p JOIN promise_lines l ON l.promise_id = p.id
    WHERE p.sku = ${sku} AND p.location = ${location} AND p.status = 'accepted' AND l.source = 'atp'
    UNION ALL
    SELECT p.id, '*', r.period, r.quantity, true FROM promises p JOIN promise_reservations r ON r.promise_id = p.id
    WHERE r.kind = 'material' AND r.code = ${sku} AND r.location = ${location} AND p.status = 'accepted'
    ORDER BY 1, 3`.execute(db);
  const promises: AcceptedPromise[] = [];
  const reservationIds = new Set<number>();
  for (const l of lines.rows) {
    if (l.reserved) reservationIds.add(l.id);
    const last = promises.at(-1);
    const line = { period: l.period, quantity: l.quantity };
    if (last?.id === l.id) (last.lines as { period: string; quantity: number }[]).push(line);
    else promises.push({ id: l.id, segment: l.segment, lines: [line] });
  }
  const allocations = await currentAllocations(db);
  return {
    committedPlanId: plan.id,
    cyclePeriod: plan.cycle_period,
    atp: { periods, onHand: stock.rows[0]?.on_hand ?? 0, receipts, committed },
    promises,
    reservationIds,
    allocation: Object.fromEntries(
      allocations.map((a) => [a.segment, { share: Number(a.share), cutoffPeriods: a.cutoff_periods }]),
    ),
  };
}
