// Calendar dates as ISO text ("2026-03-15"): the only date form the domain passes around, so
// time zones never shift a delivery into another month.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO date. Also accepts the day/month/year forms spreadsheets export
 * ("15/03/2026", "15.03.2026"), always day first, never US month-first, because guessing is how
 * imports go silently wrong. Returns null when the text is not a real calendar date.
 */
export function parseIsoDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = ISO.exec(t) ?? /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    if (!dmy) return null;
    d = Number(dmy[1]);
    m = Number(dmy[2]);
    y = Number(dmy[3]);
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1900 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
