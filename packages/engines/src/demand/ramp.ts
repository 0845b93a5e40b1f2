// Linear ramps between two dates, averaged over a month: how much of an old SKU is still sold
// while it phases out or hands over to its successor, and how much of a launch month is on sale.

import type { PeriodKey } from "@fulcrum/domain";
import { dayNumber, monthDays } from "./day-calendar";

/**
 * Mean over the days of `period` of the remaining share r(d) of a ramp down from `start` to `end`
 * (inclusive dates, L = end − start + 1 days): r = 1 before the start, (end − d + 1)/L on the
 * ramp (1 on its first day, 1/L on its last), 0 after the end. A ramp from 2027-01-01 to 2027-03-31
 * (90 days) gives January (90 + 60)/2/90 = 0.8333, February 45.5/90, March 16/90, April 0.
 */
export function rampDownShare(period: PeriodKey, start: string, end: string): number {
  const from = dayNumber(start);
  const to = dayNumber(end);
  const length = Math.max(1, to - from + 1);
  const { first, last } = monthDays(period);
  let sum = 0;
  for (let d = first; d <= last; d++) sum += d < from ? 1 : d > to ? 0 : (to - d + 1) / length;
  return sum / (last - first + 1);
}

/** Share of the days of `period` on or after `start`: 1 for months after it, 0 for months before. */
export function shareFrom(period: PeriodKey, start: string): number {
  const from = dayNumber(start);
  const { first, last } = monthDays(period);
  return Math.max(0, Math.min(1, (last - Math.max(first, from) + 1) / (last - first + 1)));
}
