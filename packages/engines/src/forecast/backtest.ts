// Rolling-origin backtest: refit every candidate on shortened histories and keep each forecast
// error, so methods can be compared on data they did not see and intervals calibrated from them.

import { type FrozenModels, runCandidates } from "./candidates";
import type { EtsFit } from "./ets/ets-types";
import type { MethodName } from "./forecast-types";

export interface BacktestPlan {
  /** Training lengths, oldest origin first; each origin is followed by `steps` held-out values. */
  readonly trainingLengths: readonly number[];
  /** Forecast steps scored per origin (the horizon, capped by the history). */
  readonly steps: number;
}

/** Smallest history a backtest origin may be fitted on: 7 values, and two full seasons. */
export function minimumTraining(period: number): number {
  return Math.max(7, 2 * period);
}

/** Origins a backtest aims for: fewer leave conformal bands poorly calibrated (decision 0301). */
export const WANTED_ORIGINS = 4;

/**
 * Origins for a history of n values and horizon h. Each origin scores s steps; the last origin
 * leaves s values, earlier ones step back by max(1, ⌊s/3⌋) periods, at most `maxOrigins` of them,
 * none shorter than `minimumTraining(period)`. s is the largest value up to min(h, n − minimum)
 * that still leaves min(maxOrigins, WANTED_ORIGINS) origins, or failing that the one leaving the
 * most: with 36 months of history and m = 12, scoring all 12 available steps left one origin,
 * scoring 6 leaves four (the conformal band carries the error growth on to the full horizon).
 * No origins when the history is too short.
 */
export function planBacktest(n: number, h: number, period: number, maxOrigins: number): BacktestPlan {
  const minimum = minimumTraining(period);
  const longest = Math.min(h, n - minimum);
  if (longest < 1 || maxOrigins < 1) return { trainingLengths: [], steps: 0 };
  const wanted = Math.min(maxOrigins, WANTED_ORIGINS);
  let best = plan(longest);
  for (let steps = longest - 1; steps >= 1 && best.trainingLengths.length < wanted; steps--) {
    const candidate = plan(steps);
    if (candidate.trainingLengths.length > best.trainingLengths.length) best = candidate;
  }
  return best;

  function plan(steps: number): BacktestPlan {
    const spacing = Math.max(1, Math.floor(steps / 3));
    const trainingLengths: number[] = [];
    for (let k = 0; k < maxOrigins; k++) {
      const length = n - steps - k * spacing;
      if (length < minimum) break;
      trainingLengths.unshift(length);
    }
    return { trainingLengths, steps };
  }
}

/** One origin's held-out actuals and the forecasts made for them. */
export interface BacktestRow {
  readonly actual: readonly number[];
  readonly forecast: readonly number[];
}

/** Per method, one row per origin it could be fitted at. */
export type BacktestResults = Map<MethodName, BacktestRow[]>;

/**
 * Runs `methods` at every origin of `plan` and collects actuals and forecasts; a method that cannot
 * be fitted at an origin simply has no row for it. `frozen` holds the ETS and ARIMA forms found on
 * the full history; their parameters are re-estimated at each origin, ETS's warm-started from the
 * previous origin's fit, which saw only data before it.
 */
export function runBacktest(
  y: readonly number[],
  period: number,
  methods: readonly MethodName[],
  plan: BacktestPlan,
  frozen: FrozenModels = {},
): BacktestResults {
  const results: BacktestResults = new Map(methods.map((m) => [m, []]));
  let etsStart: EtsFit | null = null;
  for (const length of plan.trainingLengths) {
    const training = y.slice(0, length);
    const actual = y.slice(length, length + plan.steps);
    const run = runCandidates(training, plan.steps, period, methods, { ...frozen, etsStart });
    for (const [method, forecast] of run.forecasts) results.get(method)?.push({ actual, forecast });
    etsStart = run.etsFit ?? etsStart;
  }
  return results;
}

/**
 * Residual rows r = actual − forecast, or (actual − forecast)/|forecast| when `relative` (forecasts
 * of exactly zero then count as a residual of 0).
 */
export function residualRows(rows: readonly BacktestRow[], relative: boolean): number[][] {
  return rows.map((row) =>
    row.actual.map((a, j) => {
      const f = row.forecast[j]!;
      if (!relative) return a - f;
      return f === 0 ? 0 : (a - f) / Math.abs(f);
    }),
  );
}
