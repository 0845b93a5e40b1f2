// The stock counts at the end of each of the last twelve history months and of the month before
// them: finished goods at the DCs and a little at the plants, filled bottles and raw materials at
// the plants that use them. Past supply plans start from the count before their cycle (so the first
// of the twelve past cycles has one too), and inventory versus plan compares each month's count
// with what the plan in force projected.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import type { MaterialUse } from "./material-use";
import type { Materials } from "./materials";
import { DCS, PLANTS } from "./network";
import { stream } from "./random";

/** Month-end counts kept, the last history month included: twelve measured months and the one before. */
export const COUNTED_MONTHS = 13;
/** A position's cover moves by at most this share from month to month, around its own level. */
const MONTHLY_WOBBLE = 0.1;

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
 * DC shares, so stock follows the season. Each position keeps its own cover from month to month
 * (the last count's, within ±MONTHLY_WOBBLE), as a company replenishing to its own policy does — so
 * what the plants make (shipped + change in stock) follows what was shipped, not a fresh draw of
 * every month's stock. Items without demand carry no stock and get no row.
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
  // The last count first, from the stream it always drew from, so it is what it always was; each
  // position's cover in it is the level the earlier counts keep.
  const last = stream(seed, "inventory");
  const level = new Map<string, number>();
  const lastRows: ImportRow[] = [];
  const counted = (k: number) => (sku: number, onHand: number) => {
    finished[sku * COUNTED_MONTHS + k]! += onHand;
  };
  countMonth({
    skus,
    materials,
    use,
    calendar,
    t: h - 1,
    rows: lastRows,
    outOfStock: () => last.chance(0.05),
    cover: (position, lo, hi) => {
      const cover = last.between(lo, hi);
      level.set(position, cover);
      return cover;
    },
    finished: counted(COUNTED_MONTHS - 1),
    dcMonth: (sku, d) => recentByDc[sku * DCS.length + d]! / 3,
  });
  // Earlier counts draw from streams of their own: a position out of stock at the last count takes
  // its level from `levels`, and each month wobbles around the level.
  const earlier = stream(seed, "inventory-history");
  const levels = stream(seed, "inventory-levels");
  const rows: ImportRow[] = [];
  for (let k = 0; k < COUNTED_MONTHS - 1; k++) {
    const t = h - COUNTED_MONTHS + k;
    countMonth({
      skus,
      materials,
      use,
      calendar,
      t,
      rows,
      outOfStock: () => earlier.chance(0.05),
      cover: (position, lo, hi) => {
        let cover = level.get(position);
        if (cover === undefined) {
          cover = levels.between(lo, hi);
          level.set(position, cover);
        }
        return cover * earlier.between(1 - MONTHLY_WOBBLE, 1 + MONTHLY_WOBBLE);
      },
      finished: counted(k),
      dcMonth: (sku, d) => {
        let all = 0;
        for (let e = 0; e < DCS.length; e++) all += recentByDc[sku * DCS.length + e]!;
        return all > 0 ? (delivered[sku * h + t]! * recentByDc[sku * DCS.length + d]!) / all : 0;
      },
    });
  }
  rows.push(...lastRows);
  return { rows, finished };
}

function countMonth(input: {
  skus: readonly FinishedSku[];
  materials: Materials;
  use: MaterialUse;
  calendar: DemoCalendar;
  t: number;
  rows: ImportRow[];
  /** Whether a DC position is out of stock at this count. */
  outOfStock: () => boolean;
  /** The position's months of cover at this count, for a policy of lo–hi months. */
  cover: (position: string, lo: number, hi: number) => number;
  finished: (sku: number, onHand: number) => void;
  dcMonth: (sku: number, dc: number) => number;
}): void {
  const { use, calendar, cover } = input;
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
      const position = `${sku.code}@${dc.code}`;
      input.finished(
        sku.index,
        row(sku.code, dc.code, input.outOfStock() ? 0 : monthly * cover(position, 0.3, 1.6)),
      );
    });
    const monthly = use.finished[sku.index]!;
    const plant = PLANTS[sku.family.plant]!.code;
    if (monthly > 0)
      input.finished(sku.index, row(sku.code, plant, monthly * cover(`${sku.code}@${plant}`, 0, 0.3)));
  }
  for (const c of input.materials.components) {
    const monthly = use.monthly.get(c.code) ?? 0;
    const plant = PLANTS[c.plant]!.code;
    if (monthly > 0) row(c.code, plant, monthly * cover(`${c.code}@${plant}`, 0.1, 0.4));
  }
  for (const raw of input.materials.raws) {
    PLANTS.forEach((plant, p) => {
      const monthly = use.monthlyAtPlant.get(`${raw.code}@${p}`) ?? 0;
      if (monthly > 0) row(raw.code, plant.code, monthly * cover(`${raw.code}@${plant.code}`, 0.5, 1.5));
    });
  }
}
