// Empirical prediction quantiles from backtest residuals (split-conformal style), for any method:
// the residuals are normalised by a fitted growth of error with the horizon and pooled, so a few
// origins still give every step a calibrated band.

import type { QuantileForecast } from "./forecast-types";
import { normalQuantile, sortedQuantile } from "./numeric/distributions";

export interface ConformalOptions {
  /** Clamp quantiles at 0 (for demand, which cannot be negative). */
  readonly nonNegative?: boolean;
  /**
   * The residuals are relative to their forecasts (r/|ŷ|, see `residualRows`), so bands scale with
   * the forecast level: for strictly positive series whose errors grow with their level.
   */
  readonly relative?: boolean;
  /** Number of independent samples behind the residuals for the finite-sample widening. */
  readonly effectiveSize?: number;
}

/**
 * Error scale by step, σ_j = a·j^b, fitted by least squares on log RMS residual against log j
 * (b clamped to [0, 1]; b = 0.5, the random-walk rate, when only one step is known). Residuals are
 * rows of one origin each, possibly of different lengths.
 */
export function horizonScale(residuals: readonly (readonly number[])[], h: number): number[] {
  const sums: number[] = [];
  const counts: number[] = [];
  for (const row of residuals) {
    row.forEach((r, j) => {
      sums[j] = (sums[j] ?? 0) + r * r;
      counts[j] = (counts[j] ?? 0) + 1;
    });
  }
  const points: [number, number][] = [];
  sums.forEach((s, j) => {
    const rms = Math.sqrt(s / counts[j]!);
    if (rms > 0) points.push([Math.log(j + 1), Math.log(rms)]);
  });
  if (points.length === 0) return new Array<number>(h).fill(0);
  let slope = 0.5;
  const meanX = points.reduce((a, p) => a + p[0], 0) / points.length;
  const meanY = points.reduce((a, p) => a + p[1], 0) / points.length;
  if (points.length > 1) {
    const sxx = points.reduce((a, p) => a + (p[0] - meanX) ** 2, 0);
    const sxy = points.reduce((a, p) => a + (p[0] - meanX) * (p[1] - meanY), 0);
    slope = Math.min(1, Math.max(0, sxy / sxx));
  }
  const intercept = meanY - slope * meanX;
  return Array.from({ length: h }, (_, j) => Math.exp(intercept + slope * Math.log(j + 1)));
}

/**
 * Quantiles Q_p(y_{n+j}) = ŷ_j + σ_j·Q_p(z) where z are the backtest residuals divided by σ_j of their
 * step, pooled over origins and steps (times |ŷ_j| for relative residuals). Q_p(z) is the type-7
 * sample quantile at a level widened by (N + 1)/N around the median, a finite-sample correction in
 * the spirit of split conformal prediction. Levels are returned ascending and never cross. Without
 * residuals, returns null (the caller falls back).
 */
export function conformalQuantiles(
  point: readonly number[],
  residuals: readonly (readonly number[])[],
  levels: readonly number[],
  options: ConformalOptions = {},
): QuantileForecast[] | null {
  const h = point.length;
  const scale = horizonScale(residuals, h);
  const pooled: number[] = [];
  for (const row of residuals) {
    row.forEach((r, j) => {
      if (scale[j]! > 0) pooled.push(r / scale[j]!);
    });
  }
  if (pooled.length === 0) return null;
  pooled.sort((a, b) => a - b);
  const n = options.effectiveSize ?? pooled.length;
  return bands(point, levels, options, (level, j) => {
    const widened = Math.min(1, Math.max(0, 0.5 + ((level - 0.5) * (n + 1)) / n));
    const z = sortedQuantile(pooled, widened) * scale[j]!;
    return options.relative ? z * Math.abs(point[j]!) : z;
  });
}

/**
 * Fallback quantiles when nothing can be calibrated: ŷ_j + Φ⁻¹(p)·s·√j with s the standard deviation
 * of the history's one-step changes (a random-walk band). Ascending and non-crossing.
 */
export function randomWalkQuantiles(
  point: readonly number[],
  history: readonly number[],
  levels: readonly number[],
  options: ConformalOptions = {},
): QuantileForecast[] {
  const changes = history.slice(1).map((v, t) => v - history[t]!);
  const mean = changes.reduce((a, b) => a + b, 0) / Math.max(changes.length, 1);
  const sd = Math.sqrt(changes.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(changes.length - 1, 1));
  return bands(point, levels, options, (level, j) => normalQuantile(level) * sd * Math.sqrt(j + 1));
}

function bands(
  point: readonly number[],
  levels: readonly number[],
  options: ConformalOptions,
  offset: (level: number, step: number) => number,
): QuantileForecast[] {
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  const rows = sorted.map((level) => point.map((f, j) => f + offset(level, j)));
  // Quantiles of one distribution cannot cross; a running maximum guards against rounding.
  for (let k = 1; k < rows.length; k++) {
    rows[k] = rows[k]!.map((v, j) => Math.max(v, rows[k - 1]![j]!));
  }
  return sorted.map((level, k) => ({
    level,
    values: options.nonNegative ? rows[k]!.map((v) => Math.max(v, 0)) : rows[k]!,
  }));
}
