// The ETS recursions: one pass over the data from given parameters and initial states, producing
// the likelihood (for estimation), the fitted values and the final states (for forecasting).

import type { EtsSpec } from "./ets-types";

export interface FilterResult {
  /** −2·log-likelihood up to a constant: n·log Σεₜ² (+ 2Σlog|ŷₜ| for multiplicative error). */
  readonly likelihood: number;
  readonly sse: number;
  readonly level: number;
  readonly slope: number;
  /** Final seasonal state by cycle position; the buffer passed in, updated in place. */
  readonly seasonal: Float64Array;
}

/**
 * Runs the ETS recursions of Hyndman et al. (2008, table 2.1), written in the update form R's
 * `etscalc` uses (identical for additive and multiplicative errors; only the likelihood differs):
 *   q = ℓ + φb,  ŷ = q (+ s | × s),  ℓ' = q + α(p − q) with p = y (− s | ÷ s),
 *   b' = φb + (β/α)(ℓ' − ℓ − φb),  s' = s + γ(y (− q | ÷ q) − s),
 * where s is the seasonal state m periods back. `seasonal` holds the initial state by cycle position
 * and is overwritten. Returns likelihood Infinity when a multiplicative-error model meets ŷ = 0 or a
 * multiplicative season meets a non-positive level. Writes one-step forecasts into `fitted`
 * when given.
 */
export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  level0: number,
  slope0: number,
  seasonal: Float64Array,
  fitted?: Float64Array,
): FilterResult {
  const n = y.length;
  const m = seasonal.length;
  const errorMul = spec.error === "M";
  // Without trend the slope stays 0 through the same arithmetic, so one loop serves both; the
  // season type gets its own loop, which keeps the hot path free of per-period season branches.
  const hasTrend = spec.trend !== "N";
  const damping = hasTrend ? phi : 0;
  const betaOverAlpha = hasTrend ? beta / alpha : 0;
  let level = level0;
  let slope = hasTrend ? slope0 : 0;
  let sse = 0;
  let logSum = 0;
  // Σlog|ŷ| as the log of a running product, renormalised before it can overflow: one Math.log per
  // pass instead of one per period, which was a third of a multiplicative model's likelihood cost.
  let product = 1;
  let position = 0;
  const season = m === 0 ? 0 : spec.season === "M" ? 2 : 1;
  for (let t = 0; t < n; t++) {
    const q = level + damping * slope;
    const value = y[t]!;
    let forecast: number;
    let p: number;
    if (season === 0) {
      forecast = q;
      p = value;
    } else {
      const s = seasonal[position]!;
      if (season === 1) {
        forecast = q + s;
        p = value - s;
        seasonal[position] = s + gamma * (value - q - s);
      } else {
        if (!(q > 0)) return infeasible(seasonal);
        forecast = q * s;
        p = value / s;
        seasonal[position] = s + gamma * (value / q - s);
      }
      if (++position === m) position = 0;
    }
    if (fitted) fitted[t] = forecast;
    if (errorMul) {
      // As R: |ŷ| in the likelihood, so a start with a few negative early fits can still improve.
      if (!(Math.abs(forecast) > 1e-10)) return infeasible(seasonal);
      const e = (value - forecast) / forecast;
      sse += e * e;
      product *= Math.abs(forecast);
      if (product > 1e150 || product < 1e-150) {
        logSum += Math.log(product);
        product = 1;
      }
    } else {
      const e = value - forecast;
      sse += e * e;
    }
    const newLevel = q + alpha * (p - q);
    slope = damping * slope + betaOverAlpha * (newLevel - level - damping * slope);
    level = newLevel;
  }
  if (errorMul) logSum += Math.log(product);
  // A perfect fit would give −∞; the floor keeps likelihoods comparable and finite.
  const likelihood = n * Math.log(Math.max(sse, 1e-300)) + (errorMul ? 2 * logSum : 0);
  return {
    likelihood: Number.isNaN(likelihood) ? Number.POSITIVE_INFINITY : likelihood,
    sse,
    level,
    slope,
    seasonal,
  };
}

function infeasible(seasonal: Float64Array): FilterResult {
  return {
    likelihood: Number.POSITIVE_INFINITY,
    sse: Number.POSITIVE_INFINITY,
    level: Number.NaN,
    slope: Number.NaN,
    seasonal,
  };
}
