import { describe, expect, it } from "vitest";
import { formatDate, formatPeriod, formatPeriodLong, formatTimestamp, monthsBetween } from "./dates";

describe("dates and periods", () => {
  it("formats ISO dates from their parts, whatever the time zone", () => {
    expect(formatDate("2026-01-05")).toBe("05 Jan 2026");
    expect(formatDate("2026-12-31")).toBe("31 Dec 2026");
  });
  it("leaves text that is not a date alone", () => {
    expect(formatDate("soon")).toBe("soon");
  });
  it("formats monthly and weekly periods", () => {
    expect(formatPeriod("2026-03")).toBe("Mar 2026");
    expect(formatPeriod("2026-W09")).toBe("W09 2026");
    expect(formatPeriod("2026-Q1")).toBe("Q1 2026");
    expect(formatPeriod("2026")).toBe("2026");
    expect(formatPeriodLong("2026-11")).toBe("November 2026");
  });
  it("counts the months of a span, both ends included", () => {
    expect(monthsBetween("2023-11", "2026-10")).toBe(36);
    expect(monthsBetween("2026-01", "2026-01")).toBe(1);
    expect(monthsBetween(null, "2026-01")).toBe(0);
  });
  it("formats timestamps in a given zone", () => {
    expect(formatTimestamp("2026-11-22T09:05:00Z", "UTC")).toBe("22 Nov 2026, 09:05");
    expect(formatTimestamp("2026-11-22T23:30:00Z", "Europe/Berlin")).toBe("23 Nov 2026, 00:30");
  });
});
