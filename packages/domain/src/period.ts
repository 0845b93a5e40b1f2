// Planning periods: the buckets every plan is stored in. Monthly ("2026-03") by default, ISO weeks
// ("2026-W09") when a company plans weekly. A PeriodKey is only made by the parsers here, so code
// that holds one can rely on its shape.

declare const periodBrand: unique symbol;
export type PeriodKey = string & { readonly [periodBrand]: true };
export type Bucket = "month" | "week";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** Parses "YYYY-MM" (month) or "YYYY-Www" (ISO week); null when the text is neither. */
export function parsePeriod(text: string): PeriodKey | null {
  const t = text.trim();
  if (MONTH.test(t)) return t as PeriodKey;
  const w = WEEK.exec(t);
  if (w && Number(w[2]) <= isoWeeksInYear(Number(w[1]))) return t as PeriodKey;
  return null;
}

export function bucketOf(period: PeriodKey): Bucket {
  return period.includes("W") ? "week" : "month";
}

/** The monthly period that contains an ISO date (YYYY-MM-DD). */
export function monthOf(isoDate: string): PeriodKey {
  return isoDate.slice(0, 7) as PeriodKey;
}

/** The ISO week (YYYY-Www) that contains an ISO date. */
export function isoWeekOf(isoDate: string): PeriodKey {
  const d = utcDate(isoDate);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of this week decides the ISO year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, "0")}` as PeriodKey;
}

export function periodOf(isoDate: string, bucket: Bucket): PeriodKey {
  return bucket === "month" ? monthOf(isoDate) : isoWeekOf(isoDate);
}

/** The period `n` buckets after `period` (n may be negative). */
export function addPeriods(period: PeriodKey, n: number): PeriodKey {
  if (bucketOf(period) === "month") {
    const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
    const year = Math.floor(index / 12);
    return `${year}-${String((index % 12) + 1).padStart(2, "0")}` as PeriodKey;
  }
  const monday = mondayOfIsoWeek(period);
  monday.setUTCDate(monday.getUTCDate() + 7 * n);
  return isoWeekOf(monday.toISOString().slice(0, 10));
}

/** Number of buckets from `a` to `b` (positive when b is later). Both must share a bucket. */
export function periodsBetween(a: PeriodKey, b: PeriodKey): number {
  if (bucketOf(a) !== bucketOf(b)) throw new Error(`cannot compare ${a} with ${b}: different buckets`);
  if (bucketOf(a) === "month") {
    const idx = (p: PeriodKey) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
    return idx(b) - idx(a);
  }
  return Math.round((mondayOfIsoWeek(b).getTime() - mondayOfIsoWeek(a).getTime()) / (7 * 86_400_000));
}

/** Inclusive range of periods from `first` to `last`; empty when last precedes first. */
export function periodRange(first: PeriodKey, last: PeriodKey): PeriodKey[] {
  const n = periodsBetween(first, last);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addPeriods(first, i));
}

/** First calendar day of a period, as an ISO date. */
export function periodStart(period: PeriodKey): string {
  if (bucketOf(period) === "month") return `${period}-01`;
  return mondayOfIsoWeek(period).toISOString().slice(0, 10);
}

function mondayOfIsoWeek(period: PeriodKey): Date {
  const year = Number(period.slice(0, 4));
  const week = Number(period.slice(6));
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + 7 * (week - 1));
  return monday;
}

function isoWeeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).endsWith("53") ? 53 : 52;
}

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}
