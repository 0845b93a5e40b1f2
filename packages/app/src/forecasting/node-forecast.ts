// The statistical forecast seen from one hierarchy node, as the forecast page shows it: the node's
// monthly demand history with the models' fitted values, the P10/P50/P90 forecast, the mix of chosen
// methods and the backtest accuracy — and for a SKU each series' model and scoreboard.

import { addPeriods, type PeriodKey, periodsBetween } from "@fulcrum/domain";
import type { CleansedPeriod, Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { HierarchyService, type NodeKind, skusInGroup } from "../hierarchy/hierarchy-service";
import {
  type BacktestAccuracy,
  type ForecastBand,
  type NodeAccuracy,
  type SeriesResult,
  sumSeries,
} from "./forecast-aggregation";
import type { ForecastRunInfo } from "./forecast-service";

export interface ScoreboardRow {
  readonly method: string;
  readonly mae: number;
  readonly rmse: number;
  readonly bias: number;
  /** Null for a flat history (no in-sample scale). */
  readonly mase: number | null;
  readonly origins: number;
  readonly chosen: boolean;
}

/** One series' model: the SKU itself, or the SKU at one location or in one segment. */
export interface SeriesModel {
  readonly location: string | null;
  readonly segment: string | null;
  readonly method: string;
  readonly model: string;
  readonly demandClass: string;
  readonly notes: string[];
  readonly accuracy: BacktestAccuracy | null;
  readonly scoreboard: ScoreboardRow[];
  /** History months replaced before fitting (outliers, past promotions); empty above the run's level. */
  readonly cleansing: CleansedPeriod[];
}

export interface NodeForecast {
  readonly node: { readonly kind: NodeKind | null; readonly code: string | null; readonly name: string };
  /** Null when no forecast run has finished yet: the history alone is shown. */
  readonly run: ForecastRunInfo | null;
  /** Closed months of demand (requested quantity by requested month) with the summed fitted values. */
  readonly history: { period: PeriodKey; actual: number; fitted: number | null }[];
  readonly forecast: (ForecastBand & { period: PeriodKey })[];
  /** Forecast series under the node (SKUs, or SKU × location / segment). */
  readonly series: number;
  readonly methods: { method: string; series: number }[];
  readonly accuracy: NodeAccuracy | null;
  /** The SKU's series models; empty for a group. */
  readonly models: SeriesModel[];
  /** Above the run's level: the model this node's own history was forecast with (then reconciled). */
  readonly ownModel: SeriesModel | null;
}

const MEASURES = {
  "demand.statistical.p10": "p10",
  "demand.statistical": "p50",
  "demand.statistical.p90": "p90",
};

export async function loadNodeForecast(
  database: Database,
  run: ForecastRunInfo | null,
  node?: { code: string; kind: NodeKind },
): Promise<NodeForecast> {
  const history = await new HierarchyService(database).history(node);
  const base = {
    node: { kind: node?.kind ?? null, code: node?.code ?? null, name: history.name },
    run,
  };
  if (!run) {
    return {
      ...base,
      history: history.series.map((p) => ({
        period: p.period as PeriodKey,
        actual: p.orderedQty,
        fitted: null,
      })),
      forecast: [],
      series: 0,
      methods: [],
      accuracy: null,
      models: [],
      ownModel: null,
    };
  }
  const skus =
    node?.kind === "item"
      ? sql`SELECT ${node.code}::text`
      : node
        ? skusInGroup(node.code)
        : sql`SELECT sku FROM items`;
  const models = await sql<{
    sku: string;
    location: string | null;
    segment: string | null;
    method: string;
    model: string;
    demand_class: string;
    notes: string[];
    scoreboard: ScoreboardRow[];
    history_start: PeriodKey | null;
    fitted: (number | null)[];
    backtest_mae: number | null;
    backtest_rmse: number | null;
    backtest_bias: number | null;
    backtest_mase: number | null;
    mean_demand: number | null;
    cleansing: CleansedPeriod[];
  }>`
    SELECT sku, location, segment, method, model, demand_class, notes, scoreboard, history_start, fitted,
           backtest_mae, backtest_rmse, backtest_bias, backtest_mase, mean_demand, cleansing
    FROM forecast_models WHERE run_id = ${run.id} AND sku IN (${skus})
    ORDER BY sku, location NULLS FIRST, segment NULLS FIRST`.execute(database.db);
  const values = await sql<{
    sku: string;
    location: string | null;
    segment: string | null;
    measure: keyof typeof MEASURES;
    period: PeriodKey;
    value: number;
  }>`
    SELECT sku, location, segment, measure, period, value FROM plan_values
    WHERE version_id = ${run.versionId} AND measure IN ('demand.statistical.p10', 'demand.statistical', 'demand.statistical.p90')
      AND sku IN (${skus})`.execute(database.db);

  const periods = Array.from({ length: run.horizon }, (_, j) => addPeriods(run.firstPeriod as PeriodKey, j));
  const column = new Map<string, number>(periods.map((p, j) => [p, j]));
  const key = (r: { sku: string; location: string | null; segment: string | null }) =>
    `${r.sku}\u0000${r.location ?? ""}\u0000${r.segment ?? ""}`;
  const bands = new Map<string, { p10: number; p50: number; p90: number }[]>();
  for (const row of values.rows) {
    const j = column.get(row.period);
    if (j === undefined) continue;
    let band = bands.get(key(row));
    if (!band) {
      band = periods.map(() => ({ p10: 0, p50: 0, p90: 0 }));
      bands.set(key(row), band);
    }
    band[j]![MEASURES[row.measure] as "p10" | "p50" | "p90"] = row.value;
  }

  const series: SeriesResult[] = models.rows.map((m) => ({
    method: m.method,
    historyStart: m.history_start ?? (run.firstPeriod as PeriodKey),
    fitted: m.history_start ? m.fitted : [],
    forecast: bands.get(key(m)) ?? [],
    accuracy: accuracyOf(m),
    meanDemand: m.mean_demand ?? 0,
  }));
  const totals = sumSeries(series, periods.length);
  // Above the run's level the node has its own forecast, reconciled with the levels below it.
  const own = await database.db
    .selectFrom("forecast_nodes")
    .select([
      "history_start",
      "fitted",
      "p10",
      "p50",
      "p90",
      "method",
      "model",
      "demand_class",
      "notes",
      "scoreboard",
    ])
    .where("run_id", "=", run.id)
    .where("kind", "=", node?.kind ?? "all")
    .where("code", "=", node?.code ?? "*")
    .executeTakeFirst();
  const fittedAt = (period: PeriodKey): number | null => {
    if (!own) return totals.fitted.get(period) ?? null;
    return own.fitted[periodsBetween(own.history_start as PeriodKey, period)] ?? null;
  };
  const forecast = own
    ? periods.map((period, j) => ({ period, p10: own.p10[j]!, p50: own.p50[j]!, p90: own.p90[j]! }))
    : totals.forecast.map((band, j) => ({ period: periods[j]!, ...band }));
  return {
    ...base,
    history: history.series.map((p) => ({
      period: p.period as PeriodKey,
      actual: p.orderedQty,
      fitted: fittedAt(p.period as PeriodKey),
    })),
    forecast,
    series: series.length,
    ownModel: own ? ownModelOf(own) : null,
    methods: [...totals.methods],
    accuracy: totals.accuracy,
    models:
      node?.kind === "item"
        ? models.rows.map((m) => ({
            location: m.location,
            segment: m.segment,
            method: m.method,
            model: m.model,
            demandClass: m.demand_class,
            notes: m.notes,
            accuracy: accuracyOf(m),
            scoreboard: m.scoreboard,
            cleansing: m.cleansing,
          }))
        : [],
  };
}

function ownModelOf(own: {
  method: string;
  model: string;
  demand_class: string;
  notes: unknown;
  scoreboard: unknown;
}): SeriesModel {
  const scoreboard = own.scoreboard as ScoreboardRow[];
  const chosen = scoreboard.find((entry) => entry.chosen);
  return {
    location: null,
    segment: null,
    method: own.method,
    model: own.model,
    demandClass: own.demand_class,
    notes: own.notes as string[],
    accuracy: chosen ? { mae: chosen.mae, rmse: chosen.rmse, bias: chosen.bias, mase: chosen.mase } : null,
    scoreboard,
    cleansing: [],
  };
}

function accuracyOf(m: {
  backtest_mae: number | null;
  backtest_rmse: number | null;
  backtest_bias: number | null;
  backtest_mase: number | null;
}): BacktestAccuracy | null {
  if (m.backtest_mae === null || m.backtest_rmse === null || m.backtest_bias === null) return null;
  return { mae: m.backtest_mae, rmse: m.backtest_rmse, bias: m.backtest_bias, mase: m.backtest_mase };
}
