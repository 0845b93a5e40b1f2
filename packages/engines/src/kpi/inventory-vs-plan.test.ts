import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { inventoryVersusPlan } from "./inventory-vs-plan";

const period = "2026-03" as PeriodKey;
const base = { period, unitCost: 250 as Money, target: 100, safetyStock: 40, demandAfter: [60, 90, 30] };

describe("inventoryVersusPlan", () => {
  const { rows, total } = inventoryVersusPlan(
    [
      { ...base, key: "A@DC", actual: 120, planned: 100 },
      { ...base, key: "B@DC", actual: 30, planned: 80 },
      { ...base, key: "C@DC", actual: 97, planned: 0, demandAfter: [] },
    ],
    { daysPerPeriod: 30, tolerance: 0.05 },
  );

  it("measures a position above plan in units, money and days of cover", () => {
    // 120 covers April's 60 and 60 of May's 90: (1 + 60/90) · 30 = 50 days; plan 100 → (1 + 40/90) · 30.
    expect(rows[0]).toMatchObject({
      deviation: 20,
      deviationShare: 0.2,
      actualValue: 30_000,
      plannedValue: 25_000,
      deviationValue: 5_000,
      versusTarget: 20,
      safetyShortfall: 0,
      status: "above-target",
    });
    expect(rows[0]!.coverDays).toBeCloseTo(50, 12);
    expect(rows[0]!.plannedCoverDays).toBeCloseTo(130 / 3, 12);
  });

  it("flags a position below safety stock with the units it is short", () => {
    // 30 of April's 60: 15 days; 10 short of the 40 safety stock.
    expect(rows[1]).toMatchObject({
      deviation: -50,
      deviationShare: -0.625,
      coverDays: 15,
      safetyShortfall: 10,
      status: "below-safety-stock",
    });
  });

  it("is on target within the band, with unbounded cover and no share when nothing was planned", () => {
    // 97 is within ±5 of the target of 100.
    expect(rows[2]).toMatchObject({ deviationShare: null, status: "on-target", versusTarget: -3 });
    expect(rows[2]!.coverDays).toBe(Number.POSITIVE_INFINITY);
  });

  it("totals the money, counts the positions below safety stock and covers the total demand", () => {
    // Values 30,000 + 7,500 + 24,250; plans 25,000 + 20,000 + 0.
    // Cover over the positions demand follows (C has none): stock 120 + 30 = 150 against demand
    // 120, 180, 60: April's 120, then 30 of May's 180 → (1 + 30/180) · 30 = 35 days.
    expect(total).toEqual({
      actualValue: 61_750,
      plannedValue: 45_000,
      deviationValue: 16_750,
      belowSafetyStock: 1,
      coverDays: expect.closeTo(35, 10),
    });
  });

  it("totals stock as the average month-end level, not the sum of the month-ends", () => {
    // One position held 100 units at 250 at the end of March and of April, planned 80 then 120:
    // it held 25,000 each month-end, so the level is 25,000 (not 50,000), the plan's (20,000 +
    // 30,000) ÷ 2 = 25,000, and no deviation on average.
    const april = "2026-04" as PeriodKey;
    const { total: level } = inventoryVersusPlan(
      [
        { ...base, key: "A@DC", actual: 100, planned: 80 },
        { ...base, key: "A@DC", period: april, actual: 100, planned: 120 },
      ],
      { daysPerPeriod: 30, tolerance: 0.05 },
    );
    expect(level).toMatchObject({ actualValue: 25_000, plannedValue: 25_000, deviationValue: 0 });
  });
});
