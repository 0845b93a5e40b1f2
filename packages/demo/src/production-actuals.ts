// What the demo's plants made over the last year: each finished SKU's monthly deliveries, made at
// its family's plant in the month they shipped — the actuals that plan attainment is measured on.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import { PLANTS } from "./network";

const MONTHS = 12;

export function productionActualRows(
  skus: readonly FinishedSku[],
  delivered: Float64Array,
  calendar: DemoCalendar,
): ImportRow[] {
  const h = calendar.history.length;
  const rows: ImportRow[] = [];
  for (const sku of skus)
    for (let t = Math.max(0, h - MONTHS); t < h; t++) {
      const quantity = Math.round(delivered[sku.index * h + t]!);
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
