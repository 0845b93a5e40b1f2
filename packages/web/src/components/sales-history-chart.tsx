// The sales-history chart of one hierarchy node: ordered and delivered units as bars on the left
// axis, revenue as a line on the right axis in the company currency.

import { useMemo } from "react";
import type { CompanyCurrency, HistoryPoint } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCompact, formatMoneyRounded, formatQuantity } from "../format/numbers";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-setup";

export const CHART_COLORS = { ordered: "#9bb8d9", delivered: "#1f5fa8", revenue: "#c77c11" };

interface TooltipRow {
  readonly seriesName?: string;
  readonly value?: unknown;
  readonly marker?: unknown;
  readonly axisValueLabel?: string;
}

export function historyChartOption(series: readonly HistoryPoint[], currency: CompanyCurrency): ChartOption {
  const scale = 10 ** currency.minorDigits;
  const axisText = { color: "#5f6b7a", fontSize: 11 };
  return {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    color: [CHART_COLORS.ordered, CHART_COLORS.delivered, CHART_COLORS.revenue],
    grid: { left: 8, right: 8, top: 40, bottom: 4, containLabel: true },
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
      axisPointer: { type: "shadow" },
      formatter: (params: unknown) => {
        const rows = (Array.isArray(params) ? params : [params]) as TooltipRow[];
        const head = rows[0]?.axisValueLabel ?? "";
        const lines = rows.map((row) => {
          const value = Number(row.value);
          const text =
            row.seriesName === "Revenue"
              ? `${formatMoneyRounded(value * scale, currency)} ${currency.code}`
              : `${formatQuantity(value, 0)} units`;
          return `${String(row.marker ?? "")}${row.seriesName}<span style="float:right;margin-left:16px;font-variant-numeric:tabular-nums">${text}</span>`;
        });
        return [`<strong>${head}</strong>`, ...lines].join("<br/>");
      },
    },
    xAxis: {
      type: "category",
      data: series.map((p) => formatPeriod(p.period)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: "#c3cad3" } },
      axisLabel: axisText,
    },
    yAxis: [
      {
        type: "value",
        name: "Units",
        nameTextStyle: { ...axisText, align: "left" },
        axisLabel: { ...axisText, formatter: (v: number) => formatCompact(v) },
        splitLine: { lineStyle: { color: "#eceff3" } },
      },
      {
        type: "value",
        name: currency.code,
        nameTextStyle: { ...axisText, align: "right" },
        axisLabel: { ...axisText, formatter: (v: number) => formatCompact(v) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: "Ordered",
        type: "bar",
        data: series.map((p) => p.orderedQty),
        barGap: "0%",
        barCategoryGap: "30%",
      },
      { name: "Delivered", type: "bar", data: series.map((p) => p.deliveredQty) },
      {
        name: "Revenue",
        type: "line",
        yAxisIndex: 1,
        data: series.map((p) => p.revenue / scale),
        symbol: "circle",
        symbolSize: 4,
        lineStyle: { width: 2 },
      },
    ],
  };
}

export function SalesHistoryChart({
  series,
  currency,
  title,
}: {
  series: readonly HistoryPoint[];
  currency: CompanyCurrency;
  title: string;
}) {
  const option = useMemo(() => historyChartOption(series, currency), [series, currency]);
  return (
    <Chart option={option} height={320} label={`Monthly sales history of ${title}`} testId="history-chart" />
  );
}
