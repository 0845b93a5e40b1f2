// The seasonal profile of a demand series: how much of an average month each calendar month
// carries (December 1.4: 40 % above the year's average month). The demand review reads it beside
// the plan to see whether a family's plan follows its usual season.

import type { PeriodKey } from "@fulcrum/domain";

/** Years of history a profile averages at most: older seasons say less about the next one. */
export const PROFILE_MAX_YEARS = 3;
/** Full years needed before a profile is given: one year cannot tell a season from a one-off. */
export const PROFILE_MIN_YEARS = 2;

export interface MonthlySeries {
  /** The month of `values[0]`. */
  readonly start: PeriodKey;
  readonly values: readonly number[];
}

export interface SeasonalProfile {
  /** Twelve indices, January first, averaging exactly 1; all 1 when `enough` is false. */
  readonly indices: readonly number[];
  /** Full 12-month years the indices average over (0 to PROFILE_MAX_YEARS). */
  readonly years: number;
  /** Whether there were PROFILE_MIN_YEARS full years with demand. */
  readonly enough: boolean;
}

const calendarMonth = (start: PeriodKey, offset: number) => (Number(start.slice(5, 7)) - 1 + offset) % 12;

/**
 * Seasonal indices by the ratio-to-yearly-average method. The series' most recent complete
 * 12-month blocks (up to PROFILE_MAX_YEARS of them, ending at its last month) are each divided by
 * their own monthly mean, which takes the level — and growth from one year to the next — out; the
 * index of a calendar month is the mean of its ratios over the blocks, and the twelve are then
 * scaled to average exactly 1. A block without demand is left out. With fewer than
 * PROFILE_MIN_YEARS blocks with demand the profile is flat (every index 1, `enough` false).
 */
export function seasonalProfile(series: MonthlySeries): SeasonalProfile {
  const flat = { indices: Array<number>(12).fill(1), enough: false };
  const n = series.values.length;
  const blocks = Math.min(PROFILE_MAX_YEARS, Math.floor(n / 12));
  const sums = Array<number>(12).fill(0);
  let used = 0;
  for (let b = 0; b < blocks; b++) {
    const first = n - 12 * (b + 1);
    const block = series.values.slice(first, first + 12);
    const mean = block.reduce((s, v) => s + v, 0) / 12;
    if (!(mean > 0)) continue;
    used++;
    block.forEach((v, i) => {
      sums[calendarMonth(series.start, first + i)]! += v / mean;
    });
  }
  if (used < PROFILE_MIN_YEARS) return { ...flat, years: used };
  const raw = sums.map((s) => s / used);
  const mean = raw.reduce((s, v) => s + v, 0) / 12;
  return { indices: raw.map((v) => v / mean), years: used, enough: true };
}
