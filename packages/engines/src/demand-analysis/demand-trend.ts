// The trend of a demand series, two ways a planner reads it: how the last twelve months compare
// with the twelve before (growth year over year), and the underlying slope month by month, robust
// to a promotion peak or a stock-out dip, with the season taken out first.

import type { MonthlySeries, SeasonalProfile } from "./seasonal-profile";

export interface DemandTrend {
  /** Demand of the last 12 months and of the 12 before; null without that much history. */
  readonly last12: number | null;
  readonly prior12: number | null;
  /** 100 · (last12 − prior12) / prior12; null without both years or when prior12 is 0. */
  readonly growthPercent: number | null;
  /** Theil–Sen slope of the seasonally adjusted series, units per month; null below 6 months. */
  readonly slopePerMonth: number | null;
  /** 100 · 12 · slope / mean monthly demand; null without a slope or demand. */
  readonly slopePercentPerYear: number | null;
  /** Months the slope was fitted on (the last 36 at most). */
  readonly months: number;
}

/** Months a slope needs, and the most it looks back. */
export const SLOPE_MIN_MONTHS = 6;
export const SLOPE_MAX_MONTHS = 36;

/**
 * Year-over-year growth of the last 12 months, and the Theil–Sen slope — the median of the slopes
 * (yⱼ − yᵢ)/(j − i) over every pair i < j — of the last SLOPE_MAX_MONTHS months divided by their
 * calendar month's seasonal index (raw when the profile is flat). The median pairwise slope ignores
 * up to 29 % of outlying points, where a least-squares line would bend to them.
 */
export function demandTrend(series: MonthlySeries, profile: SeasonalProfile): DemandTrend {
  const v = series.values;
  const n = v.length;
  const total = (from: number, to: number) => v.slice(from, to).reduce((s, x) => s + x, 0);
  const last12 = n >= 12 ? total(n - 12, n) : null;
  const prior12 = n >= 24 ? total(n - 24, n - 12) : null;
  const growthPercent =
    last12 !== null && prior12 !== null && prior12 > 0 ? (100 * (last12 - prior12)) / prior12 : null;

  const m = Math.min(n, SLOPE_MAX_MONTHS);
  const startMonth = Number(series.start.slice(5, 7)) - 1;
  const adjusted = v.slice(n - m).map((x, i) => x / profile.indices[(startMonth + n - m + i) % 12]!);
  const slopePerMonth = m >= SLOPE_MIN_MONTHS ? theilSen(adjusted) : null;
  const mean = m > 0 ? adjusted.reduce((s, x) => s + x, 0) / m : 0;
  const slopePercentPerYear = slopePerMonth !== null && mean > 0 ? (100 * 12 * slopePerMonth) / mean : null;
  return { last12, prior12, growthPercent, slopePerMonth, slopePercentPerYear, months: m };
}

/** Median of (yⱼ − yᵢ)/(j − i) over all pairs i < j; the mean of the middle two for an even count. */
export function theilSen(y: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < y.length; i++)
    for (let j = i + 1; j < y.length; j++) slopes.push((y[j]! - y[i]!) / (j - i));
  if (slopes.length === 0) return 0;
  slopes.sort((a, b) => a - b);
  const mid = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
}
