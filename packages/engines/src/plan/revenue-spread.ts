// Sales and marketing often think in money ("+€200k on juices in Q2"); the plan is kept in units.
// A revenue target is turned into units at each SKU's price, keeping the product mix of the basis.

import { type SpreadInput, type SpreadResult, spreadTotal } from "./spread";

export interface RevenueSpreadInput extends Omit<SpreadInput, "target"> {
  /** The new revenue over all the cells, in currency minor units. */
  readonly revenue: number;
  /** Unit price of each cell in minor units; null where the SKU has no price. */
  readonly prices: readonly (number | null)[];
}

/** Revenue of cells at their prices, in minor units (Σ unitsᵢ·priceᵢ, rounded to the minor unit). */
export function revenueOf(units: readonly number[], prices: readonly (number | null)[]): number {
  let sum = 0;
  units.forEach((u, i) => {
    sum += u * (prices[i] ?? 0);
  });
  return Math.round(sum);
}

/**
 * Spreads a revenue target as units. The locked cells keep their units and revenue Rₗ; the rest
 * must bring R − Rₗ. At the basis mix w, one unit of "mix" earns p̄ = Σwᵢpᵢ / Σwᵢ, so the unlocked
 * cells get round((R − Rₗ) / p̄) units, spread by the basis like any total. The resulting revenue
 * is within half a unit's price of the target; units → revenue → units gives back the same units.
 * Refused when an unlocked cell that would take units has no price, or the locked cells already
 * earn more than the target.
 */
export function spreadRevenue(input: RevenueSpreadInput): SpreadResult {
  const { current, prices, revenue } = input;
  const locked = input.locked ?? current.map(() => false);
  const basis = input.basis ?? current;
  if (!Number.isInteger(revenue) || revenue < 0)
    return { ok: false, issue: `the revenue target must be whole, non-negative minor units, not ${revenue}` };
  const free = current.map((_, i) => i).filter((i) => !locked[i]);
  const lockedUnits = current.reduce((sum, v, i) => (locked[i] ? sum + v : sum), 0);
  const lockedRevenue = revenueOf(
    current.map((v, i) => (locked[i] ? v : 0)),
    prices,
  );
  if (free.length === 0) return spreadTotal({ ...input, target: Math.round(lockedUnits) });
  const anyBasis = free.some((i) => (basis[i] ?? 0) > 0);
  const weight = (i: number) => (anyBasis ? Math.max(0, basis[i] ?? 0) : 1);
  const unpriced = free.filter((i) => weight(i) > 0 && !((prices[i] ?? 0) > 0));
  if (unpriced.length > 0)
    return {
      ok: false,
      issue: `${unpriced.length} cell${unpriced.length === 1 ? " has" : "s have"} no price; a revenue target needs one`,
    };
  const freeRevenue = revenue - lockedRevenue;
  if (freeRevenue < 0)
    return {
      ok: false,
      issue: `the locked cells already earn ${lockedRevenue}, more than the target ${revenue}`,
    };
  const weightSum = free.reduce((sum, i) => sum + weight(i), 0);
  const weightedPrice = free.reduce((sum, i) => sum + weight(i) * prices[i]!, 0) / weightSum;
  const freeUnits = Math.round(freeRevenue / weightedPrice);
  return spreadTotal({ ...input, target: Math.round(lockedUnits) + freeUnits });
}
