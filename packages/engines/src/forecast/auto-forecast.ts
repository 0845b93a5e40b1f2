// The automatic forecast for one series: classify the demand, fit the candidates, backtest them on
// rolling origins, choose a method, and attach calibrated quantiles and the scoreboard.

import { planBacktest, residualRows, runBacktest } from "./backtest";
import { runCandidates } from "./candidates";
import { conformalQuantiles, randomWalkQuantiles } from "./conformal";
import type {
  Forecast,
  ForecastRequest,
  ForecastResult,
  MethodName,
  QuantileForecast,
} from "./forecast-types";
import { classifyDemand } from "./intermittent/demand-class";
import { buildScoreboard } from "./scoreboard";
import { validateRequest } from "./validate-request";

export const SMOOTH_CANDIDATES: readonly MethodName[] = [
  "naive",
  "seasonal-naive",
  "naive2",
  "drift",
  "ses",
  "theta",
  "optimised-theta",
  "ets",
  "combination",
];
export const INTERMITTENT_CANDIDATES: readonly MethodName[] = [
  "naive",
  "ses",
  "croston",
  "sba",
  "tsb",
  "adida",
];
/** Shortest history the statistical models are fitted on; shorter ones get a naive forecast. */
export const MINIMUM_HISTORY = 7;
const DEFAULT_LEVELS = [0.1, 0.5, 0.9];
/** Below this many backtest origins, bands are widened to at least a random-walk band. */
const FEW_ORIGINS = 4;
/** Used when the preferred method cannot be fitted, first available wins. */
const FALLBACK_ORDER: readonly MethodName[] = ["combination", "ets", "theta", "naive2", "sba", "naive"];

/**
 * Forecasts one series. Smooth and erratic demand: candidates are the baselines, SES, Theta,
 * optimised Theta, automatic ETS and their combination (the default choice); intermittent and lumpy
 * demand: Croston, SBA, TSB, ADIDA, SES and naive, chosen by backtest MAE. With strategy "backtest"
 * the lowest backtest MAE always wins. Quantiles come from the chosen method's backtest residuals
 * (see `conformalQuantiles`), relative to the forecast for strictly positive series; a random-walk
 * band when no backtest is possible. Forecasts and quantiles of non-negative histories are clamped
 * at 0. Returns the issues instead when the request is invalid.
 */
export function autoForecast(request: ForecastRequest): ForecastResult {
  const issues = validateRequest(request);
  if (issues.length > 0) return { ok: false, issues };
  const { values: y, horizon: h, period } = request;
  const levels = request.quantiles ?? DEFAULT_LEVELS;
  const demand = classifyDemand(y);
  const notes: string[] = [];
  const nonNegative = y.every((v) => v >= 0);
  const positive = y.every((v) => v > 0);

  if (demand.demandClass === "none" && nonNegative) {
    const zeros = new Array<number>(h).fill(0);
    notes.push("no demand in the history: forecast is zero");
    return done(
      "naive",
      "zero demand",
      zeros,
      levels.map((level) => ({ level, values: zeros })),
      [],
    );
  }
  if (y.length < MINIMUM_HISTORY) {
    const point = runCandidates(y, h, period, ["naive"]).forecasts.get("naive")!;
    notes.push(`only ${y.length} periods of history (< ${MINIMUM_HISTORY}): naive forecast`);
    return done("naive", "naive", clamp(point), randomWalkQuantiles(point, y, levels, { nonNegative }), []);
  }

  // Negative values are not demand (returns, net flows): the intermittent methods do not apply.
  const intermittent =
    nonNegative && (demand.demandClass === "intermittent" || demand.demandClass === "lumpy");
  const candidates = request.candidates ?? (intermittent ? INTERMITTENT_CANDIDATES : SMOOTH_CANDIDATES);
  const full = runCandidates(y, h, period, candidates);
  const plan = planBacktest(y.length, h, period, request.origins ?? 6);
  const results = runBacktest(y, period, candidates, plan, {
    ets: full.etsFit?.spec,
    arima: full.arimaFit?.spec,
  });
  const ranked = [...results]
    .map(([method, rows]) => ({ method, rows, mae: meanAbsoluteError(rows) }))
    .filter((r) => r.rows.length > 0 && full.forecasts.has(r.method))
    .sort((a, b) => a.mae - b.mae);

  let chosen: MethodName | undefined;
  const strategy = request.strategy ?? "default";
  if (strategy === "default" && !intermittent && full.forecasts.has("combination")) chosen = "combination";
  else chosen = ranked[0]?.method;
  if (!chosen || !full.forecasts.has(chosen)) {
    chosen = FALLBACK_ORDER.find((m) => full.forecasts.has(m)) ?? "naive";
    if (!full.forecasts.has(chosen)) {
      const point = runCandidates(y, h, period, ["naive"]).forecasts.get("naive")!;
      notes.push("no candidate could be fitted: naive forecast");
      return done("naive", "naive", clamp(point), randomWalkQuantiles(point, y, levels, { nonNegative }), []);
    }
    notes.push(`fell back to ${chosen}`);
  }

  const point = clamp(full.forecasts.get(chosen)!);
  const rows = results.get(chosen) ?? [];
  let quantiles = conformalQuantiles(point, residualRows(rows, positive), levels, {
    nonNegative,
    relative: positive,
    // Steps of one origin share its surprises, so the origins are the independent samples.
    effectiveSize: rows.length,
  });
  if (!quantiles) {
    notes.push("history too short to backtest: quantiles are an uncalibrated random-walk band");
    quantiles = randomWalkQuantiles(point, y, levels, { nonNegative });
  } else if (rows.length < FEW_ORIGINS) {
    // A handful of origins rarely sees the history's worst turns (on M1's yearly series such
    // bands covered ~60 % instead of 80 %), so the band is at least as wide as a random walk's.
    notes.push(`only ${rows.length} backtest origins: band widened to at least a random-walk band`);
    quantiles = widest(quantiles, randomWalkQuantiles(point, y, levels, { nonNegative }));
  }
  return done(
    chosen,
    full.models.get(chosen) ?? chosen,
    point,
    quantiles,
    buildScoreboard(results, y, period, chosen),
  );

  function clamp(values: readonly number[]): number[] {
    return nonNegative ? values.map((v) => Math.max(v, 0)) : [...values];
  }
  function done(
    method: MethodName,
    model: string,
    pointForecast: readonly number[],
    bands: readonly QuantileForecast[],
    scoreboard: Forecast["scoreboard"],
  ): ForecastResult {
    return {
      ok: true,
      forecast: { method, model, point: pointForecast, quantiles: bands, scoreboard, demand, notes },
    };
  }
}

/** Level by level, the lower of two quantiles below the median and the higher above it. */
function widest(a: readonly QuantileForecast[], b: readonly QuantileForecast[]): QuantileForecast[] {
  return a.map((band, k) => ({
    level: band.level,
    values: band.values.map((v, j) => {
      const other = b[k]!.values[j]!;
      if (band.level < 0.5) return Math.min(v, other);
      if (band.level > 0.5) return Math.max(v, other);
      return v;
    }),
  }));
}

function meanAbsoluteError(
  rows: readonly { actual: readonly number[]; forecast: readonly number[] }[],
): number {
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    row.actual.forEach((a, j) => {
      sum += Math.abs(a - row.forecast[j]!);
      count++;
    });
  }
  return count === 0 ? Number.POSITIVE_INFINITY : sum / count;
}
