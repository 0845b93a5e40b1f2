// History cleansing: a statistical model should learn normal demand, not a one-off spike, a data
// error or a promotion's peak. Each cleansed period is replaced by a robust baseline (running-median
// trend plus the median seasonal figure) and reported, so a planner sees what was changed and why.

import { sortedQuantile } from "../numeric/distributions";
import { isSeasonal } from "../seasonality";

export type CleansingReason = "outlier" | "promotion";

export interface CleansingChange {
  /** Index into the history (0 = oldest). */
  readonly index: number;
  readonly original: number;
  readonly cleansed: number;
  readonly reason: CleansingReason;
}

export interface CleansingOptions {
  readonly period: number;
  /** Detect and replace outliers (default true). */
  readonly outliers?: boolean;
  /** Periods affected by a promotion, by history index: replaced by the baseline. */
  readonly promotions?: readonly boolean[];
  /**
   * Known promotion effects, by history index: the factor demand was multiplied by (1.2 for a
   * 20 % uplift, 0.9 for a 10 % dip, 1 or missing for none). Such a period is divided by its
   * factor instead of being replaced by the baseline: the promotion's own size is better
   * information than a median, which sits below the mean of skewed demand and so biases the
   * cleansed history low.
   */
  readonly promotionLift?: readonly number[];
  /** Outliers lie beyond the quartiles by this many interquartile ranges (default 3, as R's tsoutliers). */
  readonly iqrMultiple?: number;
}

export interface CleansedHistory {
  readonly values: number[];
  readonly changes: readonly CleansingChange[];
}

/** Shortest history on which outliers are looked for: fewer points make every point suspicious. */
export const MINIMUM_CLEANSING_HISTORY = 12;
/**
 * Periods at each end never marked as outliers: there a level shift and an outlier look alike,
 * and replacing the latest months cost M1's yearly series a third of their accuracy (OWA 0.82 →
 * 1.14); with the edges left alone, cleansing is neutral on M1 (0.869 either way).
 */
const EDGE = 6;

/**
 * Baseline bₜ = running median of the other values in a centred window (one season plus one when m
 * is even, else 5 periods; shifted inwards at the ends) + the median of y − trend over the other
 * periods at t's position in the cycle (when `isSeasonal`). Periods with a known promotion
 * factor are divided by it first (see `promotionLift`). A period is an outlier when its remainder y − baseline lies
 * more than k·IQR outside the remainders' quartiles and it is not among the first or last EDGE periods. Outliers and promotion periods get the
 * baseline, kept positive for positive histories and non-negative for non-negative ones.
 */
