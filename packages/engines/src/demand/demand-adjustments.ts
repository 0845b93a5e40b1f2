// Promotions and transitions turned into the marketing and product layers of a demand version:
// gains go to the marketing layer (an additive uplift), losses — cannibalised sisters, the dip
// after a promotion — and lifecycle values go to the product layer (an override), so every
// stored value stays ≥ 0 and consensus = product, else base + marketing, holds (ADR 0500, 0501).

import type { PeriodKey } from "@fulcrum/domain";
import { cellId, type DemandCell } from "./demand-cell";
import {
  type ProductTree,
  type PromotionEffect,
  type PromotionInput,
  promotionUplift,
} from "./promotion-uplift";
import { type TransitionEffect, type TransitionInput, transitionForecast } from "./transition-forecast";

export interface AdjustedCell extends DemandCell {
  /** What put the value there: a promotion's effect or a transition. */
  readonly reason: "promotion" | "transition";
}

export interface DemandAdjustments {
  readonly marketing: readonly AdjustedCell[];
  readonly product: readonly AdjustedCell[];
  readonly promotions: readonly PromotionEffect[];
  readonly transitions: readonly TransitionEffect[];
}

/**
 * 1. Transitions give product values T (see `transitionForecast`) on the statistical baseline b.
 * 2. Promotions lift the baseline after transitions, b′ = T where set, else b (a promoted launch is
 *    lifted on its launch forecast): net effect N = uplift − cannibalised − dip per cell.
 * 3. Per cell: with T, product = max(0, T + N) (the override carries the promotion too); without
 *    T, marketing = N when N > 0, and product = max(0, b + N) when N < 0 — a loss is written as
 *    the lower demand it leaves, never as a negative uplift. A loss larger than the baseline is
 *    clamped at 0 (the units it could not take are simply not sold).
 */
export function demandAdjustments(input: {
  readonly statistical: readonly DemandCell[];
  readonly periods: readonly PeriodKey[];
  readonly promotions: readonly PromotionInput[];
  readonly transitions: readonly TransitionInput[];
  readonly products: ProductTree;
  readonly segmentShares: ReadonlyMap<string, ReadonlyMap<string, number>>;
}): DemandAdjustments {
  const transitions = transitionForecast({
    transitions: input.transitions,
    baseline: input.statistical,
    periods: input.periods,
  });
  const lifecycle = new Map(transitions.cells.map((c) => [cellId(c), c]));
  const baseline = new Map(input.statistical.map((c) => [cellId(c), c]));
  for (const [id, c] of lifecycle) baseline.set(id, c);
  const promotions = promotionUplift({
    promotions: input.promotions,
    products: input.products,
    baseline: [...baseline.values()],
    segmentShares: input.segmentShares,
  });
  const net = new Map(
    promotions.cells.map((c) => [cellId(c), { cell: c, n: c.uplift - c.cannibalised - c.dip }]),
  );
  const marketing: AdjustedCell[] = [];
  const product: AdjustedCell[] = [];
  for (const [id, c] of lifecycle)
    product.push({ ...c, value: Math.max(0, c.value + (net.get(id)?.n ?? 0)), reason: "transition" });
  for (const [id, { cell, n }] of net) {
    if (lifecycle.has(id)) continue;
    const key = { sku: cell.sku, location: cell.location, segment: cell.segment, period: cell.period };
    if (n > 0) marketing.push({ ...key, value: n, reason: "promotion" });
    else if (n < 0)
      product.push({ ...key, value: Math.max(0, (baseline.get(id)?.value ?? 0) + n), reason: "promotion" });
  }
  return { marketing, product, promotions: promotions.promotions, transitions: transitions.transitions };
}
