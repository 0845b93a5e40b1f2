// Inventory policies that turn safety stock into targets per period: days of cover, min/max
// (reorder point and order-up-to level), and the target stock a supply plan aims for —
// safety stock plus cycle stock.

/** Days-of-cover stock: the demand of the next `days` days, at `demandPerDay`. */
export function daysOfCover(days: number, demandPerDay: number): number {
  return Math.max(0, days) * Math.max(0, demandPerDay);
}

/**
 * Days of cover of a stock against future demand per period: whole periods the stock covers plus
 * the covered share of the next one, times the period's length in days. Infinity when no demand
 * follows the stock.
 */
export function coverInDays(stock: number, demand: readonly number[], daysPerPeriod: number): number {
  let left = stock;
  for (let t = 0; t < demand.length; t++) {
    const d = demand[t]!;
    if (left < d) return (t + left / d) * daysPerPeriod;
    left -= d;
  }
  return Number.POSITIVE_INFINITY;
}

export interface MinMax {
  /** Reorder point: order when stock (on hand + on order) falls to this. */
  readonly min: number;
  /** Order-up-to level. */
  readonly max: number;
}

/**
 * Min/max policy: min = demand over the lead time + safety stock (the reorder point),
 * max = min + order quantity.
 */
export function minMaxPolicy(
  meanDemand: number,
  leadTime: number,
  safetyStock: number,
  orderQuantity: number,
): MinMax {
  const min = meanDemand * leadTime + safetyStock;
  return { min, max: min + orderQuantity };
}

/**
 * Target inventory per period = safety stock + cycle stock, where the cycle stock of a lot that
 * covers `lotPeriods` periods of demand averages half the lot: ½ · Σ demand over the lot.
 * Safety stock is given per period (it changes with the forecast error and the season).
 */
export function targetInventory(
  demand: readonly number[],
  safetyStock: readonly number[],
  lotPeriods: number,
): number[] {
  return demand.map((_, t) => {
    const lot = demand.slice(t, t + Math.max(1, lotPeriods)).reduce((sum, d) => sum + d, 0);
    return (safetyStock[t] ?? 0) + lot / 2;
  });
}
