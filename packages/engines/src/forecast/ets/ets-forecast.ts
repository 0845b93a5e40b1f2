// Forecasts from a fitted ETS model: point forecasts from the final states, and prediction
// quantiles — analytical for the linear (additive-error, non-multiplicative-season) class, simulated
// with a seeded generator otherwise.

import { normalQuantile, sortedQuantile } from "../numeric/distributions";
import { normalGenerator } from "../numeric/prng";
import type { EtsFit } from "./ets-types";

/**
 * Point forecasts ŷ_{n+j|n} = (ℓₙ + φ_j bₙ) (+ s | × s) with φ_j = φ + φ² + … + φ^j (= j undamped)
 * and s the final seasonal state of the cycle position of period n + j. For multiplicative-error
 * models this is the forecast with future errors set to zero, as R's `ets` reports it.
 */
export function etsPointForecast(fit: EtsFit, h: number): number[] {
  const { level, slope, seasonal } = fit.final;
  const { phi } = fit.parameters;
  const m = seasonal.length;
  const out: number[] = [];
  let damping = 0;
  let power = 1;
  for (let j = 1; j <= h; j++) {
    power *= phi;
    damping += power;
    const q = fit.spec.trend === "N" ? level : level + damping * slope;
    const s = m > 0 ? seasonal[(fit.n - 1 + j) % m]! : 0;
    out.push(fit.spec.season === "A" ? q + s : fit.spec.season === "M" ? q * s : q);
  }
  return out;
}

/**
 * Forecast variance of the linear class (Hyndman et al. 2008, table 6.1):
 * v_h = σ²·[1 + Σ_{j=1}^{h−1} c_j²], c_j = α + β·φ_j + γ·[j mod m = 0]. Only valid when
 * `hasAnalyticVariance(fit.spec)`.
 */
export function etsAnalyticVariance(fit: EtsFit, h: number): number[] {
  const { alpha, beta, gamma, phi } = fit.parameters;
  const m = fit.spec.season === "N" ? 0 : fit.period;
  const out: number[] = [];
  let sum = 1;
  let damping = 0;
  let power = 1;
  for (let k = 1; k <= h; k++) {
    out.push(fit.sigma2 * sum);
    power *= phi;
    damping += power;
    const trendTerm = fit.spec.trend === "N" ? 0 : beta * damping;
    const seasonTerm = m > 0 && k % m === 0 ? gamma : 0;
    sum += (alpha + trendTerm + seasonTerm) ** 2;
  }
  return out;
}

export interface EtsQuantileOptions {
  /** Simulated paths for non-linear models (default 1000). */
  readonly paths?: number;
  readonly seed?: number;
}

/**
 * Forecast quantiles for each requested level in (0, 1): rows follow `levels`, columns the horizon.
 * Linear class: ŷ + Φ⁻¹(p)·√v_h. Otherwise: the empirical quantiles of simulated future paths with
 * εₜ ~ N(0, σ²) drawn from a seeded generator, so the result is reproducible. Rows never cross.
 */
export function etsQuantiles(
  fit: EtsFit,
  h: number,
  levels: readonly number[],
  options: EtsQuantileOptions = {},
): number[][] {
  const point = etsPointForecast(fit, h);
  if (fit.spec.error === "A" && fit.spec.season !== "M") {
    const variance = etsAnalyticVariance(fit, h);
    return levels.map((p) => point.map((f, j) => f + normalQuantile(p) * Math.sqrt(variance[j]!)));
  }
  const paths = simulatePaths(fit, h, options.paths ?? 1000, options.seed ?? 1);
  return levels.map((p) => paths.map((column) => sortedQuantile(column, p)));
}

/** Simulated future values, one sorted Float64Array of `count` draws per horizon step. */
function simulatePaths(fit: EtsFit, h: number, count: number, seed: number): Float64Array[] {
  const draw = normalGenerator(seed);
  const sigma = Math.sqrt(fit.sigma2);
  const { alpha, beta, gamma, phi } = fit.parameters;
  const m = fit.final.seasonal.length;
  const columns = Array.from({ length: h }, () => new Float64Array(count));
  const seasonal = new Float64Array(m);
  for (let path = 0; path < count; path++) {
    let level = fit.final.level;
    let slope = fit.final.slope;
    seasonal.set(fit.final.seasonal);
    for (let j = 0; j < h; j++) {
      const position = m > 0 ? (fit.n + j) % m : 0;
      const s = m > 0 ? seasonal[position]! : 0;
      const q = fit.spec.trend === "N" ? level : level + phi * slope;
      const mean = fit.spec.season === "A" ? q + s : fit.spec.season === "M" ? q * s : q;
      const e = sigma * draw();
      const value = fit.spec.error === "M" ? mean * (1 + e) : mean + e;
      columns[j]![path] = value;
      const p = fit.spec.season === "A" ? value - s : fit.spec.season === "M" ? value / s : value;
      const newLevel = q + alpha * (p - q);
      if (fit.spec.trend !== "N") slope = phi * slope + (beta / alpha) * (newLevel - level - phi * slope);
      if (m > 0)
        seasonal[position] =
          fit.spec.season === "M" ? s + gamma * (value / q - s) : s + gamma * (value - q - s);
      level = newLevel;
    }
  }
  for (const column of columns) column.sort();
  return columns;
}
