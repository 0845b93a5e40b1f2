// The forecast chart of one hierarchy node: demand history as a line, the model's fitted values
// dashed over it, the P50 forecast with its P10–P90 band shaded, and a marker where the forecast
// starts. The band is drawn ECharts' way: an invisible P10 line with the P90 − P10 gap stacked on it.

import { useMemo } from "react";
import type { NodeForecast } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCompact, formatQuantity } from "../format/numbers";
import { Chart } from "./chart";
import type { ChartOption } from "./echarts-setup";

export const FORECAST_COLORS = { actual: "#1f5fa8", fitted: "#7f8b99", forecast: "#c77c11", band: "#f2d3a2" };

interface TooltipRow {
  readonly dataIndex?: number;
}

export function forecastChartOption(view: NodeForecast): ChartOption {
  const history = view.history;
  const forecast = view.forecast;
  const n = history.length;
  const labels = [...history.map((p) => p.period), ...forecast.map((f) => f.period)].map(formatPeriod);
  const pad = (count: number) => new Array<null>(count).fill(null);
  const axisText = { color: "#5f6b7a", fontSize: 11 };
  const units = (v: number | null | undefined) =>
    v === null || v === undefined ? "–" : `${formatQuantity(v, 0)} units`;
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
      data: ["Demand", "Fitted", "Forecast (P50)", "P10–P90"],
    },
    tooltip: {
      trigger: "axis",
      formatter: (params: unknown) => {
        const rows = (Array.isArray(params) ? params : [params]) as TooltipRow[];
        const i = rows[0]?.dataIndex ?? 0;
        const line = (name: string, value: string) =>
          `${name}<span style="float:right;margin-left:16px;font-variant-numeric:tabular-nums">${value}</span>`;
        if (i < n) {
          const p = history[i]!;
          return [
            `<strong>${labels[i]}</strong>`,
            line("Demand", units(p.actual)),
            line("Fitted", units(p.fitted)),
          ].join("<br/>");
        }
        const f = forecast[i - n]!;
        return [
          `<strong>${labels[i]}</strong>`,
          line("P90", units(f.p90)),
          line("Forecast (P50)", units(f.p50)),
          line("P10", units(f.p10)),
        ].join("<br/>");
      },
    },
    xAxis: {
      type: "category",
      data: labels,
      boundaryGap: false,
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
      {
        name: "Demand",
        type: "line",
        data: [...history.map((p) => p.actual), ...pad(forecast.length)],
        color: FORECAST_COLORS.actual,
        symbol: "circle",
        symbolSize: 4,
        lineStyle: { width: 2 },
      },
      {
        name: "Fitted",
        type: "line",
        data: [...history.map((p) => p.fitted), ...pad(forecast.length)],
        color: FORECAST_COLORS.fitted,
        symbol: "none",
        lineStyle: { width: 1.5, type: "dashed" },
      },
      {
        name: "P10",
        type: "line",
        stack: "band",
        data: [...pad(n), ...forecast.map((f) => f.p10)],
        symbol: "none",
        lineStyle: { opacity: 0 },
        silent: true,
      },
      {
        name: "P10–P90",
        type: "line",
        stack: "band",
        data: [...pad(n), ...forecast.map((f) => f.p90 - f.p10)],
        color: FORECAST_COLORS.band,
        symbol: "none",
        lineStyle: { opacity: 0 },
        areaStyle: { color: FORECAST_COLORS.band, opacity: 0.6 },
        silent: true,
      },
      {
        name: "Forecast (P50)",
        type: "line",
        data: [...pad(n), ...forecast.map((f) => f.p50)],
        color: FORECAST_COLORS.forecast,
        symbol: "circle",
        symbolSize: 4,
        lineStyle: { width: 2 },
        markLine:
          forecast.length > 0
            ? {
                symbol: "none",
                silent: true,
                lineStyle: { color: "#5f6b7a", type: "solid", width: 1 },
                label: { formatter: "Forecast", position: "insideEndTop", color: "#5f6b7a", fontSize: 11 },
                data: [{ xAxis: labels[n] }],
              }
            : undefined,
      },
    ],
  };
}

export function ForecastChart({ view }: { view: NodeForecast }) {
  const option = useMemo(() => forecastChartOption(view), [view]);
  return (
    <Chart
      option={option}
      height={340}
      label={`Demand history, fitted values and statistical forecast of ${view.node.name}`}
      testId="forecast-chart"
    />
  );
}
