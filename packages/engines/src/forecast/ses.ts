// Simple exponential smoothing fitted by maximum likelihood, i.e. ETS(A,N,N); the building block
// of the Theta methods.

import { fitEts } from "./ets/ets-fit";

export interface SesFit {
  readonly alpha: number;
  /** Level after the last observation: every point forecast equals it. */
  readonly level: number;
  readonly sse: number;
  readonly n: number;
  /** One-step fitted values ℓₜ₋₁ (ℓ₀ for the first period). */
  readonly fitted: readonly number[];
}

/**
 * Fits SES (ℓₜ = ℓₜ₋₁ + α(yₜ − ℓₜ₋₁)) with α ∈ [1e-4, 0.9999] and ℓ₀ chosen to minimise Σ(yₜ − ℓₜ₋₁)²,
 * as R's `ses`. Null with fewer than 7 observations (too few for 3 estimated quantities).
 */
export function fitSes(y: readonly number[]): SesFit | null {
  const fit = fitEts(y, { error: "A", trend: "N", season: "N" }, 1);
  if (!fit) return null;
  return {
    alpha: fit.parameters.alpha,
    level: fit.final.level,
    sse: fit.sigma2 * (fit.n - fit.parameterCount),
    n: fit.n,
    fitted: fit.fitted,
  };
}
