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
  // One pass: number the rows (SKU × location × segment) of the whole version, keep one page of them.
  const cells = await sql<{
    sku: string;
    location: string | null;
    segment: string | null;
    period: string;
    value: number;
  }>`
    SELECT sku, location, segment, period, value FROM (
      SELECT sku, location, segment, period, value,
             dense_rank() OVER (ORDER BY sku, location NULLS FIRST, segment NULLS FIRST) AS row_number
      FROM plan_values WHERE ${keyFilter}
    ) numbered
    -- Periods outside the window are dropped below, not here, so a row with no value in the
    -- window still shows (as empty cells) and pages always match the total.
    WHERE row_number > ${query.offset} AND row_number <= ${query.offset + query.limit}
    ORDER BY sku, location NULLS FIRST, segment NULLS FIRST`.execute(database.db);
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
