import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { forecastBiasExceptions } from "./forecast-bias-runs";

const m = (period: string, forecast: number, actual: number) => ({
  period: period as PeriodKey,
  forecast,
  actual,
});
const rule = { threshold: 0.1, periods: 3 };
const series = (key: string, months: ReturnType<typeof m>[]) => ({ key, unitPrice: 250 as Money, months });

describe("forecastBiasExceptions", () => {
  it("flags exactly N months over-forecast beyond the threshold, valued at |Σ(F − A)| × price", () => {
    // Shares +20 %, +15 %, +12 %: three months beyond 10 %. Σ(F − A) = 20 + 15 + 12 = 47 units
    // × 250 = 11,750. Σ A = 300, so the run's bias is 47 / 300.
    const [found] = forecastBiasExceptions(
      [series("SKU-1", [m("2026-07", 120, 100), m("2026-08", 115, 100), m("2026-09", 112, 100)])],
      rule,
    );
    expect(found).toMatchObject({
      key: "forecast-bias:SKU-1:2026-09",
      kind: "forecast-bias",
      title: "SKU-1 over-forecast by more than 10 % for 3 months",
      subject: { type: "sku", code: "SKU-1" },
      periods: ["2026-07", "2026-08", "2026-09"],
      valueAtStake: 11_750,
      units: 47,
      limit: 0.1,
    });
    expect(found!.measured).toBeCloseTo(47 / 300, 12);
    // Every error is +: Σ = 47, MAD = 47 / 3 → TS = 3.
    expect(found!.trackingSignal).toBeCloseTo(3, 12);
  });

  it("does not flag N − 1 months, nor a share exactly at the threshold", () => {
    // August is exactly +10 %: not beyond it, so the run is July alone and then September alone.
    expect(
      forecastBiasExceptions(
        [series("SKU-1", [m("2026-07", 120, 100), m("2026-08", 110, 100), m("2026-09", 112, 100)])],
        rule,
      ),
    ).toEqual([]);
    expect(
      forecastBiasExceptions([series("SKU-1", [m("2026-08", 120, 100), m("2026-09", 120, 100)])], rule),
    ).toEqual([]);
  });

  it("breaks a run on a month not measured and on a change of direction", () => {
    // August is missing: July alone, then September–October — two months each side of the gap.
    const gap = series("GAP", [
      m("2026-06", 130, 100),
      m("2026-07", 130, 100),
      m("2026-09", 130, 100),
      m("2026-10", 130, 100),
    ]);
    // Over, over, under, under: no three the same way.
    const flip = series("FLIP", [
      m("2026-07", 130, 100),
      m("2026-08", 130, 100),
      m("2026-09", 70, 100),
      m("2026-10", 70, 100),
    ]);
    expect(forecastBiasExceptions([gap, flip], rule)).toEqual([]);
  });

  it("reports the latest run of N, under-forecast negative, and counts zero demand as over-forecast", () => {
    // June–August under by 20 each (−20 %): Σ = −60 → 60 × 250 = 15,000. September 90 of 100 is
    // within the band and ends the run; the latest run is the one reported.
    const [under] = forecastBiasExceptions(
      [
        series("SKU-2", [
          m("2026-06", 80, 100),
          m("2026-07", 80, 100),
          m("2026-08", 80, 100),
          m("2026-09", 95, 100),
        ]),
      ],
      rule,
    );
    expect(under).toMatchObject({
      key: "forecast-bias:SKU-2:2026-08",
      title: "SKU-2 under-forecast by more than 10 % for 3 months",
      units: -60,
      valueAtStake: 15_000,
      measured: -0.2,
    });
    // No demand in any month but a forecast of 4 each: +∞ shares, 12 units × 250 = 3,000, no share.
    const [dead] = forecastBiasExceptions(
      [series("DEAD", [m("2026-07", 4, 0), m("2026-08", 4, 0), m("2026-09", 4, 0)])],
      rule,
    );
    expect(dead).toMatchObject({ valueAtStake: 3_000, measured: null, units: 12 });
    // No demand and no forecast is no bias at all.
    expect(
      forecastBiasExceptions(
        [series("NONE", [m("2026-07", 0, 0), m("2026-08", 0, 0), m("2026-09", 0, 0)])],
        rule,
      ),
    ).toEqual([]);
  });

  it("takes N from the user and refuses a run length below one", () => {
    const two = series("SKU-3", [m("2026-08", 150, 100), m("2026-09", 150, 100)]);
    expect(forecastBiasExceptions([two], { threshold: 0.1, periods: 2 })).toHaveLength(1);
    expect(() => forecastBiasExceptions([two], { threshold: 0.1, periods: 0 })).toThrow(RangeError);
  });
});
