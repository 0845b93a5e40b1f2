// Reads one measure of a plan version as a grid: a row per SKU × location × segment, a column per
// period, paged by row, so a planner's screen and the API move the same shape.

import { type PeriodKey, periodRange } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";

export interface PlanGridRow {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  /** One value per period of the grid; null where the plan holds no value. */
  readonly values: (number | null)[];
}

export interface PlanGrid {
  readonly versionId: number;
  readonly measure: string;
  readonly periods: string[];
  readonly total: number;
  readonly rows: PlanGridRow[];
}

export async function readPlanGrid(
  database: Database,
  query: {
    versionId: number;
    measure: string;
    from: PeriodKey;
    to: PeriodKey;
    offset: number;
    limit: number;
    search?: string;
  },
): Promise<PlanGrid> {
  const periods = periodRange(query.from, query.to);
  const pattern = query.search ? `%${query.search}%` : null;
  const keyFilter = sql`version_id = ${query.versionId} AND measure = ${query.measure} AND (${pattern}::text IS NULL OR sku ILIKE ${pattern})`;
  const total = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (SELECT DISTINCT sku, location, segment FROM plan_values WHERE ${keyFilter}) k`.execute(
    database.db,
  );
  const cells = await sql<{
    sku: string;
    location: string | null;
    segment: string | null;
    period: string;
    value: number;
  }>`
    WITH keys AS (
      SELECT DISTINCT sku, location, segment FROM plan_values WHERE ${keyFilter}
      ORDER BY sku, location NULLS FIRST, segment NULLS FIRST LIMIT ${query.limit} OFFSET ${query.offset}
    )
    SELECT v.sku, v.location, v.segment, v.period, v.value
    FROM plan_values v JOIN keys k
      ON v.sku = k.sku AND v.location IS NOT DISTINCT FROM k.location AND v.segment IS NOT DISTINCT FROM k.segment
    WHERE v.version_id = ${query.versionId} AND v.measure = ${query.measure} AND v.period BETWEEN ${query.from} AND ${query.to}
    ORDER BY v.sku, v.location NULLS FIRST, v.segment NULLS FIRST`.execute(database.db);
  const column = new Map(periods.map((p, i) => [p as string, i]));
  const rows: PlanGridRow[] = [];
  let current: PlanGridRow | undefined;
  for (const cell of cells.rows) {
    if (
      !current ||
      current.sku !== cell.sku ||
      current.location !== cell.location ||
      current.segment !== cell.segment
    ) {
      current = {
        sku: cell.sku,
        location: cell.location,
        segment: cell.segment,
        values: periods.map(() => null),
      };
      rows.push(current);
    }
    const at = column.get(cell.period);
    if (at !== undefined) current.values[at] = cell.value;
  }
  return { versionId: query.versionId, measure: query.measure, periods, total: total.rows[0]?.n ?? 0, rows };
}
