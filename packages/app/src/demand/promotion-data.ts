// What the promotion and transition engines read from the database: the promotions calendar, the
// product transitions, each SKU's segment mix (to apply a one-segment promotion to a forecast
// that is not split by segment) and the list prices a promotion's revenue is valued at.

import { addPeriods, type PeriodKey, periodsBetween } from "@fulcrum/domain";
import type { PromotionInput, TransitionInput, TransitionKind } from "@fulcrum/engines";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";

export interface PromotionRow extends PromotionInput {
  readonly name: string;
  readonly discountPct: number;
}

const iso = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export async function loadPromotions(db: Kysely<Schema>): Promise<PromotionRow[]> {
  const rows = await sql<{
    code: string;
    name: string;
    sku: string | null;
    group_code: string | null;
    segment: string | null;
    start_date: string;
    end_date: string;
    uplift_pct: number;
    discount_pct: number;
    uplift_units: number | null;
    cannibalisation_pct: number | null;
    post_dip_pct: number | null;
  }>`
    SELECT code, name, sku, group_code, segment, to_char(start_date, 'YYYY-MM-DD') AS start_date,
           to_char(end_date, 'YYYY-MM-DD') AS end_date, uplift_pct, discount_pct, uplift_units,
           cannibalisation_pct, post_dip_pct
    FROM promotions ORDER BY start_date, code`.execute(db);
  return rows.rows.map((r) => ({
    code: r.code,
    name: r.name,
    sku: r.sku,
    group: r.group_code,
    segment: r.segment,
    start: iso(r.start_date),
    end: iso(r.end_date),
    upliftPct: r.uplift_pct,
    discountPct: r.discount_pct,
    upliftUnits: r.uplift_units,
    cannibalisationPct: r.cannibalisation_pct,
    postDipPct: r.post_dip_pct,
  }));
}

/** The transitions; a launch with its SKU's closed months of demand before `currentPeriod`. */
export async function loadTransitions(
  db: Kysely<Schema>,
  currentPeriod: PeriodKey,
): Promise<TransitionInput[]> {
  const rows = await sql<{
    kind: TransitionKind;
    sku: string;
    predecessor_sku: string | null;
    start_date: string;
    end_date: string;
    scale_pct: number | null;
    first_demand: string | null;
  }>`
    SELECT kind, sku, predecessor_sku, to_char(start_date, 'YYYY-MM-DD') AS start_date,
           to_char(end_date, 'YYYY-MM-DD') AS end_date, scale_pct,
           (SELECT to_char(min(h.requested_date), 'YYYY-MM') FROM sales_history h
             WHERE h.sku = t.sku AND h.requested_qty > 0 AND h.requested_date < ${`${currentPeriod}-01`}::date) AS first_demand
    FROM product_transitions t ORDER BY kind, sku`.execute(db);
  return rows.rows.map((r) => ({
    kind: r.kind,
    sku: r.sku,
    predecessor: r.predecessor_sku,
    start: r.start_date,
    end: r.end_date,
    scalePct: r.scale_pct,
    ownHistoryMonths: r.first_demand ? periodsBetween(r.first_demand as PeriodKey, currentPeriod) : 0,
  }));
}

/** SKU → segment → share of its requested units over the 12 closed months before `currentPeriod`. */
export async function loadSegmentShares(
  db: Kysely<Schema>,
  currentPeriod: PeriodKey,
): Promise<Map<string, Map<string, number>>> {
  const rows = await sql<{ sku: string; segment: string; share: number }>`
    SELECT h.sku, c.segment, sum(h.requested_qty) / nullif(sum(sum(h.requested_qty)) OVER (PARTITION BY h.sku), 0) AS share
    FROM sales_history h JOIN customers c ON c.code = h.customer
    WHERE h.requested_date >= ${`${addPeriods(currentPeriod, -12)}-01`}::date AND h.requested_date < ${`${currentPeriod}-01`}::date
    GROUP BY h.sku, c.segment`.execute(db);
  const shares = new Map<string, Map<string, number>>();
  for (const r of rows.rows) {
    if (r.share === null) continue;
    let bySegment = shares.get(r.sku);
    if (!bySegment) {
      bySegment = new Map();
      shares.set(r.sku, bySegment);
    }
    bySegment.set(r.segment, Number(r.share));
  }
  return shares;
}

export interface PriceRow {
  readonly segment: string | null;
  readonly from: string;
  readonly to: string | null;
  readonly price: number;
}

/** Every SKU's price list, newest first: one query however many promotions are priced. */
export async function loadPriceBook(db: Kysely<Schema>): Promise<Map<string, PriceRow[]>> {
  const rows = await sql<{
    sku: string;
    segment: string | null;
    from: string;
    to: string | null;
    unit_price: string;
  }>`
    SELECT sku, segment, to_char(valid_from, 'YYYY-MM-DD') AS from, to_char(valid_to, 'YYYY-MM-DD') AS to, unit_price
    FROM prices ORDER BY sku, valid_from DESC`.execute(db);
  const book = new Map<string, PriceRow[]>();
  for (const r of rows.rows) {
    const row = { segment: r.segment, from: r.from, to: r.to, price: Number(r.unit_price) };
    const list = book.get(r.sku);
    if (list) list.push(row);
    else book.set(r.sku, [row]);
  }
  return book;
}

/** Segment ("" for every segment) → the price valid on `date` (ISO dates compare as text). */
export function pricesOn(
  rows: readonly PriceRow[] | undefined,
  date: string,
): Map<string, number> | undefined {
  if (!rows) return undefined;
  const prices = new Map<string, number>();
  for (const r of rows) {
    const key = r.segment ?? "";
    if (!prices.has(key) && r.from <= date && (r.to === null || r.to >= date)) prices.set(key, r.price);
  }
  return prices;
}

/**
 * A SKU's price for a promotion: the segment's own price (else the all-segments price); for a
 * promotion on every segment the all-segments price, else the segments' prices weighted by the
 * SKU's segment mix (their plain mean when it has no history). Null when it has no price.
 */
export function promotionPrice(
  prices: ReadonlyMap<string, number> | undefined,
  segment: string | null,
  shares: ReadonlyMap<string, number> | undefined,
): number | null {
  if (!prices) return null;
  if (segment !== null) return prices.get(segment) ?? prices.get("") ?? null;
  const all = prices.get("");
  if (all !== undefined) return all;
  const segments = [...prices].filter(([s]) => s !== "");
  if (segments.length === 0) return null;
  const weights = segments.map(([s]) => shares?.get(s) ?? 0);
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0
    ? segments.reduce((sum, [, price], i) => sum + (price * weights[i]!) / total, 0)
    : segments.reduce((sum, [, price]) => sum + price, 0) / segments.length;
}
