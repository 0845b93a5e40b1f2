// The optimised Theta method (Fiorucci et al. 2016, "OTM"): the weight θ of the short-term theta
// line is chosen from the data instead of being fixed at 2.

import { type FittedValues, reseasonaliseFitted } from "./fitted-values";
import { linearTrend } from "./numeric/linear-trend";
import { reseasonalise, seasonalAdjustment } from "./seasonality";
import { fitSes } from "./ses";

export interface ThetaLinesFit {
  readonly theta: number;
  readonly alpha: number;
  /** In-sample one-step mean squared error of the combined forecast, in squared demand units. */
  readonly mse: number;
  readonly forecast: number[];
  /** In-sample one-step fitted values: SES(Z)ₜ₋₁/θ + (1 − 1/θ)·Lₜ. */
  readonly fitted: FittedValues;
}

/**
 * Theta-lines forecast for a given θ ≥ 1 (M4 benchmark form): with Lₜ = a + b·t the OLS line,
 * Zₜ = θyₜ + (1 − θ)Lₜ is smoothed by SES and ŷ_{n+j} = (1/θ)·SES(Z)ₙ + (1 − 1/θ)·L_{n+j}.
 * Because yₜ = Zₜ/θ + (1 − 1/θ)Lₜ, the in-sample MSE is MSE_SES(Z)/θ². θ = 2 is the classic Theta
 * method, θ = 1 plain SES. Null when SES cannot be fitted (fewer than 7 values).
 */
export function thetaLines(x: readonly number[], h: number, theta: number): ThetaLinesFit | null {
  const n = x.length;
  const line = linearTrend(x, 1);
  const z = x.map((v, t) => theta * v + (1 - theta) * (line.intercept + line.slope * (t + 1)));
  const ses = fitSes(z);
  if (!ses) return null;
  const forecast = Array.from(
    { length: h },
    (_, j) => ses.level / theta + (1 - 1 / theta) * (line.intercept + line.slope * (n + j + 1)),
  );
  const fitted = ses.fitted.map(
    (level, t) => level / theta + (1 - 1 / theta) * (line.intercept + line.slope * (t + 1)),
  );
  return { theta, alpha: ses.alpha, mse: ses.sse / n / theta ** 2, forecast, fitted };
}

/**
 * Optimised Theta: θ ∈ [1, 5] minimising the in-sample one-step MSE by golden-section search (α and
 * ℓ₀ re-estimated for each θ), on the seasonally adjusted series, reseasonalised. Null when the
 * history is too short for SES (fewer than 7 values).
 */
export function optimisedThetaForecast(
  y: readonly number[],
  h: number,
  period: number,
): (ThetaLinesFit & { readonly forecast: number[] }) | null {
  const adjustment = seasonalAdjustment(y, period);
  const x = adjustment.adjusted;
  const cache = new Map<number, ThetaLinesFit | null>();
  const at = (theta: number) => {
    if (!cache.has(theta)) cache.set(theta, thetaLines(x, h, theta));
    return cache.get(theta) ?? null;
  };
  const score = (theta: number) => at(theta)?.mse ?? Number.POSITIVE_INFINITY;
  // The classic θ = 2 is always a candidate, so the optimised fit is never worse in sample.
  score(2);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = 1;
  let b = 5;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  for (let i = 0; i < 20; i++) {
    if (score(c) <= score(d)) {
      b = d;
      d = c;
      c = b - ratio * (b - a);
    } else {
      a = c;
      c = d;
      d = a + ratio * (b - a);
    }
  }
  let best: ThetaLinesFit | null = null;
  for (const fit of cache.values()) if (fit && (!best || fit.mse < best.mse)) best = fit;
  if (!best) return null;
  return {
    ...best,
    forecast: reseasonalise(best.forecast, adjustment, y.length),
    fitted: reseasonaliseFitted(best.fitted, adjustment),
  };
}
