// Calendar days for demand adjustments: promotions and ramps are dated to the day, the plan is
// monthly, so each month gets the share of a date range that falls in it. Days are counted as
// whole UTC days from 1970-01-01, so no time zone can move a day into another month.

import { addPeriods, monthOf, type PeriodKey, periodStart } from "@fulcrum/domain";

const DAY_MS = 86_400_000;

/** Whole days from 1970-01-01 to an ISO date ("2026-03-15"). */
export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** First and last day number of a month (inclusive). */
export function monthDays(period: PeriodKey): { readonly first: number; readonly last: number } {
  const first = dayNumber(periodStart(period));
  return { first, last: dayNumber(periodStart(addPeriods(period, 1))) - 1 };
}

export interface MonthShare {
  readonly period: PeriodKey;
  /** Days of the range in this month. */
  readonly days: number;
  /** days / days in the month. */
  readonly share: number;
}

/**
 * The months an inclusive date range touches, with the days of the range in each and their share
 * of the month: 2026-07-25 … 2026-08-07 gives July 7/31 and August 7/31. Empty when end < start.
 */
export function monthShares(start: string, end: string): MonthShare[] {
  const from = dayNumber(start);
  const to = dayNumber(end);
  const shares: MonthShare[] = [];
  if (to < from) return shares;
  for (let period = monthOf(start); ; period = addPeriods(period, 1)) {
    const { first, last } = monthDays(period);
    if (first > to) break;
    const days = Math.min(last, to) - Math.max(first, from) + 1;
    shares.push({ period, days, share: days / (last - first + 1) });
  }
  return shares;
}
