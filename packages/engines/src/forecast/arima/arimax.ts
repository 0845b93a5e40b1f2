// Regression with ARIMA errors for demand drivers such as price and promotions: validates the
// regressors (history and future), searches or re-fits the model, and returns forecasts with model
// quantiles, or the list of problems with the input.

import type { QuantileForecast } from "../forecast-types";
import { fitArima } from "./arima-fit";
import { arimaPredict, arimaQuantiles } from "./arima-forecast";
import { type ArimaFit, type ArimaSpec, arimaLabel } from "./arima-types";
import { autoArima } from "./auto-arima";
import { isConstant } from "./differencing";

export interface ArimaxRequest {
  /** History, oldest first. */
  readonly values: readonly number[];
  readonly period: number;
  readonly horizon: number;
  /** Regressors over the history by name, e.g. { price: […], promotion: […] }, each as long as values. */
  readonly xreg: Readonly<Record<string, readonly number[]>>;
  /** The same regressors over the forecast horizon: at least `horizon` values each. */
  readonly futureXreg: Readonly<Record<string, readonly number[]>>;
  /** Quantile levels in (0, 1); default [0.1, 0.5, 0.9]. */
  readonly quantiles?: readonly number[];
  /** A frozen order to re-estimate instead of searching (e.g. from an earlier fit). */
  readonly spec?: ArimaSpec;
}

export interface ArimaxForecast {
  readonly model: string;
  readonly point: readonly number[];
  readonly quantiles: readonly QuantileForecast[];
  /** Effect of one unit of each regressor on demand, by name (absent when the regressors were dropped). */
  readonly effects: Readonly<Record<string, number>>;
  readonly fit: ArimaFit;
  readonly notes: readonly string[];
}

export type ArimaxResult =
  | { readonly ok: true; readonly forecast: ArimaxForecast }
  | { readonly ok: false; readonly issues: readonly string[] };

/** Fewest observations per estimated regression term (regressors plus the constant) before xreg is dropped. */
const OBSERVATIONS_PER_TERM = 3;

/**
 * Problems with the request's regressors, in plain language: names that differ between history and
 * future, wrong lengths, non-finite values, constant columns and collinear ones (a column that is, up
 * to 1e-10 of its variance, a linear combination of the constant and earlier columns). Empty if fine.
 */
export function regressorIssues(request: ArimaxRequest): string[] {
  const issues: string[] = [];
  const { values, horizon, xreg, futureXreg } = request;
  const n = values.length;
  if (!values.every(Number.isFinite)) issues.push("history values must be finite numbers");
  if (!(Number.isInteger(horizon) && horizon > 0)) issues.push("horizon must be a positive integer");
  if (!(Number.isInteger(request.period) && request.period >= 1))
    issues.push("period must be a positive integer");
  if (request.quantiles?.some((level) => !(level > 0 && level < 1)))
    issues.push("quantile levels must lie strictly between 0 and 1");
  const names = Object.keys(xreg);
  if (names.length === 0) issues.push("no regressors given: use the univariate forecast instead");
  for (const name of Object.keys(futureXreg))
    if (!(name in xreg)) issues.push(`future regressor '${name}' has no history`);
  for (const name of names) {
    const past = xreg[name]!;
    const future = futureXreg[name];
    if (past.length !== n)
      issues.push(`regressor '${name}' has ${past.length} values for ${n} periods of history`);
    if (!future) issues.push(`regressor '${name}' has no future values for the horizon`);
    else if (future.length < horizon)
      issues.push(`regressor '${name}' has ${future.length} future values for a horizon of ${horizon}`);
    if (!past.every(Number.isFinite) || (future && !future.every(Number.isFinite)))
      issues.push(`regressor '${name}' has missing or non-finite values`);
  }
  if (issues.length > 0) return issues;
  const centred: Float64Array[] = [];
  for (const name of names) {
    const column = xreg[name]!;
    if (isConstant(column)) {
      issues.push(`regressor '${name}' is constant over the history, so its effect cannot be estimated`);
      continue;
    }
    const mean = column.reduce((a, b) => a + b, 0) / n;
    const c = Float64Array.from(column, (v) => v - mean);
    // Residual of c after projecting on the earlier centred columns (Gram–Schmidt).
    const original = c.reduce((a, v) => a + v * v, 0);
    for (const q of centred) {
      const qq = q.reduce((a, v) => a + v * v, 0);
      let qc = 0;
      for (let t = 0; t < n; t++) qc += q[t]! * c[t]!;
      for (let t = 0; t < n; t++) c[t] = c[t]! - (qc / qq) * q[t]!;
    }
    if (c.reduce((a, v) => a + v * v, 0) <= 1e-10 * original)
      issues.push(`regressor '${name}' is collinear with the other regressors`);
    else centred.push(c);
  }
  return issues;
}

/**
 * Forecasts y with regressors: auto.arima's search with xreg (or `spec` re-estimated), forecasts
 * given the future regressors, and normal quantiles from the model's forecast variance. With too
 * little history for the regressors (fewer than 3 observations per coefficient) or when no model
 * with regressors can be fitted, the regressors are dropped and a univariate ARIMA is used, said in
 * the notes.
 */
export function arimaxForecast(request: ArimaxRequest): ArimaxResult {
  const issues = regressorIssues(request);
  if (issues.length > 0) return { ok: false, issues };
  const { values: y, period, horizon: h } = request;
  const levels = [...(request.quantiles ?? [0.1, 0.5, 0.9])].sort((a, b) => a - b);
  const names = Object.keys(request.xreg);
  const past = names.map((name) => request.xreg[name]!);
  const future = names.map((name) => request.futureXreg[name]!.slice(0, h));
  const notes: string[] = [];
  let fit: ArimaFit | null = null;
  let useXreg = y.length >= OBSERVATIONS_PER_TERM * (names.length + 1);
  if (!useXreg)
    notes.push(
      `${y.length} periods are too few to estimate ${names.length} regressor effects: regressors ignored`,
    );
  const fitWith = (columns: readonly (readonly number[])[]): ArimaFit | null => {
    if (request.spec) return fitArima(y, request.spec, period, columns);
    const result = autoArima(y, period, columns);
    if (result) notes.push(...result.notes);
    return result?.fit ?? null;
  };
  if (useXreg) {
    fit = fitWith(past);
    if (!fit) {
      notes.push("no ARIMA model with these regressors could be fitted: regressors ignored");
      useXreg = false;
    }
  }
  const chosen = fit ?? fitWith([]);
  if (!chosen) return { ok: false, issues: ["no ARIMA model could be fitted to this history"] };
  const prediction = arimaPredict(chosen, h, useXreg ? future : []);
  const rows = arimaQuantiles(prediction, levels);
  const effects = useXreg ? Object.fromEntries(names.map((name, i) => [name, chosen.xreg[i]!])) : {};
  return {
    ok: true,
    forecast: {
      model: arimaLabel(chosen.spec, chosen.period, chosen.xreg.length),
      point: prediction.mean,
      quantiles: levels.map((level, k) => ({ level, values: rows[k]! })),
      effects,
      fit: chosen,
      notes,
    },
  };
}
