// Forecasts of a fitted ARIMA model: the point path and its variance from the state-space form with
// the differencing kept in the state (as R's `predict.Arima` via KalmanForecast), so intervals widen
// with integration and start from the filter's uncertainty at the end of the history.

import { normalQuantile } from "../numeric/distributions";
import type { ArimaFit } from "./arima-types";

export interface ArimaPrediction {
  readonly mean: number[];
  /** Forecast variance per step, in squared demand units. */
  readonly variance: number[];
}

/**
 * h-step forecasts. `futureXreg` holds the regressor columns for the h future periods (required,
 * with h values each, when the model has xreg coefficients); drift continues at t = n + 1, ….
 * Throws on missing or short future regressors: the caller validates input first.
 */
export function arimaPredict(
  fit: ArimaFit,
  h: number,
  futureXreg: readonly (readonly number[])[] = [],
): ArimaPrediction {
  if (futureXreg.length !== fit.xreg.length || futureXreg.some((c) => c.length < h))
    throw new RangeError(`the model needs ${fit.xreg.length} future regressor columns of ${h} values`);
  const { phi, theta, delta, state, covariance, lags, length: n } = fit.terminal;
  const r = state.length;
  const nd = delta.length;
  const dim = r + nd;
  // Transition T and noise loading R of the combined state (ARMA state, then uₜ₋₁ … uₜ₋ₙd).
  const T = new Float64Array(dim * dim);
  const R = new Float64Array(dim);
  for (let i = 0; i < r; i++) {
    if (i < phi.length) T[i * dim] = phi[i]!;
    if (i + 1 < r) T[i * dim + i + 1] = 1;
    R[i] = i === 0 ? 1 : (theta[i - 1] ?? 0);
  }
  if (nd > 0) {
    for (let c = 0; c < dim; c++) T[r * dim + c] = T[c]!;
    for (let i = 0; i < nd; i++) T[r * dim + r + i] = delta[i]!;
    R[r] = 1;
    for (let i = 1; i < nd; i++) T[(r + i) * dim + r + i - 1] = 1;
  }
  let a = new Float64Array(dim);
  a.set(state);
  a.set(lags, r);
  let P = new Float64Array(dim * dim);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) P[i * dim + j] = covariance[i * r + j]!;
  const TP = new Float64Array(dim * dim);
  const watch = nd > 0 ? r : 0;
  const mean: number[] = [];
  const variance: number[] = [];
  for (let step = 0; step < h; step++) {
    const next = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      let v = 0;
      for (let j = 0; j < dim; j++) v += T[i * dim + j]! * a[j]!;
      next[i] = v;
    }
    a = next;
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++) {
        let v = 0;
        for (let l = 0; l < dim; l++) v += T[i * dim + l]! * P[l * dim + j]!;
        TP[i * dim + j] = v;
      }
    const nextP = new Float64Array(dim * dim);
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++) {
        let v = R[i]! * R[j]!;
        for (let l = 0; l < dim; l++) v += TP[i * dim + l]! * T[j * dim + l]!;
        nextP[i * dim + j] = v;
      }
    P = nextP;
    let regression = 0;
    if (fit.constant !== null)
      regression += fit.constant * (fit.spec.d + fit.spec.D === 0 ? 1 : n + step + 1);
    fit.xreg.forEach((b, c) => {
      regression += b * futureXreg[c]![step]!;
    });
    mean.push(a[watch]! + regression);
    variance.push(fit.sigma2 * P[watch * dim + watch]!);
  }
  return { mean, variance };
}

/** Normal quantiles mean + Φ⁻¹(level)·√variance, one row per level (rows never cross). */
export function arimaQuantiles(prediction: ArimaPrediction, levels: readonly number[]): number[][] {
  return levels.map((level) => {
    const z = normalQuantile(level);
    return prediction.mean.map((m, j) => m + z * Math.sqrt(Math.max(prediction.variance[j]!, 0)));
  });
}
