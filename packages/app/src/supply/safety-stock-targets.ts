// Safety stock per SKU-location and period from the forecast's error and the service-level targets,
// through the inventory engine: the stock a location holds is shared by every segment it serves, so
// it is sized for the strictest target among them.

import {
  cycleServiceSafetyStock,
  fillRateSafetyStock,
  protectionSigma,
  targetInventory,
} from "@fulcrum/engines";
import type { SplitDemand } from "./demand-split";
import { REVIEW_PERIODS } from "./supply-assumptions";
import type { SupplyData } from "./supply-data";

export interface ServiceTarget {
  /** Target as a fraction, e.g. 0.98. */
  readonly level: number;
  readonly measure: "cycle" | "fill_rate";
}

/** The most specific target: SKU within segment, then SKU, then segment, then the company default. */
export function serviceTarget(
  targets: SupplyData["serviceTargets"],
  sku: string,
  segment: string,
): ServiceTarget | null {
  const found =
    targets.find((t) => t.sku === sku && t.segment === segment) ??
    targets.find((t) => t.sku === sku && t.segment === null) ??
    targets.find((t) => t.sku === null && t.segment === segment) ??
    targets.find((t) => t.sku === null && t.segment === null);
  return found ? { level: found.targetPct / 100, measure: found.measure } : null;
}

export interface StockTarget {
  readonly sku: string;
  readonly location: string;
  /** Safety stock per period. */
  readonly safetyStock: number[];
  /** Safety stock plus the cycle stock of one period's lot (½ · demand), per period. */
  readonly target: number[];
}

/**
 * Per SKU-location with demand: σ_d per period from the split forecast error, σ over the protection
 * interval (lead time + one review period, reliable lead times), then SS = Φ⁻¹(α)·σ for a cycle
 * target or SS = k·σ with lots of one period's demand for a fill-rate target (never below 0).
 *
 * The band widens with the forecast's lead, but each month's stock will be replenished on a
 * short-range forecast: σ_d is taken from the first month with demand, as a coefficient of
 * variation (σ ÷ P50) applied to every month's demand. Locations without a band or a target get no
 * safety stock.
 */
export function safetyStockTargets(
  demand: readonly SplitDemand[],
  periods: readonly string[],
  targets: SupplyData["serviceTargets"],
  leadTimePeriods: number,
): StockTarget[] {
  const positions = new Map<
    string,
    {
      sku: string;
      location: string;
      mean: number[];
      variance: (number | null)[];
      target: ServiceTarget | null;
    }
  >();
  const column = new Map(periods.map((p, t) => [p, t]));
  for (const d of demand) {
    const key = `${d.sku}@${d.location}`;
    let position = positions.get(key);
    if (!position) {
      position = {
        sku: d.sku,
        location: d.location,
        mean: periods.map(() => 0),
        variance: periods.map(() => null),
        target: null,
      };
      positions.set(key, position);
    }
    const t = column.get(d.period)!;
    position.mean[t]! += d.quantity;
    if (d.variance !== null) position.variance[t] = (position.variance[t] ?? 0) + d.variance;
    const target = serviceTarget(targets, d.sku, d.segment);
    if (target && (!position.target || target.level > position.target.level)) position.target = target;
  }
  const out: StockTarget[] = [];
  for (const p of positions.values()) {
    const first = p.mean.findIndex((mean, t) => mean > 0 && p.variance[t] !== null);
    const variation = first < 0 ? 0 : Math.sqrt(p.variance[first]!) / p.mean[first]!;
    const safetyStock = p.mean.map((mean) => {
      if (!p.target || variation === 0 || mean <= 0) return 0;
      const sigma = protectionSigma({
        meanDemand: mean,
        demandSigma: variation * mean,
        leadTime: leadTimePeriods,
        leadTimeSigma: 0,
        reviewPeriod: REVIEW_PERIODS,
      });
      const units =
        p.target.measure === "cycle"
          ? cycleServiceSafetyStock(p.target.level, sigma)
          : fillRateSafetyStock(p.target.level, mean, sigma);
      return Math.max(0, units);
    });
    out.push({
      sku: p.sku,
      location: p.location,
      safetyStock,
      target: targetInventory(p.mean, safetyStock, 1),
    });
  }
  return out;
}
