// The chart of the row selected in the demand review: the node's demand history, the statistical
// forecast's P10–P90 band from the latest run, and every layer of the version with figures — the
// statistical line, sales', marketing's and product's inputs and the consensus — month by month,
// so a planner sees at a glance where people moved away from the forecast and by how much.

import { useMemo } from "react";
import { DEMAND_LAYERS, type DemandLayer, type DemandNodeRef, useDemandGrid } from "../api/demand";
import { useNodeForecast } from "../api/queries";
import type { NodeForecast } from "../api/types";
import { formatPeriod } from "../format/dates";
import { formatCompact } from "../format/numbers";
import { Chart } from "./chart";
import { LAYER_LABELS } from "./demand-rows";
import type { ChartOption } from "./echarts-setup";
import { FORECAST_COLORS } from "./forecast-chart";
import { Panel } from "./panel";

const LAYER_COLORS: Record<DemandLayer, string> = {
  "demand.statistical": FORECAST_COLORS.forecast,
  "demand.sales": "#2a8c5a",
  "demand.marketing": "#8a4fbf",
  "demand.product": "#b5485d",
  "demand.consensus": "#11263f",
};

/** The plan's months with each layer's figures, as the demand grid returns them for one node. */
export interface RowLayers {
  readonly periods: readonly string[];
  readonly layers: Partial<Record<DemandLayer, readonly (number | null)[]>>;
}

/** History (last 24 months) then the plan's months; layers without a figure are left out. */
export function demandRowChartOption(history: NodeForecast | null, plan: RowLayers): ChartOption {
  const past = (history?.history ?? []).slice(-24).filter((p) => !plan.periods.includes(p.period));
  const labels = [...past.map((p) => p.period), ...plan.periods];
  const pad = (n: number) => new Array<null>(n).fill(null);
  const band = new Map((history?.forecast ?? []).map((f) => [f.period, f]));
  const shown = DEMAND_LAYERS.filter((l) => plan.layers[l]?.some((v) => v !== null && v !== 0));
  const axisText = { color: "#5f6b7a", fontSize: 11 };
  return {
    animationDuration: 300,
    textStyle: { fontFamily: "inherit" },
    grid: { left: 8, right: 16, top: 40, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: "#303b49", fontSize: 12 } },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: labels.map(formatPeriod), boundaryGap: false, axisLabel: axisText },
    yAxis: {
      type: "value",
      name: "Units",
      nameTextStyle: { ...axisText, align: "left" },
      axisLabel: { ...axisText, formatter: (v: number) => formatCompact(v) },
      splitLine: { lineStyle: { color: "#eceff3" } },
    },
    series: [
      {
        name: "Demand history",
        type: "line",
        data: [...past.map((p) => p.actual), ...pad(plan.periods.length)],
        color: FORECAST_COLORS.actual,
        symbol: "circle",
        symbolSize: 4,
      },
      {
        name: "P10",
        type: "line",
        stack: "band",
        data: [...pad(past.length), ...plan.periods.map((p) => band.get(p)?.p10 ?? null)],
        symbol: "none",
        lineStyle: { opacity: 0 },
        silent: true,
        tooltip: { show: false },
      },
      {
        name: "Statistical P10–P90",
        type: "line",
        stack: "band",
        data: [
          ...pad(past.length),
          ...plan.periods.map((p) => {
            const f = band.get(p);
            return f ? f.p90 - f.p10 : null;
          }),
        ],
        color: FORECAST_COLORS.band,
        symbol: "none",
        lineStyle: { opacity: 0 },
        areaStyle: { color: FORECAST_COLORS.band, opacity: 0.6 },
        silent: true,
        tooltip: { show: false },
      },
      ...shown.map((layer) => ({
        name: LAYER_LABELS[layer],
        type: "line" as const,
        data: [...pad(past.length), ...(plan.layers[layer] ?? [])],
        color: LAYER_COLORS[layer],
        symbol: "none",
        lineStyle: {
          width: layer === "demand.consensus" ? 2.5 : 1.5,
          type: layer === "demand.statistical" ? ("dashed" as const) : ("solid" as const),
        },
      })),
    ],
  };
}

export function DemandRowChart({
  versionId,
  node,
  name,
  from,
}: {
  versionId: number;
  node: DemandNodeRef;
  name: string;
  from: string | null;
}) {
  const grid = useDemandGrid(versionId, node, from, "month");
  const forecast = useNodeForecast(
    node.kind === "all" || node.code === null ? null : { kind: node.kind, code: node.code },
  );
  const row = grid.data?.rows[0];
  const option = useMemo(
    () =>
      grid.data && row
        ? demandRowChartOption(forecast.data ?? null, { periods: grid.data.periods, layers: row.layers })
        : null,
    [grid.data, row, forecast.data],
  );
  if (!option) return null;
  return (
    <Panel
      title={`${name}: history, statistical forecast and the layers`}
      subtitle="The band is the latest statistical run's P10–P90; each line is a layer of this version."
      testId="demand-row-chart"
    >
      <Chart
        option={option}
        height={300}
        label={`Demand history, statistical band and plan layers of ${name}`}
        testId="demand-row-chart-canvas"
      />
    </Panel>
  );
}
