import { describe, expect, it } from "vitest";
import { SUPPLY_REVIEW } from "../testing/supply-fixtures";
import { stockChartOption } from "./stock-chart";

describe("stockChartOption", () => {
  const stock = SUPPLY_REVIEW.inventory[0]!;
  const option = stockChartOption(SUPPLY_REVIEW.summary!.periods, stock);
  const series = option.series as { name: string; data: number[]; lineStyle: { type: string } }[];

  it("draws projected stock solid against dashed target and safety stock, month by month", () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(["Nov 2026", "Dec 2026", "Jan 2027"]);
    expect(series.map((s) => [s.name, s.lineStyle.type])).toEqual([
      ["Projected stock", "solid"],
      ["Target stock", "dashed"],
      ["Safety stock", "dashed"],
    ]);
    expect(series[0]!.data).toEqual([400, 200, 350]);
    expect(series[2]!.data).toEqual([150, 150, 150]);
  });
});
