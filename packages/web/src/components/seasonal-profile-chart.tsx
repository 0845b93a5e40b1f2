// The seasonal profile as bars, one per calendar month, around the line of an average month (1):
// the shape of the year a plan should follow.

import { useMemo } from "react";
import { formatQuantity } from "../format/numbers";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-setup";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function seasonalProfileOption(indices: readonly number[]): ChartOption {
  const axisText = { color: "#5f6b7a", fontSize: 11 };
  return {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: { left: 8, right: 16, top: 24, bottom: 4, containLabel: true },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (v === null || v === undefined ? "–" : formatQuantity(Number(v), 2, 2)),
    },
    xAxis: {
      type: "category",
      data: MONTHS,
      axisLine: { lineStyle: { color: "#c3cad3" } },
      axisLabel: axisText,
    },
    yAxis: {
      type: "value",
      name: "× average month",
      nameTextStyle: { ...axisText, align: "left" },
      axisLabel: axisText,
      splitLine: { lineStyle: { color: "#eceff3" } },
    },
    series: [
      {
        name: "Seasonal index",
        type: "bar",
        data: [...indices],
        color: "#1f5fa8",
        markLine: {
          silent: true,
          symbol: "none",
          data: [{ yAxis: 1 }],
          lineStyle: { color: "#8a95a3", type: "dashed" },
          label: { show: false },
        },
      },
    ],
  };
}

export function SeasonalProfileChart({ indices }: { indices: readonly number[] }) {
  const option = useMemo(() => seasonalProfileOption(indices), [indices]);
  return (
    <Chart option={option} height={220} label="Seasonal index by calendar month" testId="seasonal-profile" />
  );
}