export function cleanseHistory(raw: readonly number[], options: CleansingOptions): CleansedHistory {
  const n = raw.length;
  const promotions = options.promotions ?? [];
  const lift = raw.map((_, t) => {
    const f = options.promotionLift?.[t];
    return f !== undefined && f > 0 && Number.isFinite(f) && Math.abs(f - 1) > 1e-9 ? f : 1;
  });
  const lifted = lift.some((f) => f !== 1);
  // Known effects are taken out first; the rest of the cleansing sees the adjusted history.
  const y = lifted ? raw.map((v, t) => v / lift[t]!) : raw;
  const liftChanges = (values: number[]): CleansedHistory => {
    const changes: CleansingChange[] = [];
    for (let t = 0; t < n; t++)
      if (lift[t] !== 1 || values[t] !== raw[t])
        changes.push({ index: t, original: raw[t]!, cleansed: values[t]!, reason: "promotion" });
    return { values, changes };
  };
  const detect = (options.outliers ?? true) && n >= MINIMUM_CLEANSING_HISTORY;
  if (!detect && !promotions.some(Boolean))
    return lifted ? liftChanges([...y]) : { values: [...y], changes: [] };

  // Promotion periods must not shape the baseline they are replaced by.
  const usable = y.map((_, t) => !promotions[t]);
  const base = baseline(y, usable, options.period);
  const remainders: number[] = [];
  for (let t = 0; t < n; t++) if (usable[t]) remainders.push(y[t]! - base[t]!);
  remainders.sort((a, b) => a - b);
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  if (detect && remainders.length >= MINIMUM_CLEANSING_HISTORY) {
    const q1 = sortedQuantile(remainders, 0.25);
    const q3 = sortedQuantile(remainders, 0.75);
    const k = options.iqrMultiple ?? 3;
    // A flat stretch has IQR 0; without a floor every small wiggle would be an "outlier".
    const spread = Math.max(q3 - q1, 1e-9 * Math.max(...y.map(Math.abs)));
    low = q1 - k * spread;
    high = q3 + k * spread;
  }
  // A cleansed value stays inside what the history allows: positive data stays positive (the
  // multiplicative models need it), non-negative data non-negative.
  const floor = y.every((v) => v > 0)
    ? Math.min(...y)
    : y.every((v) => v >= 0)
      ? 0
      : Number.NEGATIVE_INFINITY;
  const values = [...y];
  const changes: CleansingChange[] = [];
  for (let t = 0; t < n; t++) {
    const interior = t >= EDGE && t < n - EDGE;
    const reason: CleansingReason | null = promotions[t]
      ? "promotion"
      : interior && (y[t]! - base[t]! < low || y[t]! - base[t]! > high)
        ? "outlier"
        : null;
    if (!reason) continue;
    const cleansed = Math.max(floor, base[t]!);
    values[t] = cleansed;
    changes.push({ index: t, original: y[t]!, cleansed, reason });
  }
  if (!lifted) return { values, changes };
  // Report against the raw history; a period with a known effect is a promotion whatever else.
  const merged = liftChanges(values).changes.map((c) =>
    lift[c.index] === 1 ? { ...c, reason: changes.find((d) => d.index === c.index)!.reason } : c,
  );
  return { values, changes: merged };
}

/**
 * Leave-one-out: a period's own value shapes neither its trend nor its seasonal figure, otherwise
 * the remainders shrink (a median of four Junes sits halfway to each of them) and ordinary noise
 * starts to look like an outlier.
 */
function baseline(y: readonly number[], usable: readonly boolean[], period: number): number[] {
  const n = y.length;
  const seasonal = period > 1 && n >= 2 * period && isSeasonal(y, period);
  // The window always spans a whole season (shifted inwards at the ends), so the trend never
  // leans towards the months the window happens to hold.
  const width = Math.min(n, seasonal ? period + 1 - (period % 2) : 5);
  const half = Math.floor(width / 2);
  const trend = y.map((_, t) => {
    const start = Math.min(Math.max(0, t - half), n - width);
    const window: number[] = [];
    for (let u = start; u < start + width; u++) if (usable[u] && u !== t) window.push(y[u]!);
    return median(window);
  });
  fillGaps(trend);
  if (!seasonal) return trend;
  return trend.map((level, t) => {
    const others: number[] = [];
    for (let u = t % period; u < n; u += period) if (usable[u] && u !== t) others.push(y[u]! - trend[u]!);
    return level + (others.length === 0 ? 0 : median(others));
  });
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  return sortedQuantile(values, 0.5);
}

/** Linear interpolation over NaN runs (constant beyond the ends). */
function fillGaps(values: number[]): void {
  const known = values.map((v, t) => (Number.isNaN(v) ? -1 : t)).filter((t) => t >= 0);
  if (known.length === 0) {
    values.fill(0);
    return;
  }
  for (let t = 0; t < values.length; t++) {
    if (!Number.isNaN(values[t]!)) continue;
    const before = known.filter((k) => k < t).at(-1);
    const after = known.find((k) => k > t);
    if (before === undefined) values[t] = values[after!]!;
    else if (after === undefined) values[t] = values[before]!;
    else values[t] = values[before]! + ((values[after]! - values[before]!) * (t - before)) / (after - before);
  }
}
