// Monthly demand history per series at the forecast level — per finished SKU, per SKU and ship-from
// location, or per SKU and customer segment — as the forecasting engine takes it. Demand is what
// customers asked for (requested quantity in the requested month): shipments would teach the model
// our own shortages. Only closed months count, and a series starts at its first demand so a recent
// launch is not read as years of zero sales. Open orders are not history: they ask for the current
// month and later, which is what the forecast is for.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";

/** The level a statistical forecast is made at; every level's series add up to the SKU's demand. */
export const FORECAST_LEVELS = ["sku", "sku-location", "sku-segment"] as const;
export type ForecastLevel = (typeof FORECAST_LEVELS)[number];

/** A series' key, in the plan_values key columns: location or segment stay null above their level. */
export interface SeriesKey {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
}

export interface DemandSeries extends SeriesKey {
  /** First month of `values`. */
  readonly start: PeriodKey;
  readonly values: number[];
}

const SPLIT = {
  sku: { location: sql`NULL::text`, segment: sql`NULL::text` },
  "sku-location": { location: sql`h.location`, segment: sql`NULL::text` },
  "sku-segment": { location: sql`NULL::text`, segment: sql`c.segment` },
} as const;

export async function loadDemandHistory(
  database: Database,
  currentPeriod: PeriodKey,
  months: number,
  level: ForecastLevel = "sku",
): Promise<DemandSeries[]> {
  const last = addPeriods(currentPeriod, -1);
  const first = addPeriods(currentPeriod, -months);
  const window = periodRange(first, last);
  const column = new Map(window.map((p, i) => [p as string, i]));
  const { location, segment } = SPLIT[level];
  const rows = await sql<{
    sku: string;
    location: string | null;
    segment: string | null;
    period: string;
    qty: number;
  }>`
    SELECT i.sku, ${location} AS location, ${segment} AS segment,
           to_char(h.requested_date, 'YYYY-MM') AS period, sum(h.requested_qty) AS qty
    FROM items i JOIN sales_history h ON h.sku = i.sku JOIN customers c ON c.code = h.customer
    WHERE i.item_type = 'finished' AND h.requested_date >= ${`${first}-01`}::date AND h.requested_date < ${`${currentPeriod}-01`}::date
    GROUP BY 1, 2, 3, 4`.execute(database.db);
  const series = new Map<string, { key: SeriesKey; values: number[] }>();
  for (const row of rows.rows) {
    const id = `${row.sku}\u0000${row.location ?? ""}\u0000${row.segment ?? ""}`;
    let entry = series.get(id);
    if (!entry) {
      entry = {
        key: { sku: row.sku, location: row.location, segment: row.segment },
        values: window.map(() => 0),
      };
      series.set(id, entry);
    }
    entry.values[column.get(row.period)!] = row.qty;
  }
  return [...series.values()]
    .sort((a, b) => compareKeys(a.key, b.key))
    .flatMap(({ key, values }) => {
      const from = values.findIndex((v) => v > 0);
      // Only returns or zero quantities in the window: nothing to forecast from.
      return from < 0 ? [] : [{ ...key, start: window[from]!, values: values.slice(from) }];
    });
}

function compareKeys(a: SeriesKey, b: SeriesKey): number {
  return (
    a.sku.localeCompare(b.sku) ||
    (a.location ?? "").localeCompare(b.location ?? "") ||
    (a.segment ?? "").localeCompare(b.segment ?? "")
  );
}
