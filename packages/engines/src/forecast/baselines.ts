// Benchmark forecasts every method must beat: naive, seasonal naive, drift, moving average and the
// M4 competition's Naive2. Each returns h point forecasts for the periods after the history.

import { reseasonalise, seasonalAdjustment } from "./seasonality";

function last(y: readonly number[]): number {
  if (y.length === 0) throw new RangeError("cannot forecast an empty series");
  return y[y.length - 1]!;
}

/** Naive: ŷ_{n+j} = yₙ for every step j. Throws on an empty history. */
export function naive(y: readonly number[], h: number): number[] {
  return new Array<number>(h).fill(last(y));
}

/**
 * Seasonal naive: ŷ_{n+j} = y_{n+j−m·⌈j/m⌉}, the value one season earlier. Falls back to naive when
 * the history is shorter than one season or m ≤ 1.
 */
export function seasonalNaive(y: readonly number[], h: number, period: number): number[] {
  const n = y.length;
  if (period <= 1 || n < period) return naive(y, h);
  return Array.from({ length: h }, (_, j) => y[n - period + (j % period)]!);
}

/**
 * Drift (random walk with drift): ŷ_{n+j} = yₙ + j·(yₙ − y₁)/(n − 1). A single value gives naive.
 */
export function drift(y: readonly number[], h: number): number[] {
  const n = y.length;
  const end = last(y);
  const slope = n > 1 ? (end - y[0]!) / (n - 1) : 0;
  return Array.from({ length: h }, (_, j) => end + (j + 1) * slope);
}

/**
 * Moving average: ŷ_{n+j} = mean of the last k values for every step j (k capped at n, default 3).
 */
export function movingAverage(y: readonly number[], h: number, window = 3): number[] {
  last(y);
  const k = Math.max(1, Math.min(Math.floor(window), y.length));
  let sum = 0;
  for (let t = y.length - k; t < y.length; t++) sum += y[t]!;
  return new Array<number>(h).fill(sum / k);
}

/**
 * Naive2 (M4): the naive forecast of the seasonally adjusted series, reseasonalised; adjustment by
 * classical multiplicative decomposition only when the 90 % autocorrelation test at lag m passes.
 * Equals naive for non-seasonal data.
 */
export function naive2(y: readonly number[], h: number, period: number): number[] {
  const adjustment = seasonalAdjustment(y, period);
  return reseasonalise(naive(adjustment.adjusted, h), adjustment, y.length);
}
