// MASE: forecast error scaled by the in-sample error of the seasonal naive method, so that errors
// can be averaged across series of any size (Hyndman & Koehler 2006; the M4 convention).

import { assertPaired } from "./point-errors";

/**
 * In-sample scale of MASE: Σ_{t=m+1..n} |yₜ − y_{t−m}| / (n − m), the mean absolute error of the
 * seasonal naive forecast with lag m (m = 1 for non-seasonal data). Throws when the history has no
 * more than m values (no in-sample error exists). 0 for a history that repeats exactly.
 */
export function seasonalNaiveScale(insample: readonly number[], period: number): number {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`period must be a positive integer`);
  if (insample.length <= period) {
    throw new RangeError(`MASE needs more than ${period} in-sample values, got ${insample.length}`);
  }
  let sum = 0;
  for (let t = period; t < insample.length; t++) sum += Math.abs(insample[t]! - insample[t - period]!);
  return sum / (insample.length - period);
}

/**
 * MASE = MAE(actual, forecast) / seasonalNaiveScale(insample, m), unitless: < 1 beats the in-sample
 * seasonal naive method. Infinity when the scale is 0 and the forecast misses; 0 when both are 0.
 */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  insample: readonly number[],
  period: number,
): number {
  assertPaired(actual, forecast);
  const scale = seasonalNaiveScale(insample, period);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += Math.abs(actual[t]! - forecast[t]!);
  const meanError = sum / actual.length;
  if (scale === 0) return meanError === 0 ? 0 : Number.POSITIVE_INFINITY;
  return meanError / scale;
}
