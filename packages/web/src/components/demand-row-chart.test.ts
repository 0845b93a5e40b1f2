import { describe, expect, it } from "vitest";
import type { NodeForecast } from "../api/types";
import { demandRowChartOption } from "./demand-row-chart";

const history = {
  history: [
    { period: "2026-10", actual: 90, fitted: null },
    { period: "2026-11", actual: 110, fitted: null },
  ],
  forecast: [{ period: "2026-12", p10: 80, p50: 100, p90: 130 }],
} as unknown as NodeForecast;

describe("demandRowChartOption", () => {
  it("puts history before the plan months, the band in the plan months, and only layers with figures", () => {
    const option = demandRowChartOption(history, {
      periods: ["2026-12", "2027-01"],
      layers: {
        "demand.statistical": [100, 105],
        "demand.sales": [null, null],
        "demand.consensus": [120, 105],
      },
    }) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(option.xAxis.data).toHaveLength(4);
    const series = Object.fromEntries(option.series.map((s) => [s.name, s.data]));
    expect(Object.keys(series)).toEqual([
      "Demand history",
      "P10",
      "Statistical P10–P90",
      "Statistical",
      "Consensus",
    ]);
    expect(series["Demand history"]).toEqual([90, 110, null, null]);
    // The band is drawn as P10 plus the P90 − P10 gap stacked on it.
    expect(series.P10).toEqual([null, null, 80, null]);
    expect(series["Statistical P10–P90"]).toEqual([null, null, 50, null]);
    expect(series.Consensus).toEqual([null, null, 120, 105]);
  });
});
