// How much of each component and raw material the company used: the last year's deliveries
// exploded through the bills of material, per plant.

import type { FinishedSku } from "./company-model";
import type { Materials } from "./materials";

export interface MaterialUse {
  /** Average units a month over the last twelve history months, by item code. */
  readonly monthly: ReadonlyMap<string, number>;
  /** The same split by plant, keyed `${code}@${plant}`. */
  readonly monthlyAtPlant: ReadonlyMap<string, number>;
  /** Finished SKUs' average delivered units a month over the same year, by SKU index. */
  readonly finished: readonly number[];
}

/** use(child) = Σ use(parent) × qty per × (1 + scrap %/100), parents before children. */
export function explodeUse(
  skus: readonly FinishedSku[],
  materials: Materials,
  delivered: Float64Array,
  historyMonths: number,
): MaterialUse {
  const h = historyMonths;
  const months = Math.min(12, h);
  const finished = skus.map((sku) => {
    let sum = 0;
    for (let t = h - months; t < h; t++) sum += delivered[sku.index * h + t]!;
    return sum / months;
  });
  const plantOf = new Map<string, number>();
  const use = new Map<string, number>();
  const atPlant = new Map<string, number>();
  skus.forEach((sku, i) => {
    use.set(sku.code, finished[i]!);
    plantOf.set(sku.code, sku.family.plant);
  });
  for (const c of materials.components) plantOf.set(c.code, c.plant);
  // BOM lines list every finished parent before any component parent, so one pass suffices.
  for (const line of materials.bom) {
    const parentUse = use.get(line.parent) ?? 0;
    const childUse = parentUse * line.qtyPer * (1 + (line.scrapPct ?? 0) / 100);
    use.set(line.child, (use.get(line.child) ?? 0) + childUse);
    const key = `${line.child}@${plantOf.get(line.parent) ?? 0}`;
    atPlant.set(key, (atPlant.get(key) ?? 0) + childUse);
  }
  return { monthly: use, monthlyAtPlant: atPlant, finished };
}
