import { describe, expect, it } from "vitest";
import { addPeriods, isoWeekOf, parsePeriod, periodRange, periodStart, periodsBetween } from "./period";

const p = (t: string) => {
  const period = parsePeriod(t);
  if (!period) throw new Error(`bad period ${t}`);
  return period;
};

describe("planning periods", () => {
  it("accepts months and real ISO weeks only", () => {
    expect(parsePeriod("2026-03")).toBe("2026-03");
    expect(parsePeriod("2026-13")).toBeNull();
    expect(parsePeriod("2026-W53")).toBe("2026-W53"); // 2026 has 53 ISO weeks
    expect(parsePeriod("2025-W53")).toBeNull();
    expect(parsePeriod("March 2026")).toBeNull();
  });

  it("steps months across year ends in both directions", () => {
    expect(addPeriods(p("2026-11"), 3)).toBe("2027-02");
    expect(addPeriods(p("2026-01"), -1)).toBe("2025-12");
    expect(periodsBetween(p("2025-12"), p("2027-02"))).toBe(14);
    expect(periodRange(p("2026-11"), p("2027-01"))).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(periodRange(p("2026-11"), p("2026-10"))).toEqual([]);
  });

  it("numbers ISO weeks like the standard (weeks start Monday, week 1 holds 4 January)", () => {
    expect(isoWeekOf("2021-01-03")).toBe("2020-W53");
    expect(isoWeekOf("2021-01-04")).toBe("2021-W01");
    expect(isoWeekOf("2026-12-31")).toBe("2026-W53");
    expect(addPeriods(p("2026-W52"), 2)).toBe("2027-W01");
    expect(periodStart(p("2026-W01"))).toBe("2025-12-29");
  });
});
