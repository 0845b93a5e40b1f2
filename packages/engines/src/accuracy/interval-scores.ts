// Scores for probabilistic forecasts: how often an interval holds the actual, and the pinball
// (quantile) loss of a single quantile forecast.

import { assertPaired } from "./point-errors";

/**
 * Coverage = share of periods with lowerₜ ≤ yₜ ≤ upperₜ, in [0, 1]. A P10–P90 band should cover
 * about 0.8. Throws on empty or mismatched input.
 */
export function intervalCoverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  assertPaired(actual, lower);
  assertPaired(actual, upper);
  let inside = 0;
  for (let t = 0; t < actual.length; t++) {
    const y = actual[t]!;
    if (y >= lower[t]! && y <= upper[t]!) inside++;
  }
  return inside / actual.length;
}

/**
 * Pinball loss of the τ-quantile forecast q: mean over t of τ·(yₜ − qₜ) when yₜ ≥ qₜ, else
 * (1 − τ)·(qₜ − yₜ); in demand units, 0 is perfect. At τ = 0.5 it is half the MAE. τ must lie in
 * (0, 1).
 */
export function pinballLoss(actual: readonly number[], quantile: readonly number[], tau: number): number {
  assertPaired(actual, quantile);
  if (!(tau > 0 && tau < 1)) throw new RangeError(`quantile level must be in (0, 1), got ${tau}`);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) {
    const diff = actual[t]! - quantile[t]!;
    sum += diff >= 0 ? tau * diff : (tau - 1) * diff;
  }
  return sum / actual.length;
}

/**
 * Winkler (interval) score of a central (1 − α) interval: width plus 2/α times the distance by which
 * the actual falls outside, averaged over periods; in demand units, lower is better.
 */
export function intervalScore(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  alpha: number,
): number {
  assertPaired(actual, lower);
  assertPaired(actual, upper);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) {
    const y = actual[t]!;
    const l = lower[t]!;
    const u = upper[t]!;
    sum += u - l + (y < l ? (2 / alpha) * (l - y) : 0) + (y > u ? (2 / alpha) * (y - u) : 0);
  }
  return sum / actual.length;
}
