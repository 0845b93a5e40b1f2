// In-sample one-step-ahead fitted values ŷ_{t|t−1}: what a method would have forecast for each
// history period from the periods before it. Drawn over the history, they show a planner how closely
// the chosen model follows demand; null marks periods a method cannot forecast (the first ones).

import type { SeasonalAdjustment } from "./seasonality";

/** One value per history period, oldest first; null where the method has no forecast. */
export type FittedValues = readonly (number | null)[];

/** Naive: ŷₜ = yₜ₋₁; none for the first period. */
export function naiveFitted(y: readonly number[]): FittedValues {
  return y.map((_, t) => (t === 0 ? null : y[t - 1]!));
}

/**
 * Seasonal naive: ŷₜ = yₜ₋ₘ; none in the first season. Naive when m ≤ 1 or the history is shorter
 * than one season, as the forecast itself.
 */
export function seasonalNaiveFitted(y: readonly number[], period: number): FittedValues {
  if (period <= 1 || y.length < period) return naiveFitted(y);
  return y.map((_, t) => (t < period ? null : y[t - period]!));
}

/**
 * Drift: ŷₜ = yₜ₋₁ + b with b = (yₙ − y₁)/(n − 1), the slope of the whole history (as R's `rwf`);
 * none for the first period.
 */
export function driftFitted(y: readonly number[]): FittedValues {
  const n = y.length;
  const slope = n > 1 ? (y[n - 1]! - y[0]!) / (n - 1) : 0;
  return y.map((_, t) => (t === 0 ? null : y[t - 1]! + slope));
}

/**
 * ŷₜ = the method's one-step forecast from y₁…yₜ₋₁, for each t ≥ 1 (none for the first period).
 * For methods whose state is a fixed recursion from the first observation (Croston, SBA, TSB) this
 * is exactly their filter run through the history. O(n²), fine for monthly histories.
 */
export function expandingFitted(
  y: readonly number[],
  forecast: (history: readonly number[], h: number) => readonly number[],
): FittedValues {
  return y.map((_, t) => (t === 0 ? null : forecast(y.slice(0, t), 1)[0]!));
}

/** Fitted values of a seasonally adjusted series times each period's seasonal index (identity when none). */
export function reseasonaliseFitted(
  fitted: readonly (number | null)[],
  adjustment: SeasonalAdjustment,
): FittedValues {
  const m = adjustment.indices.length;
  return fitted.map((f, t) => (f === null || m === 0 ? f : f * adjustment.indices[t % m]!));
}

/** The mean of several methods' fitted values, period by period; none where any member has none. */
export function meanFitted(members: readonly (readonly (number | null)[])[]): FittedValues {
  return weightedFitted(
    members,
    members.map(() => 1 / members.length),
  );
}

/** Σ wᵢ·fittedᵢ period by period (weights summing to 1); none where any member has none. */
export function weightedFitted(
  members: readonly (readonly (number | null)[])[],
  weights: readonly number[],
): FittedValues {
  const n = members[0]?.length ?? 0;
  return Array.from({ length: n }, (_, t) => {
    let sum = 0;
    for (let k = 0; k < members.length; k++) {
      const value = members[k]![t];
      if (value === null || value === undefined) return null;
      sum += weights[k]! * value;
    }
    return sum;
  });
}

/**
 * Combination weights inverse to each member's in-sample one-step mean squared error over the
 * periods every member has fitted (equal weights when there are none, or a member fits exactly).
 */
export function inverseMseWeights(y: readonly number[], members: readonly FittedValues[]): number[] {
  const sse = members.map(() => 0);
  let count = 0;
  for (let t = 0; t < y.length; t++) {
    if (members.some((m) => m[t] === null || m[t] === undefined)) continue;
    members.forEach((m, k) => {
      sse[k]! += (y[t]! - m[t]!) ** 2;
    });
    count++;
  }
  if (count === 0 || sse.some((e) => !(e > 0))) return members.map(() => 1 / members.length);
  const inverse = sse.map((e) => 1 / e);
  const total = inverse.reduce((a, b) => a + b, 0);
  return inverse.map((w) => w / total);
}
