// The stock count at the end of the last history month: finished goods at the DCs and a little
// at the plants, filled bottles and raw materials at the plants that use them.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import type { MaterialUse } from "./material-use";
import type { Materials } from "./materials";
import { DCS, PLANTS } from "./network";
import { stream } from "./random";

/**
 * DC stock = the DC's average month of the last quarter × 0.3–1.6 months of cover, with one
 * SKU-DC in twenty out of stock; plant stock of finished goods up to 0.3 months; filled bottles
 * 0.1–0.4 months and raw materials 0.5–1.5 months of the plant's use. Items without recent
 * demand carry no stock and get no row.
 *
 * @param recentByDc delivered units per SKU and DC over the last three history months.
 */
export function inventoryRows(
  seed: number,
  skus: readonly FinishedSku[],
  materials: Materials,
  use: MaterialUse,
  recentByDc: Float64Array,
  calendar: DemoCalendar,
): ImportRow[] {
  const rng = stream(seed, "inventory");
  const last = calendar.history[calendar.history.length - 1]!;
  const snapshot = calendar.iso(last.firstDay + last.days - 1);
  const rows: ImportRow[] = [];
  const row = (sku: string, location: string, onHand: number) =>
    rows.push({ sku, location, snapshot_date: snapshot, on_hand: Math.round(onHand) });
  for (const sku of skus) {
    DCS.forEach((dc, d) => {
      const monthly = recentByDc[sku.index * DCS.length + d]! / 3;
      if (monthly <= 0) return;
      row(sku.code, dc.code, rng.chance(0.05) ? 0 : monthly * rng.between(0.3, 1.6));
    });
    const monthly = use.finished[sku.index]!;
    if (monthly > 0) row(sku.code, PLANTS[sku.family.plant]!.code, monthly * rng.between(0, 0.3));
  }
  for (const c of materials.components) {
    const monthly = use.monthly.get(c.code) ?? 0;
    if (monthly > 0) row(c.code, PLANTS[c.plant]!.code, monthly * rng.between(0.1, 0.4));
  }
  for (const raw of materials.raws) {
    PLANTS.forEach((plant, p) => {
      const monthly = use.monthlyAtPlant.get(`${raw.code}@${p}`) ?? 0;
      if (monthly > 0) row(raw.code, plant.code, monthly * rng.between(0.5, 1.5));
    });
  }
  return rows;
}
