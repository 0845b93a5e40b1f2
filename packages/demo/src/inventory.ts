// The stock counts at the end of each of the last twelve history months: finished goods at the DCs
// and a little at the plants, filled bottles and raw materials at the plants that use them. Past
// supply plans start from the count before their cycle, and inventory versus plan compares each
// month's count with what the plan in force projected.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import type { MaterialUse } from "./material-use";
import type { Materials } from "./materials";
import { DCS, PLANTS } from "./network";
import { type Rng, stream } from "./random";

/** Month-end counts kept, the last history month included. */
export const COUNTED_MONTHS = 12;

export interface StockCounts {
  readonly rows: ImportRow[];
  /**
   * Finished units on hand per SKU (all locations) at the end of each counted month, at
   * sku × COUNTED_MONTHS + k, k = 0 for the oldest count.
   */
  readonly finished: Float64Array;
}

/**
 * DC stock = the DC's month of deliveries × 0.3–1.6 months of cover, with one SKU-DC in twenty out
 * of stock; plant stock of finished goods up to 0.3 months; filled bottles 0.1–0.4 months and raw
 * materials 0.5–1.5 months of the plant's use. The last count measures the DC's month as the average
 * of the last quarter (`recentByDc`); earlier counts take that month's deliveries split by the same
 * DC shares, so stock follows the season. Items without demand carry no stock and get no row.
 *
 * @param delivered delivered units per SKU and history month, at sku × historyMonths + month.
 * @param recentByDc delivered units per SKU and DC over the last three history months.
 */
export function inventoryRows(
  seed: number,
  skus: readonly FinishedSku[],
  materials: Materials,
  use: MaterialUse,
  delivered: Float64Array,
  recentByDc: Float64Array,
  calendar: DemoCalendar,
): StockCounts {
  const h = calendar.history.length;
  const finished = new Float64Array(skus.length * COUNTED_MONTHS);
  const rows: ImportRow[] = [];
  // The earlier counts draw from a stream of their own, so the last count is what it always was.
  const earlier = stream(seed, "inventory-history");
  for (let k = 0; k < COUNTED_MONTHS; k++) {
    const t = h - COUNTED_MONTHS + k;
    const last = k === COUNTED_MONTHS - 1;
    countMonth({
      rng: last ? stream(seed, "inventory") : earlier,
      skus,
      materials,
      use,
      calendar,
      t,
      rows,
      finished: (sku, onHand) => {
        finished[sku * COUNTED_MONTHS + k]! += onHand;
      },
      dcMonth: (sku, d) => {
        if (last) return recentByDc[sku * DCS.length + d]! / 3;
        let all = 0;
        for (let e = 0; e < DCS.length; e++) all += recentByDc[sku * DCS.length + e]!;
        return all > 0 ? (delivered[sku * h + t]! * recentByDc[sku * DCS.length + d]!) / all : 0;
      },
    });
  }
  return { rows, finished };
}

function countMonth(input: {
  rng: Rng;
  skus: readonly FinishedSku[];
  materials: Materials;
  use: MaterialUse;
  calendar: DemoCalendar;
  t: number;
  rows: ImportRow[];
  finished: (sku: number, onHand: number) => void;
  dcMonth: (sku: number, dc: number) => number;
}): void {
  const { rng, use, calendar } = input;
  const month = calendar.history[input.t]!;
  const snapshot = calendar.iso(month.firstDay + month.days - 1);
  const row = (sku: string, location: string, onHand: number) => {
    const units = Math.round(onHand);
    input.rows.push({ sku, location, snapshot_date: snapshot, on_hand: units });
    return units;
  };
  for (const sku of input.skus) {
    DCS.forEach((dc, d) => {
      const monthly = input.dcMonth(sku.index, d);
      if (monthly <= 0) return;
      input.finished(
        sku.index,
        row(sku.code, dc.code, rng.chance(0.05) ? 0 : monthly * rng.between(0.3, 1.6)),
      );
    });
    const monthly = use.finished[sku.index]!;
    if (monthly > 0)
      input.finished(sku.index, row(sku.code, PLANTS[sku.family.plant]!.code, monthly * rng.between(0, 0.3)));
  }
  for (const c of input.materials.components) {
    const monthly = use.monthly.get(c.code) ?? 0;
    if (monthly > 0) row(c.code, PLANTS[c.plant]!.code, monthly * rng.between(0.1, 0.4));
  }
  for (const raw of input.materials.raws) {
    PLANTS.forEach((plant, p) => {
      const monthly = use.monthlyAtPlant.get(`${raw.code}@${p}`) ?? 0;
      if (monthly > 0) row(raw.code, plant.code, monthly * rng.between(0.5, 1.5));
    });
  }
}
