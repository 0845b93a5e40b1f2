// The Theta method of Assimakopoulos & Nikolopoulos (2000) as R's `thetaf` computes it (Hyndman &
// Billah 2003: SES with drift), with the M competitions' multiplicative seasonal adjustment.

import { linearTrend } from "./numeric/linear-trend";
import { reseasonalise, seasonalAdjustment } from "./seasonality";
import { fitSes } from "./ses";

/**
 * Standard Theta forecast for h periods: on the seasonally adjusted series x (classical
 * multiplicative decomposition when the 90 % test at lag m passes),
 *   x̂_{n+j} = ℓₙ + (b/2)·(j − 1 + (1 − (1 − α)ⁿ)/α),
 * where ℓₙ and α come from SES fitted to x and b is the OLS slope of x on time; then reseasonalised.
 * Null when the history is too short for SES (fewer than 7 values).
 */
export function thetaForecast(y: readonly number[], h: number, period: number): number[] | null {
  const adjustment = seasonalAdjustment(y, period);
  const x = adjustment.adjusted;
  const ses = fitSes(x);
  if (!ses) return null;
  const n = x.length;
  const halfSlope = linearTrend(x).slope / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  const offset = (1 - (1 - alpha) ** n) / alpha;
  const adjustedForecast = Array.from({ length: h }, (_, j) => ses.level + halfSlope * (j + offset));
  return reseasonalise(adjustedForecast, adjustment, n);
}
