// Projected stock of one SKU against its safety stock and target stock, month by month: the line a
// planner checks to see whether the plan keeps the service it promised.

import { useMemo } from "react";
import type { SkuStock } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCompact, formatQuantity } from "../format/numbers";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-setup";

export const STOCK_COLORS = { projected: "#1f5fa8", safety: "#c0392b", target: "#c77c11" };

export function stockChartOption(periods: readonly string[], stock: SkuStock): ChartOption {
  const axisText = { color: "#5f6b7a", fontSize: 11 };
  const line = (name: string, data: readonly number[], color: string, dashed = false) => ({
    name,
    type: "line" as const,
    data: [...data],
    color,
    symbol: "circle",
    symbolSize: 4,
    lineStyle: { width: 2, type: dashed ? ("dashed" as const) : ("solid" as const) },
  });
  return {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: { left: 8, right: 16, top: 40, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      itemGap: 20,
      textStyle: { color: "#303b49", fontSize: 12 },
    },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${formatQuantity(Number(v), 0)} units` },
    xAxis: {
      type: "category",
      data: periods.map(formatPeriod),
      axisLine: { lineStyle: { color: "#c3cad3" } },
      axisLabel: axisText,
    },
    yAxis: {
      type: "value",
      name: "Units",
      nameTextStyle: { ...axisText, align: "left" },
      axisLabel: { ...axisText, formatter: (v: number) => formatCompact(v) },
      splitLine: { lineStyle: { color: "#eceff3" } },
    },
    series: [
      line("Projected stock", stock.projected, STOCK_COLORS.projected),
      line("Target stock", stock.target, STOCK_COLORS.target, true),
      line("Safety stock", stock.safetyStock, STOCK_COLORS.safety, true),
    ],
  };
}

export function StockChart({ periods, stock }: { periods: readonly string[]; stock: SkuStock }) {
  const option = useMemo(() => stockChartOption(periods, stock), [periods, stock]);
  return (
    <Chart
      option={option}
      height={300}
      label={`Projected stock, target and safety stock of ${stock.sku}`}
      testId="stock-chart"
    />
  );
}
