// Forecast series summed up to a hierarchy node, bottom-up: a group's method mix and accuracy are
// made from its series here. A group's forecast and fit come from its own reconciled forecast
// (forecast_nodes); the plain sums of fit and band remain for runs made before reconciliation, and
// summing P10s and P90s overstates the spread (the series' surprises partly cancel).

import { addPeriods, type PeriodKey } from "@fulcrum/domain";

export interface ForecastBand {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** The chosen method's rolling-origin backtest accuracy, in demand units per month. */
export interface BacktestAccuracy {
  readonly mae: number;
  readonly rmse: number;
  readonly bias: number;
  /** Null when the series has no in-sample scale (a flat history). */
  readonly mase: number | null;
}

/** One forecast series (a SKU, or a SKU at a location or in a segment) as a run stored it. */
export interface SeriesResult {
  readonly method: string;
  readonly historyStart: PeriodKey;
  /** One per month from `historyStart`. */
  readonly fitted: readonly (number | null)[];
  /** One per forecast month of the run, in order. */
  readonly forecast: readonly ForecastBand[];
  /** Null when the history was too short to backtest. */
  readonly accuracy: BacktestAccuracy | null;
  /** Mean monthly demand over the series' history. */
  readonly meanDemand: number;
}

export interface NodeAccuracy {
  /** Σ MAE over the series: expected absolute error per month if errors never cancel. */
  readonly mae: number;
  /** Σ bias: the node's expected over (+) or under (−) forecast per month. */
  readonly bias: number;
  /** MASE averaged with the series' mean demand as weights; null when no series has one. */
  readonly mase: number | null;
  /** Σ MAE ÷ Σ mean demand, i.e. a volume-weighted MAE in % of demand; null without demand. */
  readonly relativeMae: number | null;
  /** Series with a backtest, of all series under the node. */
  readonly backtested: number;
}

export interface NodeTotals {
  /** Summed fitted values by month; null where a series that had started has none. */
  readonly fitted: ReadonlyMap<PeriodKey, number | null>;
  readonly forecast: readonly ForecastBand[];
  /** Chosen methods and how many series chose each, most frequent first. */
  readonly methods: readonly { readonly method: string; readonly series: number }[];
  readonly accuracy: NodeAccuracy | null;
}

export function sumSeries(series: readonly SeriesResult[], horizon: number): NodeTotals {
  const fitted = new Map<PeriodKey, number | null>();
  for (const s of series) {
    s.fitted.forEach((value, t) => {
      const period = addPeriods(s.historyStart, t);
      const total = fitted.has(period) ? fitted.get(period)! : 0;
      fitted.set(period, total === null || value === null ? null : total + value);
    });
  }
  const forecast = Array.from({ length: horizon }, (_, j) => {
    let p10 = 0;
    let p50 = 0;
    let p90 = 0;
    for (const s of series) {
      const band = s.forecast[j];
      if (!band) continue;
      p10 += band.p10;
      p50 += band.p50;
      p90 += band.p90;
    }
    return { p10, p50, p90 };
  });
  const counts = new Map<string, number>();
  for (const s of series) counts.set(s.method, (counts.get(s.method) ?? 0) + 1);
  const methods = [...counts]
    .map(([method, n]) => ({ method, series: n }))
    .sort((a, b) => b.series - a.series || a.method.localeCompare(b.method));
  return { fitted, forecast, methods, accuracy: weightedAccuracy(series) };
}

function weightedAccuracy(series: readonly SeriesResult[]): NodeAccuracy | null {
  let mae = 0;
  let bias = 0;
  let demand = 0;
  let maseSum = 0;
  let maseWeight = 0;
  let backtested = 0;
  for (const s of series) {
    if (!s.accuracy) continue;
    backtested++;
    mae += s.accuracy.mae;
    bias += s.accuracy.bias;
    demand += s.meanDemand;
    if (s.accuracy.mase !== null) {
      maseSum += s.meanDemand * s.accuracy.mase;
      maseWeight += s.meanDemand;
    }
  }
  if (backtested === 0) return null;
  return {
    mae,
    bias,
    mase: maseWeight > 0 ? maseSum / maseWeight : null,
    relativeMae: demand > 0 ? mae / demand : null,
    backtested,
  };
}
