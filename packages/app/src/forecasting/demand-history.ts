// Monthly demand history per finished SKU, as the forecasting engine takes it. Demand is what
// customers asked for (requested quantity in the requested month): shipments would teach the model
// our own shortages. Only closed months count, and a SKU's series starts at its first demand so a
// recent launch is not read as years of zero sales.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";

export interface DemandSeries {
  readonly sku: string;
  /** First month of `values`. */
  readonly start: PeriodKey;
  readonly values: number[];
}

export async function loadDemandHistory(
  database: Database,
  currentPeriod: PeriodKey,
  months: number,
): Promise<DemandSeries[]> {
  const last = addPeriods(currentPeriod, -1);
  const first = addPeriods(currentPeriod, -months);
  const window = periodRange(first, last);
  const column = new Map(window.map((p, i) => [p as string, i]));
  const rows = await sql<{ sku: string; period: string; qty: number }>`
    SELECT i.sku, to_char(h.requested_date, 'YYYY-MM') AS period, sum(h.requested_qty) AS qty
    FROM items i JOIN sales_history h ON h.sku = i.sku
    WHERE i.item_type = 'finished' AND h.requested_date >= ${`${first}-01`}::date AND h.requested_date < ${`${currentPeriod}-01`}::date
    GROUP BY 1, 2`.execute(database.db);
  const bySku = new Map<string, number[]>();
  for (const row of rows.rows) {
    const values = bySku.get(row.sku) ?? window.map(() => 0);
    values[column.get(row.period)!] = row.qty;
    bySku.set(row.sku, values);
  }
  return [...bySku.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sku, values]) => {
      const from = values.findIndex((v) => v > 0);
      return { sku, start: window[from]!, values: values.slice(from) };
    });
}
