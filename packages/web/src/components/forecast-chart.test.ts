import { describe, expect, it } from "vitest";
import { SKU_FORECAST } from "../testing/forecast-fixtures";
import { forecastChartOption } from "./forecast-chart";

interface LineSeries {
  name: string;
  data: (number | null)[];
  stack?: string;
  lineStyle?: { type?: string };
  markLine?: { data: { xAxis: string }[] };
}

describe("forecastChartOption", () => {
  const option = forecastChartOption(SKU_FORECAST);
  const series = option.series as LineSeries[];
  const byName = (name: string) => series.find((s) => s.name === name)!;

  it("runs the months of history and forecast along one axis", () => {
    expect((option.xAxis as { data: string[] }).data).toEqual([
      "Aug 2026",
      "Sep 2026",
      "Oct 2026",
      "Nov 2026",
      "Dec 2026",
    ]);
  });

  it("draws history and dashed fitted values over the past, the P50 over the future", () => {
    expect(byName("Demand").data).toEqual([900, 1200, 1000, null, null]);
    expect(byName("Fitted").data).toEqual([null, 950, 1100, null, null]);
    expect(byName("Fitted").lineStyle?.type).toBe("dashed");
    expect(byName("Forecast (P50)").data).toEqual([null, null, null, 1050, 1060]);
  });

  it("shades P10–P90 as the gap stacked on an invisible P10 line, and marks the forecast start", () => {
    expect(byName("P10").data).toEqual([null, null, null, 800, 760]);
    expect(byName("P10–P90").data).toEqual([null, null, null, 500, 630]);
    expect(byName("P10").stack).toBe(byName("P10–P90").stack);
    expect(byName("Forecast (P50)").markLine?.data).toEqual([{ xAxis: "Nov 2026" }]);
  });
});
