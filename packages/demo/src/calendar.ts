// The demo company's calendar: history and future months, day numbers and working days. Dates
// are handled as whole day numbers (days since 1970-01-01) and turned into ISO text only when a
// row is written; the text for each day is made once and shared by every row that uses it.

import { addPeriods, type PeriodKey, parseIsoDate, parsePeriod, periodRange } from "@fulcrum/domain";

export interface Month {
  readonly period: PeriodKey;
  /** 1–12. */
  readonly month: number;
  readonly firstDay: number;
  readonly days: number;
  /** Monday to Friday less New Year, Labour Day and Christmas. */
  readonly workingDays: number;
}

export interface DemoCalendar {
  readonly asOf: string;
  readonly asOfDay: number;
  readonly currentPeriod: PeriodKey;
  /** The full months of history, oldest first, ending with the month before asOf. */
  readonly history: readonly Month[];
  /** The current month and the 23 after it. */
  readonly future: readonly Month[];
  /** ISO text of a day number. */
  iso(day: number): string;
}

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return (
    Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) /
    DAY_MS
  );
}

/** 0 = Monday … 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function makeCalendar(asOf: string, historyMonths: number): DemoCalendar {
  const checked = parseIsoDate(asOf);
  if (checked !== asOf) throw new RangeError(`asOf must be an ISO date (YYYY-MM-DD), got "${asOf}"`);
  const currentPeriod = parsePeriod(asOf.slice(0, 7))!;
  const history = periodRange(addPeriods(currentPeriod, -historyMonths), addPeriods(currentPeriod, -1)).map(
    month,
  );
  const future = periodRange(currentPeriod, addPeriods(currentPeriod, 23)).map(month);
  const base = history[0]!.firstDay - 60;
  const text: string[] = [];
  return {
    asOf,
    asOfDay: dayNumber(asOf),
    currentPeriod,
    history,
    future,
    iso(day) {
      const i = day - base;
      let t = text[i];
      if (t === undefined) {
        t = new Date(day * DAY_MS).toISOString().slice(0, 10);
        if (i >= 0 && i < 4000) text[i] = t;
      }
      return t;
    },
  };
}

function month(period: PeriodKey): Month {
  const year = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  const firstDay = Date.UTC(year, m - 1, 1) / DAY_MS;
  const days = Date.UTC(year, m, 1) / DAY_MS - firstDay;
  const holidays = new Set(m === 1 ? [1] : m === 5 ? [1] : m === 12 ? [25, 26] : []);
  let workingDays = 0;
  for (let d = 0; d < days; d++) if (weekday(firstDay + d) < 5 && !holidays.has(d + 1)) workingDays++;
  return { period, month: m, firstDay, days, workingDays };
}
