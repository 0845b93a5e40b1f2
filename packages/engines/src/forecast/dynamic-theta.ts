// The dynamic optimised Theta model (DOTM, Fiorucci et al. 2016): Theta whose trend line is
// re-estimated at every period from the data seen so far, so it follows a trend that changes
// instead of averaging over the whole history; α, θ and the initial level are estimated together.

import { type FittedValues, reseasonaliseFitted } from "./fitted-values";
import { nelderMead } from "./numeric/nelder-mead";
import { reseasonalise, seasonalAdjustment } from "./seasonality";

export interface DynamicThetaFit {
  readonly alpha: number;
  readonly theta: number;
  /** Mean squared one-step error on the (seasonally adjusted) history. */
  readonly mse: number;
  readonly forecast: number[];
  /** In-sample one-step fitted values x̂ₜ, reseasonalised. */
  readonly fitted: FittedValues;
}

/** Fewest values the three estimated quantities (α, θ, ℓ₀) are fitted on. */
const MINIMUM_LENGTH = 7;

/**
 * One pass of the model over x with α, θ and ℓ₀; writes the h-step forecast into `forecast` when
 * given (and the one-step fitted values into `fittedValues`). With Aₜ, Bₜ the OLS intercept and slope of x₁…xₜ against t (updated recursively) and ℓₜ
 * simple exponential smoothing of x:
 *   x̂ₜ = ℓₜ₋₁ + (1 − 1/θ)·[(1 − α)^{t−1}·Aₜ₋₁ + (1 − (1 − α)ᵗ)/α · Bₜ₋₁],
 *   x̂_{n+h} = ℓₙ + (1 − 1/θ)·[(1 − α)ⁿ·Aₙ + ((1 − (1 − α)^{n+1})/α + h − 1)·Bₙ].
 * These follow from Theta's SES of the theta line θxₜ + (1 − θ)(A + Bt) when the line's own
 * smoothing starts from 0: the line's part of the level then decays as (1 − α)ᵗ·A.
 * Returns the mean squared one-step error.
 */
export function dynamicThetaPass(
  x: readonly number[],
  alpha: number,
  theta: number,
  level0: number,
  forecast?: number[],
  fittedValues?: number[],
): number {
  const weight = 1 - 1 / theta;
  const keep = 1 - alpha;
  let level = level0;
  let a = 0;
  let b = 0;
  let mean = 0;
  let decay = 1; // (1 − α)^{t−1}
  let sse = 0;
  for (let t = 1; t <= x.length; t++) {
    const value = x[t - 1]!;
    const fitted = level + weight * (decay * a + ((1 - decay * keep) / alpha) * b);
    if (fittedValues) fittedValues[t - 1] = fitted;
    const e = value - fitted;
    sse += e * e;
    level = alpha * value + keep * level;
    // OLS of x₁…xₜ on t, updated with xₜ (Bₜ is 0 for a single point).
    if (t === 1) {
      mean = value;
      b = 0;
    } else {
      b = ((t - 2) / (t + 1)) * b + (6 / (t * (t + 1))) * (value - mean);
      mean += (value - mean) / t;
    }
    a = mean - ((t + 1) / 2) * b;
    decay *= keep;
  }
  if (forecast) {
    const drift = (1 - decay * keep) / alpha;
    for (let h = 1; h <= forecast.length; h++) {
      forecast[h - 1] = level + weight * (decay * a + (drift + h - 1) * b);
    }
  }
  return sse / x.length;
}

/**
 * DOTM forecast for h periods: multiplicative seasonal adjustment when the 90 % test at lag m
 * passes, then α ∈ [0.01, 0.99], θ ∈ [1, 100] and ℓ₀ by least squares (Nelder–Mead from α = 0.5,
 * θ = 2, ℓ₀ = x₁), reseasonalised. Null below 7 values.
 */
export function dynamicThetaForecast(
  y: readonly number[],
  h: number,
  period: number,
): DynamicThetaFit | null {
  if (y.length < MINIMUM_LENGTH) return null;
  const adjustment = seasonalAdjustment(y, period);
  const x = adjustment.adjusted;
  let scale = 0;
  for (const v of x) scale += Math.abs(v) / x.length;
  const best = nelderMead((p) => dynamicThetaPass(x, p[0]!, p[1]!, p[2]!), [0.5, 2, x[0]!], {
    lower: [0.01, 1, Number.NEGATIVE_INFINITY],
    upper: [0.99, 100, Number.POSITIVE_INFINITY],
    step: [0.1, 0.5, Math.max(0.1 * scale, 1e-8)],
    maxIterations: 300,
    relativeTolerance: 1e-8,
  });
  if (!Number.isFinite(best.value)) return null;
  const [alpha, theta, level0] = best.x as [number, number, number];
  const forecast = new Array<number>(h).fill(0);
  const fitted = new Array<number>(x.length).fill(0);
  dynamicThetaPass(x, alpha, theta, level0, forecast, fitted);
  return {
    alpha,
    theta,
    mse: best.value,
    forecast: reseasonalise(forecast, adjustment, y.length),
    fitted: reseasonaliseFitted(fitted, adjustment),
  };
}
