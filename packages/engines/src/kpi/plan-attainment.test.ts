import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { planAttainment } from "./plan-attainment";

const cell = (key: string, period: string, planned: number, actual: number) => ({
  key,
  period: period as PeriodKey,
  planned,
  actual,
});

describe("planAttainment", () => {
  // LINE-1 planned 100, 100, 50 and made 90, 120, 50: met 90 + 100 + 50 = 240 of 250 = 96 %;
  // within ±5 %: January (−10 %) no, February (+20 %) no, March yes → 1/3.
  // LINE-2 planned 0 and 40, made 5 and 39: met 0 + 39 of 40 = 97.5 %; January (nothing planned,
  // 5 made) is outside any band, February (−2.5 %) within → 1/2.
  const result = planAttainment(
    [
      cell("LINE-1", "2026-01", 100, 90),
      cell("LINE-1", "2026-02", 100, 120),
      cell("LINE-1", "2026-03", 50, 50),
      cell("LINE-2", "2026-01", 0, 5),
      cell("LINE-2", "2026-02", 40, 39),
    ],
    0.05,
  );

  it("does not let over-production in one period make up for a shortfall in another", () => {
    const [line1, line2] = result.byKey;
    expect(line1).toMatchObject({ key: "LINE-1", planned: 250, actual: 260, attainment: 0.96 });
    expect(line1!.withinTolerance).toBeCloseTo(1 / 3, 12);
    expect(line2).toMatchObject({
      key: "LINE-2",
      planned: 40,
      actual: 44,
      attainment: 0.975,
      withinTolerance: 0.5,
    });
    expect(line1!.periods.map((p) => p.attainment)).toEqual([0.9, 1, 1]);
    expect(line2!.periods[0]).toMatchObject({ attainment: null, withinTolerance: false });
  });

  it("totals over every cell: 279 met of 290 planned, 2 of 5 cells within tolerance", () => {
    expect(result.total.key).toBeNull();
    expect(result.total.attainment).toBeCloseTo(279 / 290, 12);
    expect(result.total.withinTolerance).toBe(0.4);
  });

  it("reports no attainment when nothing was planned, and rejects a negative tolerance", () => {
    expect(planAttainment([cell("SKU-1", "2026-01", 0, 0)], 0.1).total).toMatchObject({
      attainment: null,
      withinTolerance: 1,
    });
    expect(planAttainment([], 0.1).total).toMatchObject({ attainment: null, withinTolerance: null });
    expect(() => planAttainment([], -0.1)).toThrow(RangeError);
  });
});
