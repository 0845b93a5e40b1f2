import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import {
  forecastValueAdded,
  type SnapshotCell,
  stepForecasts,
  valueAddedByPerson,
  wapeByPeriod,
} from "./forecast-value-added";

const period = "2026-12" as PeriodKey;
// A: sales raised the statistical 90 to 110, the planner settled on 105; demand was 100.
// B: marketing added 10 to the statistical 55; demand was 50.
const A: SnapshotCell = {
  key: "A",
  period,
  actual: 100,
  naive: 80,
  statistical: 90,
  sales: 110,
  marketing: null,
  product: null,
  consensus: 105,
  editors: { sales: "sam", consensus: "dana" },
};
const B: SnapshotCell = {
  key: "B",
  period,
  actual: 50,
  naive: 60,
  statistical: 55,
  sales: null,
  marketing: 10,
  product: null,
  consensus: null,
  editors: { marketing: "mia" },
};
const bySku = (cells: SnapshotCell[]) =>
  Object.fromEntries(
    forecastValueAdded(cells, { groupOf: (k) => k, scaleOf: (k) => (k === "A" ? 10 : 5) }).map((s) => [
      s.step,
      s,
    ]),
  );

describe("stepForecasts", () => {
  it("applies the layers in the consensus rule's order", () => {
    expect(stepForecasts(A)).toEqual({
      naive: 80,
      statistical: 90,
      sales: 110,
      marketing: 110,
      product: 110,
      consensus: 105,
    });
    expect(stepForecasts(B)).toEqual({
      naive: 60,
      statistical: 55,
      sales: 55,
      marketing: 65,
      product: 65,
      consensus: 65,
    });
    expect(stepForecasts({ ...B, product: 0 }).consensus).toBe(0);
  });
});

describe("forecastValueAdded", () => {
  const steps = bySku([A, B]);

  it("scores each step by SKU (hand-worked: errors over demand of 150)", () => {
    // naive 20 + 10, statistical 10 + 5, sales 10 + 5, marketing 10 + 15, consensus 5 + 15.
    expect(steps.naive!.wape).toBeCloseTo(20, 12);
    expect(steps.statistical!.wape).toBeCloseTo(10, 12);
    expect(steps.sales!.wape).toBeCloseTo(10, 12);
    expect(steps.marketing!.wape).toBeCloseTo(100 / 6, 12);
    expect(steps.consensus!.wape).toBeCloseTo(40 / 3, 12);
    expect(steps.statistical!.mape).toBeCloseTo(10, 12);
    expect(steps.consensus!.mape).toBeCloseTo(17.5, 12);
    // MASE: A 5 / 10, B 15 / 5.
    expect(steps.consensus!.mase).toBeCloseTo(1.75, 12);
    expect(steps.naive!.biasPct).toBeCloseTo(-20 / 3, 12);
    // One month: the total's error of 20 is its own MAD.
    expect(steps.consensus!.trackingSignal).toBeCloseTo(1, 12);
    expect(steps.naive!.trackingSignal).toBeCloseTo(-1, 12);
  });

  it("says how much each step removed, against the one before, the statistical and naive", () => {
    expect(steps.naive!.fvaVsPrevious).toBeNull();
    expect(steps.statistical!.fvaVsPrevious).toBeCloseTo(10, 12);
    expect(steps.sales!.fvaVsPrevious).toBeCloseTo(0, 12);
    expect(steps.marketing!.fvaVsPrevious).toBeCloseTo(-20 / 3, 12);
    expect(steps.product!.fvaVsPrevious).toBeCloseTo(0, 12);
    expect(steps.consensus!.fvaVsPrevious).toBeCloseTo(10 / 3, 12);
    expect(steps.consensus!.fvaVsStatistical).toBeCloseTo(-10 / 3, 12);
    expect(steps.consensus!.fvaVsNaive).toBeCloseTo(20 / 3, 12);
  });

  it("measures a family on its own total, where the SKUs' errors partly cancel", () => {
    const family = Object.fromEntries(
      forecastValueAdded([A, B], { groupOf: () => "F" }).map((s) => [s.step, s]),
    );
    // Totals: naive 140, statistical 145, sales 165, consensus 170 against 150.
    expect(family.naive!.wape).toBeCloseTo(20 / 3, 12);
    expect(family.statistical!.wape).toBeCloseTo(10 / 3, 12);
    expect(family.sales!.wape).toBeCloseTo(10, 12);
    expect(family.consensus!.wape).toBeCloseTo(40 / 3, 12);
    expect(family.consensus!.mase).toBeNull();
  });

  it("has no WAPE without demand, and a trend per month", () => {
    const none = forecastValueAdded([{ ...B, actual: 0 }], { groupOf: (k) => k });
    expect(none.find((s) => s.step === "statistical")).toMatchObject({
      wape: null,
      mape: null,
      biasPct: null,
    });
    const later = { ...A, period: "2027-01" as PeriodKey, consensus: 100 };
    const trend = wapeByPeriod([A, B, later], { groupOf: (k) => k });
    expect(trend.map((t) => t.period)).toEqual(["2026-12", "2027-01"]);
    expect(trend[1]!.wape.consensus).toBe(0);
    // Over two months the consensus missed by +20 then 0: Σ 20 over a MAD of 10.
    const both = forecastValueAdded([A, B, later], { groupOf: (k) => k });
    expect(both.find((s) => s.step === "consensus")!.trackingSignal).toBeCloseTo(2, 12);
  });
});

describe("valueAddedByPerson", () => {
  it("ranks people by the WAPE their own changes removed, on the cells they changed", () => {
    expect(valueAddedByPerson([A, B])).toEqual([
      // Dana took A from 110 to 105: error 10 → 5 on 100 units.
      {
        person: "dana",
        step: "consensus",
        cells: 1,
        wapeBefore: 10,
        wapeAfter: 5,
        wapeStatistical: 10,
        fva: 5,
        fvaVsStatistical: 5,
        biasPct: 5,
      },
      // Sam's 110 was as far off as the statistical 90.
      {
        person: "sam",
        step: "sales",
        cells: 1,
        wapeBefore: 10,
        wapeAfter: 10,
        wapeStatistical: 10,
        fva: 0,
        fvaVsStatistical: 0,
        biasPct: 10,
      },
      // Mia's uplift took B from 5 to 15 off on 50 units.
      {
        person: "mia",
        step: "marketing",
        cells: 1,
        wapeBefore: 10,
        wapeAfter: 30,
        wapeStatistical: 10,
        fva: -20,
        fvaVsStatistical: -20,
        biasPct: 30,
      },
    ]);
  });

  it("does not credit an edit that left the forecast as it was", () => {
    expect(valueAddedByPerson([{ ...A, sales: 90, consensus: null, editors: { sales: "sam" } }])).toEqual([]);
  });
});
