// Money month by month as lines — revenue and margin of several plans side by side, or one plan's
// revenue, margin and cash — in major units of the company currency.

import { useMemo } from "react";
import type { CompanyCurrency } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCompact, formatMoneyRounded } from "../format/numbers";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-setup";

export interface MoneySeries {
  readonly name: string;
  /** Integer minor units per period; null where the plan has no figure. */
  readonly values: readonly (number | null)[];
  readonly color: string;
  readonly dashed?: boolean;
}

export const PLAN_COLORS = ["#1f5fa8", "#c77c11", "#2e8b57", "#8e44ad", "#c0392b"] as const;

export function moneyChartOption(
  periods: readonly string[],
  series: readonly MoneySeries[],
  currency: CompanyCurrency,
): ChartOption {
  const axisText = { color: "#5f6b7a", fontSize: 11 };
  const major = 10 ** currency.minorDigits;
  return {
    animation: false,
    textStyle: { fontFamily: "inherit" },
    grid: { left: 8, right: 16, top: 48, bottom: 4, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      itemGap: 20,
      textStyle: { color: "#303b49", fontSize: 12 },
    },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => `${formatMoneyRounded(Number(v) * major, currency)} ${currency.code}`,
    },
    xAxis: {
      type: "category",
      data: periods.map(formatPeriod),
      axisLine: { lineStyle: { color: "#c3cad3" } },
      axisLabel: axisText,
    },
    yAxis: {
      type: "value",
      name: currency.code,
      nameTextStyle: { ...axisText, align: "left" },
      axisLabel: { ...axisText, formatter: (v: number) => formatCompact(v) },
      splitLine: { lineStyle: { color: "#eceff3" } },
    },
    series: series.map((s) => ({
      name: s.name,
      type: "line" as const,
      data: s.values.map((v) => (v === null ? null : v / major)),
      color: s.color,
      symbol: "circle",
      symbolSize: 4,
      lineStyle: { width: 2, type: s.dashed ? ("dashed" as const) : ("solid" as const) },
    })),
  };
}

export function MoneyChart({
  periods,
  series,
  currency,
  label,
  testId,
  height,
}: {
  periods: readonly string[];
  series: readonly MoneySeries[];
  currency: CompanyCurrency;
  label: string;
  testId?: string;
  height?: number;
}) {
  const option = useMemo(() => moneyChartOption(periods, series, currency), [periods, series, currency]);
  return <Chart option={option} label={label} testId={testId} height={height} />;
}
