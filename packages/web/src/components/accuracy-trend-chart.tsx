// WAPE of the statistical forecast, the consensus and the naive benchmark month by month: whether
// the review's work keeps paying off, or a step has started to cost accuracy.

import { useMemo } from "react";
import type { ForecastAccuracy, FvaStep } from "../api/accuracy";
import { formatPeriod } from "../format/dates";
import { formatQuantity } from "../format/numbers";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-setup";

const SHOWN: readonly { step: FvaStep; name: string; color: string; dashed?: boolean }[] = [
  { step: "naive", name: "Naive", color: "#8a95a3", dashed: true },
  { step: "statistical", name: "Statistical", color: "#1f5fa8" },
  { step: "consensus", name: "Consensus", color: "#25794a" },
];

export function accuracyTrendOption(trend: ForecastAccuracy["trend"]): ChartOption {
  const axisText = { color: "#5f6b7a", fontSize: 11 };
  return {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: { left: 8, right: 16, top: 40, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: "#303b49", fontSize: 12 } },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) =>
        v === null || v === undefined ? "–" : `${formatQuantity(Number(v), 1)} %`,
    },
    xAxis: {
      type: "category",
      data: trend.map((t) => formatPeriod(t.period)),
      axisLine: { lineStyle: { color: "#c3cad3" } },
      axisLabel: axisText,
    },
    yAxis: {
      type: "value",
      name: "WAPE %",
      nameTextStyle: { ...axisText, align: "left" },
      axisLabel: axisText,
      splitLine: { lineStyle: { color: "#eceff3" } },
    },
    series: SHOWN.map((s) => ({
      name: s.name,
      type: "line" as const,
      data: trend.map((t) => t.wape[s.step] ?? null),
      color: s.color,
      symbol: "circle",
      symbolSize: 4,
      lineStyle: { width: 2, type: s.dashed ? ("dashed" as const) : ("solid" as const) },
    })),
  };
}

export function AccuracyTrendChart({ trend }: { trend: ForecastAccuracy["trend"] }) {
  const option = useMemo(() => accuracyTrendOption(trend), [trend]);
  return <Chart option={option} height={260} label="WAPE by month" testId="accuracy-trend" />;
}
