// Reads the leaf cells an edit works on: every SKU × location × segment the version plans below a
// node, for each period of the range, with the edited layer's value, the spread basis, the lock
// and (for revenue edits) the price. One query, so a company-wide edit costs one round trip.

import { bucketOf, type PeriodKey } from "@fulcrum/domain";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import { AppError } from "../errors";
import { sortInMemory } from "../plans/plan-writer";
import { DEMAND_LAYERS } from "./demand-layers";
import { type DemandNode, skuBelow } from "./demand-node";

/** What the unlocked cells are spread in proportion to. */
export type SpreadBasis = "current" | "statistical" | "sales" | "consensus" | "history" | "even";

export interface LeafCell {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
  /** The edited layer's value; null where it holds none. */
  readonly value: number | null;
  readonly basis: number;
  readonly locked: boolean;
  /** Unit price in minor units (only read for revenue edits); null when the SKU has none. */
  readonly price: number | null;
}

const BASIS_MEASURE: Partial<Record<SpreadBasis, string>> = {
  statistical: "demand.statistical",
  sales: "demand.sales",
  consensus: "demand.consensus",
};

export interface LeafCellQuery {
  readonly versionId: number;
  readonly measure: string;
  readonly node: DemandNode;
  readonly periods: readonly PeriodKey[];
  readonly basis: SpreadBasis;
  readonly withPrices: boolean;
  /** Cells held for this edit only: a SKU in every period, or in one. */
  readonly extraLocks?: readonly { sku: string; period?: string }[];
}

/**
 * The cells below `node` for `periods`, ordered by SKU, location, segment and period. A cell is
 * any key the version plans in some demand layer — so an empty layer is still edited on the same
 * SKUs as the forecast. `history` is the quantity customers asked for in the same month a year
 * earlier; `even` gives every cell the weight 1.
 */
export async function readLeafCells(db: Kysely<Schema>, query: LeafCellQuery): Promise<LeafCell[]> {
  const { versionId, measure, basis } = query;
  // History and prices are dated by calendar month; a weekly plan has no month to look them up by.
  if ((basis === "history" || query.withPrices) && query.periods.some((p) => bucketOf(p) === "week"))
    throw new AppError("bad_request", "history spreads and revenue edits need monthly periods");
  if (basis !== "history" && !query.withPrices) return readLeafSeries(db, query);
  const basisMeasure = basis === "current" ? measure : (BASIS_MEASURE[basis] ?? null);
  const holdSkus = (query.extraLocks ?? []).map((l) => l.sku);
  const holdPeriods = (query.extraLocks ?? []).map((l) => l.period ?? null);
  const history =
    basis === "history"
      ? sql`(SELECT sum(h.requested_qty) FROM sales_history h LEFT JOIN customers c ON c.code = h.customer
              WHERE h.sku = k.sku AND (k.location IS NULL OR h.location = k.location)
                AND (k.segment IS NULL OR c.segment = k.segment)
                AND h.requested_date >= (p.period || '-01')::date - interval '12 months'
                AND h.requested_date < (p.period || '-01')::date - interval '11 months')`
      : sql`NULL`;
  const price = query.withPrices
    ? sql`(SELECT pr.unit_price FROM prices pr
            WHERE pr.sku = k.sku AND (pr.segment IS NULL OR pr.segment IS NOT DISTINCT FROM k.segment)
              AND pr.valid_from <= (p.period || '-01')::date AND (pr.valid_to IS NULL OR pr.valid_to >= (p.period || '-01')::date)
            ORDER BY pr.segment IS NULL, pr.valid_from DESC LIMIT 1)`
    : sql`NULL`;
  await sortInMemory(db);
  const result = await sql<{
    sku: string;
    location: string | null;
    segment: string | null;
    period: string;
    value: number | null;
    basis: number | null;
    locked: boolean;
    price: number | null;
  }>`
    WITH keys AS (
      SELECT DISTINCT sku, location, segment FROM plan_values
      WHERE version_id = ${versionId} AND measure = ANY(${DEMAND_LAYERS}::text[]) AND ${skuBelow(query.node)}
    ),
    periods AS (SELECT unnest(${query.periods}::text[]) AS period),
    edited AS (
      SELECT sku, coalesce(location, '') AS l, coalesce(segment, '') AS s, period, value FROM plan_values
      WHERE version_id = ${versionId} AND measure = ${measure} AND period = ANY(${query.periods}::text[])
        AND ${skuBelow(query.node)}
    ),
    weights AS (
      SELECT sku, coalesce(location, '') AS l, coalesce(segment, '') AS s, period, value FROM plan_values
      WHERE version_id = ${versionId} AND measure = ${basisMeasure} AND period = ANY(${query.periods}::text[])
        AND ${skuBelow(query.node)}
    ),
    holds AS (SELECT * FROM unnest(${holdSkus}::text[], ${holdPeriods}::text[]) AS h(sku, period))
    SELECT k.sku, k.location, k.segment, p.period, e.value,
           ${basis === "even" ? sql`1` : basis === "history" ? history : basis === "current" ? sql`e.value` : sql`w.value`} AS basis,
           (l.sku IS NOT NULL OR EXISTS (SELECT 1 FROM holds h WHERE h.sku = k.sku AND (h.period IS NULL OR h.period = p.period))) AS locked,
           ${price} AS price
    FROM keys k CROSS JOIN periods p
    LEFT JOIN edited e ON e.sku = k.sku AND e.l = coalesce(k.location, '') AND e.s = coalesce(k.segment, '') AND e.period = p.period
    ${
      // The current layer is its own basis: no second pass over the same values.
      basis === "current"
        ? sql``
        : sql`LEFT JOIN weights w ON w.sku = k.sku AND w.l = coalesce(k.location, '') AND w.s = coalesce(k.segment, '') AND w.period = p.period`
    }
    LEFT JOIN plan_locks l ON l.version_id = ${versionId} AND l.measure = ${measure} AND l.sku = k.sku AND l.period = p.period
    ORDER BY k.sku, k.location NULLS FIRST, k.segment NULLS FIRST, p.period`.execute(db);
  return result.rows.map((r) => ({ ...r, basis: Math.max(0, r.basis ?? 0) }));
}

