// Date and period formatting. Dates travel as ISO text and are formatted from their parts, never
// through a Date in the local zone, so a delivery on the 1st never shows as the 31st.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-01-05" → "05 Jan 2026"; text that is not an ISO date is returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${m[3]} ${month} ${m[1]}` : iso;
}

/** "2026-03" → "Mar 2026"; "2026-W09" → "W09 2026"; "2026-Q1" → "Q1 2026"; anything else unchanged. */
export function formatPeriod(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const name = month ? MONTHS[Number(month[2]) - 1] : undefined;
  if (month && name) return `${name} ${month[1]}`;
  const week = /^(\d{4})-(W\d{2}|Q[1-4])$/.exec(period);
  return week ? `${week[2]} ${week[1]}` : period;
}

/** "2026-03" → "March 2026", for headings. */
export function formatPeriodLong(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const name = month ? MONTHS_LONG[Number(month[2]) - 1] : undefined;
  return month && name ? `${name} ${month[1]}` : formatPeriod(period);
}

/** Months from `first` to `last` inclusive ("2023-11", "2026-10" → 36); 0 when either is missing. */
export function monthsBetween(first: string | null, last: string | null): number {
  const index = (p: string | null) => {
    const m = p ? /^(\d{4})-(\d{2})$/.exec(p) : null;
    return m ? Number(m[1]) * 12 + Number(m[2]) : null;
  };
  const a = index(first);
  const b = index(last);
  return a === null || b === null ? 0 : b - a + 1;
}

/**
 * A timestamp in the viewer's zone (or `timeZone`): "2026-11-22T09:00:00Z" → "22 Nov 2026, 09:00".
 * Returns the input when it is not a timestamp.
 */
export function formatTimestamp(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-GB", {
    year: "numeric",
    month: "short",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")}`;
}
