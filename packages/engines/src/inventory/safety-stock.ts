// Safety stock per SKU-location from a target service level and the forecast error the forecast
// engine measured: the cycle-service-level (α) and fill-rate (β) variants, with lead-time
// variability. Formulas as in Chopra & Meindl ch. 12 and Silver, Pyke & Peterson ch. 7;
// docs/supply-planning.md works through them.

import { normalQuantile } from "../forecast/numeric/distributions";
import { inverseNormalLoss, normalLoss } from "./normal-loss";

/** z of the 90% quantile, Φ⁻¹(0.9): P10–P90 spans 2 × 1.2816 σ of a normal forecast error. */
export const Z_90 = 1.2816;

/**
 * σ per period of a normal forecast error from its P10–P90 band: σ = (P90 − P10) / (2 · 1.2816).
 * 0 when the band is empty or inverted (no spread to protect against).
 */
export function sigmaFromP10P90(p10: number, p90: number): number {
  return Math.max(0, (p90 - p10) / (2 * Z_90));
}

export interface ProtectionInterval {
  /** Mean demand per period. */
  readonly meanDemand: number;
  /** σ of demand (forecast error) per period, e.g. the backtest RMSE. */
  readonly demandSigma: number;
  /** Replenishment lead time, in periods. */
  readonly leadTime: number;
  /** σ of the lead time, in periods (0 when lead times are reliable). */
  readonly leadTimeSigma: number;
  /** Review period, in periods: 0 under continuous review (the default). */
  readonly reviewPeriod?: number;
}

/**
 * σ of demand over the protection interval L + R:
 * σ = √((L + R) · σ_d² + d² · σ_L²). Independent per-period errors, so variances add; the lead-time
 * term is the demand rate times the lead time's own spread.
 */
export function protectionSigma(p: ProtectionInterval): number {
  const interval = p.leadTime + (p.reviewPeriod ?? 0);
  return Math.sqrt(interval * p.demandSigma ** 2 + p.meanDemand ** 2 * p.leadTimeSigma ** 2);
}

/**
 * Safety stock for a cycle service level α (probability of no stock-out in a replenishment
 * cycle): SS = z·σ with z = Φ⁻¹(α). 0 when σ = 0; α must lie in (0, 1).
 */
export function cycleServiceSafetyStock(serviceLevel: number, sigma: number): number {
  if (!(serviceLevel > 0 && serviceLevel < 1))
    throw new RangeError(`service level must be in (0, 1), got ${serviceLevel}`);
  return normalQuantile(serviceLevel) * sigma;
}

/**
 * Safety stock for a fill rate β (share of demand served from stock) with replenishment lots of Q:
 * the expected shortage per cycle may be (1 − β)·Q, and ESC = σ·G(k), so k = G⁻¹((1 − β)·Q / σ)
 * and SS = k·σ. Can be negative when Q is large against σ (the lot alone gives the fill rate);
 * 0 when σ = 0.
 */
export function fillRateSafetyStock(fillRate: number, orderQuantity: number, sigma: number): number {
  if (!(fillRate > 0 && fillRate < 1)) throw new RangeError(`fill rate must be in (0, 1), got ${fillRate}`);
  if (sigma === 0) return 0;
  return inverseNormalLoss(((1 - fillRate) * orderQuantity) / sigma) * sigma;
}

/** Fill rate given safety stock: β = 1 − σ·G(SS/σ) / Q, the inverse of `fillRateSafetyStock`. */
export function fillRateOf(safetyStock: number, orderQuantity: number, sigma: number): number {
  if (sigma === 0) return 1;
  return 1 - (sigma * normalLoss(safetyStock / sigma)) / orderQuantity;
}
