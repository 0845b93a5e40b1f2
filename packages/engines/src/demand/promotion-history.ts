// How past promotions shaped each month of a demand history, as the factor demand was multiplied
// by, so history cleansing can divide it out before a model learns a promotion's peak — or the
// dip after it — as normal demand.

import { addPeriods, monthOf, type PeriodKey } from "@fulcrum/domain";
import { monthShares } from "./day-calendar";
import { type ProductTree, type PromotionInput, skusByGroup } from "./promotion-uplift";

export interface HistorySeriesKey {
  readonly sku: string;
  /** The series' segment; null when the series is not split by segment. */
  readonly segment: string | null;
}

type Shares = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Per series, a factor per month of `window`: Π over the promotions on its SKU (directly or
 * through a group above it) of (1 + uplift%/100 · sₘ · f) in the months they touch and
 * (1 − post-dip%/100 · f) in the month after the one they end in; 1 elsewhere. sₘ is the share of
 * the month's days on promotion and f the segment factor: 1 for a promotion on every segment or
 * on the series' own segment, the SKU's share of its demand from that segment when the series is
 * not split by segment, else 0. Uplift units are not divided out (their split over past months
 * is not known).
 */
export function promotionHistoryLift(
  series: readonly HistorySeriesKey[],
  promotions: readonly PromotionInput[],
  products: ProductTree,
  window: readonly PeriodKey[],
  segmentShares: Shares,
): number[][] {
  const below = skusByGroup(products);
  const bySku = new Map<string, PromotionInput[]>();
  for (const p of promotions)
    for (const sku of p.sku !== null ? [p.sku] : (below.get(p.group ?? "") ?? [])) {
      const list = bySku.get(sku);
      if (list) list.push(p);
      else bySku.set(sku, [p]);
    }
  return series.map((s) =>
    liftOf(bySku.get(s.sku) ?? [], window, (segment) =>
      segment === null
        ? 1
        : s.segment !== null
          ? segment === s.segment
            ? 1
            : 0
          : (segmentShares.get(s.sku)?.get(segment) ?? 0),
    ),
  );
}

/**
 * Per product group, the same factor from the promotions on the group itself or on a group above
 * it (the whole group's demand was lifted); a one-segment promotion counts with the mean share of
 * that segment over the group's SKUs. Promotions on single SKUs leave a group's history alone.
 */
export function groupPromotionLift(
  groups: readonly string[],
  promotions: readonly PromotionInput[],
  products: ProductTree,
  window: readonly PeriodKey[],
  segmentShares: Shares,
): number[][] {
  const below = skusByGroup(products);
  return groups.map((group) => {
    const above = new Set<string>();
    for (let g: string | null = group; g !== null && !above.has(g); g = products.groupParents.get(g) ?? null)
      above.add(g);
    const skus = below.get(group) ?? [];
    const share = (segment: string | null) =>
      segment === null || skus.length === 0
        ? 1
        : skus.reduce((a, sku) => a + (segmentShares.get(sku)?.get(segment) ?? 0), 0) / skus.length;
    return liftOf(
      promotions.filter((p) => p.group !== null && above.has(p.group)),
      window,
      share,
    );
  });
}

function liftOf(
  promotions: readonly PromotionInput[],
  window: readonly PeriodKey[],
  factor: (segment: string | null) => number,
): number[] {
  const column = new Map<string, number>(window.map((p, i) => [p, i]));
  const lift = window.map(() => 1);
  for (const p of promotions) {
    const f = factor(p.segment);
    if (f <= 0) continue;
    for (const m of monthShares(p.start, p.end)) {
      const j = column.get(m.period);
      if (j !== undefined) lift[j]! *= 1 + (p.upliftPct / 100) * m.share * f;
    }
    const dip = column.get(addPeriods(monthOf(p.end), 1));
    if (dip !== undefined && (p.postDipPct ?? 0) > 0)
      lift[dip]! *= Math.max(0, 1 - (p.postDipPct! / 100) * f);
  }
  return lift;
}
