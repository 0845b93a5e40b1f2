import { describe, expect, it } from "vitest";
import { historyChartOption } from "./sales-history-chart";

const SERIES = [
  { period: "2026-09", orderedQty: 1200, deliveredQty: 1180, cancelledQty: 10, revenue: 229900 },
  { period: "2026-10", orderedQty: 1000, deliveredQty: 1000, cancelledQty: 0, revenue: 190000 },
];

describe("historyChartOption", () => {
  it("draws units as bars on the left axis and revenue in major units on the right", () => {
    const option = historyChartOption(SERIES, { code: "EUR", minorDigits: 2 });
    const series = option.series as { name: string; type: string; data: number[]; yAxisIndex?: number }[];
    expect(series.map((s) => [s.name, s.type])).toEqual([
      ["Ordered", "bar"],
      ["Delivered", "bar"],
      ["Revenue", "line"],
    ]);
    expect(series[1]?.data).toEqual([1180, 1000]);
    expect(series[2]).toMatchObject({ yAxisIndex: 1, data: [2299, 1900] });
    expect((option.xAxis as { data: string[] }).data).toEqual(["Sep 2026", "Oct 2026"]);
    expect((option.yAxis as { name: string }[]).map((axis) => axis.name)).toEqual(["Units", "EUR"]);
  });
});