/**
 * `readLeafCells` for a basis that is a layer or even, without prices: the version's demand series
 * below the node are read whole (a row per SKU × location × segment and layer, its cells as text)
 * and crossed with the periods here. A company-wide edit reads 10,000 rows per layer this way
 * instead of building 240,000 cell rows in the database.
 */
async function readLeafSeries(db: Kysely<Schema>, query: LeafCellQuery): Promise<LeafCell[]> {
  const { versionId, measure, basis, periods } = query;
  const basisMeasure = basis === "current" ? measure : (BASIS_MEASURE[basis] ?? null);
  const rows = await sql<{
    sku: string;
    location: string | null;
    segment: string | null;
    measure: string;
    periods: string;
    cell_values: string;
  }>`
    SELECT sku, location, segment, measure,
           CASE WHEN measure IN (${measure}, ${basisMeasure}) THEN array_to_string(periods, ',') END AS periods,
           CASE WHEN measure IN (${measure}, ${basisMeasure}) THEN array_to_string(cell_values, ',') END AS cell_values
    FROM plan_series
    WHERE version_id = ${versionId} AND measure = ANY(${DEMAND_LAYERS}::text[]) AND ${skuBelow(query.node)}`.execute(
    db,
  );
  const locked = await sql<{ sku: string; period: string }>`
    SELECT sku, period FROM plan_locks
    WHERE version_id = ${versionId} AND measure = ${measure} AND period = ANY(${periods}::text[]) AND ${skuBelow(query.node)}`.execute(
    db,
  );
  const lockedCells = new Set(locked.rows.map((l) => `${l.sku}\u0000${l.period}`));
  const heldSkus = new Set<string>();
  for (const hold of query.extraLocks ?? [])
    if (hold.period === undefined) heldSkus.add(hold.sku);
    else lockedCells.add(`${hold.sku}\u0000${hold.period}`);

  // Per key, the edited layer's and the basis layer's values aligned to the sorted periods.
  const sortedPeriods = [...periods].sort(compareText);
  const keys = new Map<string, LeafKey>();
  for (const row of rows.rows) {
    const id = `${row.sku}\u0000${row.location ?? ""}\u0000${row.segment ?? ""}`;
    let key = keys.get(id);
    if (!key) {
      key = { sku: row.sku, location: row.location, segment: row.segment, value: null, basis: null };
      keys.set(id, key);
    }
    if (row.periods === null || row.cell_values === null) continue;
    const aligned = alignTo(sortedPeriods, row.periods.split(","), row.cell_values.split(","));
    if (row.measure === measure) key.value = aligned;
    if (row.measure === basisMeasure) key.basis = aligned;
  }
  const ordered = [...keys.values()].sort(
    (a, b) =>
      compareText(a.sku, b.sku) ||
      compareNullsFirst(a.location, b.location) ||
      compareNullsFirst(a.segment, b.segment),
  );
  const cells: LeafCell[] = [];
  for (const key of ordered) {
    const held = heldSkus.has(key.sku);
    for (let i = 0; i < sortedPeriods.length; i++) {
      const period = sortedPeriods[i]!;
      cells.push({
        sku: key.sku,
        location: key.location,
        segment: key.segment,
        period,
        value: key.value?.[i] ?? null,
        basis: basis === "even" ? 1 : Math.max(0, key.basis?.[i] ?? 0),
        locked: held || lockedCells.has(`${key.sku}\u0000${period}`),
        price: null,
      });
    }
  }
  return cells;
}

