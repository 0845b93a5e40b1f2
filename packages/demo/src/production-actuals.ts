// What the demo's plants made over the last year: each finished SKU's monthly deliveries plus the
// change in its stock over the month, made at its family's plant — the actuals that plan attainment
// is measured on, consistent with the month-end stock counts.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import { COUNTED_MONTHS, type StockCounts } from "./inventory";
import { PLANTS } from "./network";

/**
 * made(t) = delivered(t) + stock(end of t) − stock(end of t − 1), never below 0, for each counted
 * month after the oldest (whose count is the opening stock of the first).
 *
 * @param delivered delivered units per SKU and history month, at sku × historyMonths + month.
 */
export function productionActualRows(
  skus: readonly FinishedSku[],
  delivered: Float64Array,
  stock: StockCounts["finished"],
  calendar: DemoCalendar,
): ImportRow[] {
  const h = calendar.history.length;
  const rows: ImportRow[] = [];
  for (const sku of skus)
    for (let k = 1; k < COUNTED_MONTHS; k++) {
      const t = h - COUNTED_MONTHS + k;
      const change = stock[sku.index * COUNTED_MONTHS + k]! - stock[sku.index * COUNTED_MONTHS + k - 1]!;
      const quantity = Math.max(0, Math.round(delivered[sku.index * h + t]! + change));
      if (quantity > 0)
        rows.push({
          sku: sku.code,
          location: PLANTS[sku.family.plant]!.code,
          period: calendar.history[t]!.period,
          quantity,
        });
    }
  return rows;
}
