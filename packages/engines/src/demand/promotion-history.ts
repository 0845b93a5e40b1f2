// Which months of a demand history a promotion shaped, so history cleansing can replace them
// before a model learns a promotion's peak — or the dip after it — as normal demand.

import { addPeriods, monthOf, type PeriodKey } from "@fulcrum/domain";
import { monthShares } from "./day-calendar";
import { type ProductTree, type PromotionInput, skusByGroup } from "./promotion-uplift";

export interface HistorySeriesKey {
  readonly sku: string;
  /** The series' segment; null when the series is not split by segment (any promotion counts). */
  readonly segment: string | null;
}

/**
 * Per series, a flag per month of `window`: true when a promotion on the series' SKU (directly or
 * through a group above it) and its segment (or all segments) touches the month, or — with a
 * post-promotion dip — is the month after the one it ended in.
 */
export function promotionHistoryFlags(
  series: readonly HistorySeriesKey[],
  promotions: readonly PromotionInput[],
  products: ProductTree,
  window: readonly PeriodKey[],
): boolean[][] {
  const column = new Map<string, number>(window.map((p, i) => [p, i]));
  const below = skusByGroup(products);
  const monthsBySku = new Map<string, { segment: string | null; columns: number[] }[]>();
  for (const p of promotions) {
    const columns = promotionColumns(p, column);
    if (columns.length === 0) continue;
    for (const sku of p.sku !== null ? [p.sku] : (below.get(p.group ?? "") ?? [])) {
      const list = monthsBySku.get(sku);
      const entry = { segment: p.segment, columns };
      if (list) list.push(entry);
      else monthsBySku.set(sku, [entry]);
    }
  }
  return series.map((s) => {
    const flags = window.map(() => false);
    for (const entry of monthsBySku.get(s.sku) ?? [])
      if (s.segment === null || entry.segment === null || entry.segment === s.segment)
        for (const j of entry.columns) flags[j] = true;
    return flags;
  });
}

/**
 * Per product group, a flag per month of `window`: true when a promotion on the group itself or
 * on a group above it touches the month (or, with a dip, is the month after): the whole group's
 * demand was lifted. Promotions on single SKUs leave a group's history alone.
 */
export function groupPromotionFlags(
  groups: readonly string[],
  promotions: readonly PromotionInput[],
  products: ProductTree,
  window: readonly PeriodKey[],
): boolean[][] {
  const column = new Map<string, number>(window.map((p, i) => [p, i]));
  return groups.map((group) => {
    const above = new Set<string>();
    for (let g: string | null = group; g !== null && !above.has(g); g = products.groupParents.get(g) ?? null)
      above.add(g);
    const flags = window.map(() => false);
    for (const p of promotions) {
      if (p.group === null || !above.has(p.group)) continue;
      for (const j of promotionColumns(p, column)) flags[j] = true;
    }
    return flags;
  });
}

function promotionColumns(p: PromotionInput, column: ReadonlyMap<string, number>): number[] {
  const periods = monthShares(p.start, p.end).map((m) => m.period);
  if ((p.postDipPct ?? 0) > 0) periods.push(addPeriods(monthOf(p.end), 1));
  return periods.flatMap((period) => {
    const j = column.get(period);
    return j === undefined ? [] : [j];
  });
}
