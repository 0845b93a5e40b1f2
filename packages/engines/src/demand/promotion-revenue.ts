// What a promotion is worth: the units it sells at the discounted price, and how much revenue it
// adds over not running it once the cannibalised sisters and the dip after it are paid for.

import type { PromotionEffect } from "./promotion-uplift";

export interface PromotionRevenue {
  /** (baseline during the promotion + uplift) · price · (1 − discount), minor units. */
  readonly revenue: number;
  /**
   * revenue − baseline · price − (cannibalised + dip) · price, each SKU at its own list price:
   * what the promotion adds over the same days without it. Minor units; may be negative.
   */
  readonly incremental: number;
}

/**
 * Sums over the effect's SKUs with `priceOf` giving a SKU's list price in minor units (SKUs
 * without a price count 0), rounded to whole minor units at the end.
 */
export function promotionRevenue(
  effect: PromotionEffect,
  discountPct: number,
  priceOf: (sku: string) => number | null,
): PromotionRevenue {
  let revenue = 0;
  let incremental = 0;
  for (const s of effect.skus) {
    const price = priceOf(s.sku) ?? 0;
    const promoted = (s.baseline + s.uplift) * price * (1 - discountPct / 100);
    revenue += promoted;
    incremental += promoted - s.baseline * price - (s.cannibalised + s.dip) * price;
  }
  return { revenue: Math.round(revenue), incremental: Math.round(incremental) };
}
