// What ATP is computed from, for one SKU-location, read in one place so a quote and an acceptance
// (inside its lock) see the same inputs: the committed plan's receipts and outflows, the stock the
// plan started from, open orders, the promises already accepted and the segments' allocations.

import type { AcceptedPromise, AtpAllocation, AtpInput } from "@fulcrum/engines";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";

export interface PromisingInputs {
  readonly committedPlanId: number;
  readonly cyclePeriod: string;
  readonly atp: AtpInput;
  readonly promises: AcceptedPromise[];
  readonly allocation: AtpAllocation;
}

const RECEIPTS = ["supply.production", "supply.purchases", "supply.transfers"];
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
  const cells = await sql<{ measure: string; period: string; value: number }>`
    SELECT measure, period, sum(value)::float8 AS value FROM plan_cells(${plan.supply_version_id})
    WHERE sku = ${sku} AND location = ${location} AND measure = ANY(${[...RECEIPTS, ...OUTFLOWS]})
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
  const lines = await sql<{ id: number; segment: string; period: string; quantity: number }>`
    SELECT p.id, p.segment, l.period, l.quantity FROM promises p JOIN promise_lines l ON l.promise_id = p.id
    WHERE p.sku = ${sku} AND p.location = ${location} AND p.status = 'accepted'
    ORDER BY p.id, l.period`.execute(db);
  const promises: AcceptedPromise[] = [];
  for (const l of lines.rows) {
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
    allocation: Object.fromEntries(
      allocations.map((a) => [a.segment, { share: Number(a.share), cutoffPeriods: a.cutoff_periods }]),
    ),
  };
}
