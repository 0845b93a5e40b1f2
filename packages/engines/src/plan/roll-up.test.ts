import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { rollUpHierarchy, rollUpPeriods, timeBucket } from "./roll-up";

const p = (s: string) => s as PeriodKey;

describe("roll-up", () => {
  it("buckets months into quarters and years, weeks by their Monday", () => {
    expect(timeBucket(p("2026-03"), "quarter")).toBe("2026-Q1");
    expect(timeBucket(p("2026-04"), "quarter")).toBe("2026-Q2");
    expect(timeBucket(p("2026-12"), "year")).toBe("2026");
    expect(timeBucket(p("2026-W14"), "quarter")).toBe("2026-Q1"); // Monday 30 March
    expect(timeBucket(p("2026-W15"), "quarter")).toBe("2026-Q2");
  });

  it("sums a series over quarters, leaving buckets without any value empty", () => {
    const periods = ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"].map(p);
    expect(rollUpPeriods(periods, [1, 2, null, null, null, 5], "quarter")).toEqual({
      buckets: ["2026-Q4", "2027-Q1", "2027-Q2"],
      values: [3, null, 5],
    });
    expect(rollUpPeriods(periods, [1, 2, 3, 4, 5, 6], "year").values).toEqual([3, 18]);
  });

  it("adds leaves up through every level of the hierarchy", () => {
    const nodes = [
      { id: "ALL", parent: null },
      { id: "FAM-A", parent: "ALL" },
      { id: "FAM-B", parent: "ALL" },
      { id: "S1", parent: "FAM-A" },
      { id: "S2", parent: "FAM-A" },
      { id: "S3", parent: "FAM-B" },
    ];
    const leaves = new Map([
      ["S1", [1, 2]],
      ["S2", [10, 20]],
      ["S3", [100, 200]],
    ]);
    const totals = rollUpHierarchy(nodes, leaves, 2);
    expect(totals.get("FAM-A")).toEqual([11, 22]);
    expect(totals.get("ALL")).toEqual([111, 222]);
    expect(() => rollUpHierarchy([{ id: "X", parent: "Y" }], leaves, 2)).toThrow(/unknown parent/);
  });
});
