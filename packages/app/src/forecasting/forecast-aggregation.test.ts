import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { type SeriesResult, sumSeries } from "./forecast-aggregation";

const band = (p50: number) => ({ p10: p50 - 10, p50, p90: p50 + 20 });

const older: SeriesResult = {
  method: "combination",
  historyStart: "2026-07" as PeriodKey,
  fitted: [null, 100, 110, 120],
  forecast: [band(130), band(140)],
  accuracy: { mae: 10, rmse: 12, bias: 4, mase: 0.5 },
  meanDemand: 100,
};
// A launch two months later: its first month has no fitted value.
const launch: SeriesResult = {
  method: "sba",
  historyStart: "2026-09" as PeriodKey,
  fitted: [null, 30],
  forecast: [band(35), band(36)],
  accuracy: { mae: 6, rmse: 8, bias: -2, mase: 1.5 },
  meanDemand: 25,
};

describe("sumSeries", () => {
  const totals = sumSeries([older, launch], 2);

  it("adds the series' forecasts month by month, band edges included", () => {
    expect(totals.forecast).toEqual([
      { p10: 145, p50: 165, p90: 205 },
      { p10: 156, p50: 176, p90: 216 },
    ]);
  });

  it("sums fitted values by calendar month, with none where a started series has none", () => {
    expect([...totals.fitted]).toEqual([
      ["2026-07", null],
      ["2026-08", 100],
      ["2026-09", null],
      ["2026-10", 150],
    ]);
  });

  it("counts the chosen methods, most frequent first", () => {
    const three = sumSeries([older, launch, { ...older }], 2);
    expect(three.methods).toEqual([
      { method: "combination", series: 2 },
      { method: "sba", series: 1 },
    ]);
  });

  it("sums MAE and bias, weights MASE by mean demand and relates MAE to demand", () => {
    expect(totals.accuracy).toEqual({
      mae: 16,
      bias: 2,
      mase: (100 * 0.5 + 25 * 1.5) / 125,
      relativeMae: 16 / 125,
      backtested: 2,
    });
    expect(sumSeries([{ ...older, accuracy: null }], 2).accuracy).toBeNull();
  });
});
