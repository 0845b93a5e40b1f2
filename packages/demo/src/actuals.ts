// What the demo's last year really was on the supply side, beyond what was made and sold: each raw
// material's purchase orders with the supplier's promised and actual receipts, the realised unit
// cost of each finished SKU, and each plant's expedite, overtime and subcontract spend — the
// actuals supplier delivery performance, realised margin and expedite cost are measured on.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import type { RawMaterial } from "./materials";
import { PLANTS } from "./network";
import { stream } from "./random";
import { SUPPLIERS } from "./suppliers";

const MONTHS = 12;

/**
 * One purchase order a month per raw material and plant that uses it, for a month of its use,
 * confirmed for the 10th. Eight in ten arrive on time and in full; the rest arrive 1–9 days late,
 * and one in twenty short by 2–15 %. Orders for the coming months already placed by the as-of
 * date are written too, still open, so a plan made then sees what is on order.
 *
 * @param monthlyUse average monthly use per raw material code over the last year.
 * @param plantsOf the plants that use each raw material (where it has a standard cost).
 */
export function supplierReceiptRows(
  seed: number,
  raws: readonly RawMaterial[],
  monthlyUse: ReadonlyMap<string, number>,
  plantsOf: ReadonlyMap<string, readonly string[]>,
  calendar: DemoCalendar,
): ImportRow[] {
  const rng = stream(seed, "supplier-receipts");
  const rows: ImportRow[] = [];
  // The months ahead come last so that the history's draws stay as they were.
  const months = [...calendar.history.slice(-MONTHS), ...calendar.future.slice(0, 3)];
  let po = 20_000;
  for (const month of months)
    for (const raw of raws)
      for (const plant of plantsOf.get(raw.code) ?? []) {
        const promisedDay = month.firstDay + 9;
        if (promisedDay - raw.leadTimeDays > calendar.asOfDay) continue;
        const quantity = Math.round((monthlyUse.get(raw.code) ?? 0) * rng.between(0.85, 1.15));
        if (quantity <= 0) continue;
        const late = rng.chance(0.2) ? rng.int(1, 9) : 0;
        const short = rng.chance(0.05) ? rng.between(0.02, 0.15) : 0;
        const received = promisedDay + late < calendar.asOfDay;
        po += 1;
        rows.push({
          po_id: `PO-${po}`,
          line: 1,
          supplier: SUPPLIERS[raw.suppliers[0]!]!.code,
          sku: raw.code,
          location: plant,
          order_date: calendar.iso(promisedDay - raw.leadTimeDays),
          promised_date: calendar.iso(promisedDay),
          promised_qty: quantity,
          received_date: received ? calendar.iso(promisedDay + late) : null,
          received_qty: received ? Math.round(quantity * (1 - short)) : 0,
        });
      }
  return rows;
}

/**
 * Realised unit cost of each finished SKU = its standard cost × 0.96–1.06 (materials ran a little
 * above standard more often than below); each plant's monthly expedite spend 2–9 k EUR, overtime
 * 8–30 k EUR, and subcontracting in one month in four.
 *
 * @param standardCost each finished SKU's total standard cost per unit, in cents.
 */
export function costActualRows(
  seed: number,
  skus: readonly FinishedSku[],
  standardCost: ReadonlyMap<string, number>,
  calendar: DemoCalendar,
): ImportRow[] {
  const rng = stream(seed, "cost-actuals");
  const rows: ImportRow[] = [];
  for (const month of calendar.history.slice(-MONTHS)) {
    for (const sku of skus) {
      const cost = standardCost.get(sku.code);
      if (cost === undefined) continue;
      rows.push({
        period: month.period,
        location: PLANTS[sku.family.plant]!.code,
        kind: "unit_cost",
        sku: sku.code,
        amount: Math.round(cost * rng.between(0.96, 1.06)),
      });
    }
    for (const plant of PLANTS) {
      const spend = (kind: string, low: number, high: number) =>
        rows.push({
          period: month.period,
          location: plant.code,
          kind,
          sku: null,
          amount: Math.round(rng.between(low, high)) * 100,
        });
      spend("expedite", 2_000, 9_000);
      spend("overtime", 8_000, 30_000);
      if (rng.chance(0.25)) spend("subcontract", 10_000, 40_000);
    }
  }
  return rows;
}
