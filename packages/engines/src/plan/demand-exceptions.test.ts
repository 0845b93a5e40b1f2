import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { demandExceptions, type SkuUnderReview } from "./demand-exceptions";

const month = (period: string, plan: number, previous: number | null, p10 = 80, p90 = 120) => ({
  period: period as PeriodKey,
  statistical: 100,
  p10,
  p90,
  plan,
  previous,
});

describe("demandExceptions", () => {
  // Over-planned by 20 every month for four months: TS = 80 / 20 = 4 is not beyond 4; five months is.
  const biased: SkuUnderReview = {
    sku: "BIASED",
    unitPrice: 250 as Money,
    months: [month("2026-12", 100, 100), month("2027-01", 100, 100)],
    history: Array.from({ length: 5 }, () => ({ actual: 100, planned: 120 })),
  };
  // Planned 150 against a P90 of 120 in December, and 40 % above last cycle's 107 in January.
  const pushed: SkuUnderReview = {
    sku: "PUSHED",
    unitPrice: 100 as Money,
    months: [month("2026-12", 150, 140), month("2027-01", 110, 78.5)],
    history: [],
  };

  it("finds a persistent bias, the months outside the band and the big changes, largest value first", () => {
    expect(demandExceptions([biased, pushed])).toEqual([
      // 20 a month carried over two months planned: 40 units × 2.50.
      {
        sku: "BIASED",
        kind: "biased",
        periods: ["2026-12", "2027-01"],
        units: 40,
        valueAtStake: 10_000,
        percent: 20,
        trackingSignal: 5,
      },
      // Only January moved beyond 20 %: 110 − 78.5 = 31.5 units, +40.1 % — 3,150 in money.
      {
        sku: "PUSHED",
        kind: "changed",
        periods: ["2027-01"],
        units: 31.5,
        valueAtStake: 3_150,
        percent: (100 * 31.5) / 78.5,
        trackingSignal: null,
      },
      // 150 − 120 = 30 units above the band × 1.00.
      {
        sku: "PUSHED",
        kind: "outside-band",
        periods: ["2026-12"],
        units: 30,
        valueAtStake: 3_000,
        percent: null,
        trackingSignal: null,
      },
    ]);
  });

  it("needs enough months to call a bias, and stays quiet inside the band and the change limit", () => {
    const fourMonths = { ...biased, history: biased.history.slice(0, 4) };
    expect(demandExceptions([fourMonths])).toEqual([]);
    const below: SkuUnderReview = { ...pushed, months: [month("2026-12", 70, 75)] };
    expect(demandExceptions([below])).toMatchObject([
      { kind: "outside-band", units: -10, valueAtStake: 1_000 },
    ]);
  });
});
