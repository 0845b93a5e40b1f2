// Starting values for ETS estimation, following R's `initstate` and `initparam`: heuristic initial
// states from the first cycles of data, and smoothing parameters near the low end of their bounds.

import { linearTrend } from "../numeric/linear-trend";
import { classicalSeasonalIndices } from "../seasonality";
import { USUAL_BOUNDS } from "./ets-admissible";
import type { EtsParameters, EtsSpec, EtsState } from "./ets-types";

/**
 * Initial states: seasonal states from classical decomposition of the first min(n, 3m) values;
 * level (and slope) from a least-squares line through the first max(10, 2m) seasonally adjusted
 * values at t = 1, 2, …, so the level is the line's value at t = 0. Without trend the level is their
 * mean. Requires n ≥ 2m for seasonal specs.
 */
export function initialStates(y: readonly number[], spec: EtsSpec, period: number): EtsState {
  const n = y.length;
  let seasonal: number[] = [];
  let adjusted = y;
  if (spec.season !== "N") {
    const cycles = Math.floor(Math.min(n, 3 * period) / period);
    const head = y.slice(0, cycles * period);
    seasonal = classicalSeasonalIndices(head, period, spec.season === "M" ? "multiplicative" : "additive");
    adjusted = y.map((v, t) =>
      spec.season === "M" ? v / Math.max(seasonal[t % period]!, 1e-2) : v - seasonal[t % period]!,
    );
  }
  const count = Math.min(Math.max(10, 2 * period), n);
  if (spec.trend === "N") {
    let sum = 0;
    for (let t = 0; t < count; t++) sum += adjusted[t]!;
    return { level: sum / count, slope: 0, seasonal };
  }
  const line = linearTrend(adjusted, 1, count);
  let level = line.intercept;
  let slope = line.slope;
  // A multiplicative error cannot start from ŷ₁ = 0; R nudges the line the same way.
  if (Math.abs(level + slope) < 1e-8) {
    level *= 1 + 1e-3;
    slope *= 1 - 1e-3;
  }
  return { level, slope, seasonal };
}

/** Starting parameters as R's `initparam`: α = 0.2/m of its range, β = 0.1·α, γ = 0.05·(1 − α), φ = 0.978. */
export function initialParameters(spec: EtsSpec, period: number): EtsParameters {
  const { lower, upper } = USUAL_BOUNDS;
  const m = spec.season === "N" ? 1 : period;
  const alpha = lower.alpha + (0.2 * (upper.alpha - lower.alpha)) / m;
  const betaUpper = Math.min(upper.beta, alpha - 1e-3);
  const beta = spec.trend === "N" ? 0 : lower.beta + 0.1 * Math.max(betaUpper - lower.beta, 0);
  const gammaUpper = Math.min(upper.gamma, 1 - alpha);
  const gamma = spec.season === "N" ? 0 : lower.gamma + 0.05 * (gammaUpper - lower.gamma);
  const phi = spec.trend === "Ad" ? lower.phi + 0.99 * (upper.phi - lower.phi) : 1;
  return { alpha, beta, gamma, phi };
}
