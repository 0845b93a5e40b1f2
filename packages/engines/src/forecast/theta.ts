// The Theta method of Assimakopoulos & Nikolopoulos (2000) as R's `thetaf` computes it (Hyndman &
// Billah 2003: SES with drift), with the M competitions' multiplicative seasonal adjustment.

import { type FittedValues, reseasonaliseFitted } from "./fitted-values";
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
  return thetaFit(y, h, period)?.forecast ?? null;
}

/**
 * The Theta forecast with its in-sample one-step fitted values: the same formula at every origin t
 * with the full history's α and b, x̂ₜ = ℓₜ₋₁ + (b/2)·(1 − (1 − α)^t)/α, reseasonalised.
 */
export function thetaFit(
  y: readonly number[],
  h: number,
  period: number,
): { forecast: number[]; fitted: FittedValues } | null {
  const adjustment = seasonalAdjustment(y, period);
  const x = adjustment.adjusted;
  const ses = fitSes(x);
  if (!ses) return null;
  const n = x.length;
  const halfSlope = linearTrend(x).slope / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  const drift = (origin: number) => (1 - (1 - alpha) ** origin) / alpha;
  const adjustedForecast = Array.from({ length: h }, (_, j) => ses.level + halfSlope * (j + drift(n)));
  const adjustedFitted = ses.fitted.map((level, t) => level + halfSlope * drift(t));
  return {
    forecast: reseasonalise(adjustedForecast, adjustment, n),
    fitted: reseasonaliseFitted(adjustedFitted, adjustment),
  };
}