interface LeafKey {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  value: (number | null)[] | null;
  basis: (number | null)[] | null;
}

/** A series' values at each of `periods` (both sorted), null where it holds none. */
function alignTo(
  periods: readonly string[],
  held: readonly string[],
  values: readonly string[],
): (number | null)[] {
  const out: (number | null)[] = new Array(periods.length).fill(null);
  let h = 0;
  for (let i = 0; i < periods.length; i++) {
    while (h < held.length && held[h]! < periods[i]!) h++;
    if (held[h] === periods[i]) out[i] = Number(values[h]);
  }
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullsFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

/** One leaf cell's value in every demand layer, and whether its consensus is locked. */
export interface LayeredCell {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
  readonly statistical: number | null;
  readonly sales: number | null;
  readonly marketing: number | null;
  readonly product: number | null;
  readonly consensus: number | null;
  readonly consensusLocked: boolean;
}

/** Every layer of the cells below `node` in `periods` that hold a value in at least one layer. */
export async function readLayeredCells(
  db: Kysely<Schema>,
  query: { versionId: number; node: DemandNode; periods: readonly PeriodKey[] },
): Promise<LayeredCell[]> {
  const { versionId } = query;
  const result = await sql<LayeredCell>`
    SELECT v.sku, v.location, v.segment, v.period,
           max(v.value) FILTER (WHERE v.measure = 'demand.statistical') AS statistical,
           max(v.value) FILTER (WHERE v.measure = 'demand.sales') AS sales,
           max(v.value) FILTER (WHERE v.measure = 'demand.marketing') AS marketing,
           max(v.value) FILTER (WHERE v.measure = 'demand.product') AS product,
           max(v.value) FILTER (WHERE v.measure = 'demand.consensus') AS consensus,
           EXISTS (SELECT 1 FROM plan_locks l WHERE l.version_id = ${versionId} AND l.measure = 'demand.consensus'
                   AND l.sku = v.sku AND l.period = v.period) AS "consensusLocked"
    FROM plan_values v
    WHERE v.version_id = ${versionId} AND v.period = ANY(${query.periods}::text[]) AND ${skuBelow(query.node, sql.ref("v.sku"))}
      AND v.measure IN ('demand.statistical', 'demand.sales', 'demand.marketing', 'demand.product', 'demand.consensus')
    GROUP BY v.sku, v.location, v.segment, v.period
    ORDER BY v.sku, v.location NULLS FIRST, v.segment NULLS FIRST, v.period`.execute(db);
  return result.rows;
}
