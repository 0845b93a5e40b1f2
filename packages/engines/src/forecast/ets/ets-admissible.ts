// The parameter space R's `ets` searches by default (bounds = "both"): the "usual" bounds that keep
// the smoothing parameters interpretable as weights, and the "admissible" region whose forecasts
// forget the distant past (Hyndman et al. 2008, ch. 10).

import { type PolynomialWorkspace, polynomialWorkspace, rootsWithin } from "../numeric/polynomial";

/** Usual bounds as in R: α, β, γ ∈ [1e-4, 0.9999], φ ∈ [0.8, 0.98], with β ≤ α and γ ≤ 1 − α. */
export const USUAL_BOUNDS = {
  lower: { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 },
  upper: { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 },
} as const;

/**
 * True when (α, β, γ, φ) satisfy the usual bounds and the admissibility conditions of R's
 * `admissible()`; pass β = null without trend, γ = null without season, φ = 1 when undamped. For
 * seasonal models the last test is that every root of the characteristic polynomial
 * φ(1−α−γ) + (α+β−αφ+γ−1)z + Σ_{i=2}^{m−1}(α+β−αφ)zⁱ + (α+β−φ)z^m + z^{m+1} lies in |z| ≤ 1 + 1e-10.
 */
export function isAdmissible(
  alpha: number,
  beta: number | null,
  gamma: number | null,
  phi: number,
  period: number,
  workspace?: AdmissibilityWorkspace,
): boolean {
  const { lower, upper } = USUAL_BOUNDS;
  if (alpha < lower.alpha || alpha > upper.alpha) return false;
  if (beta !== null && (beta < lower.beta || beta > alpha)) return false;
  if (gamma !== null && (gamma < lower.gamma || gamma > 1 - alpha)) return false;
  if (phi !== 1 && (phi < lower.phi || phi > upper.phi)) return false;

  if (gamma === null || period <= 1) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (beta !== null && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  const b = beta ?? 0;
  const m = period;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  const space = workspace ?? admissibilityWorkspace(m);
  const p = space.coefficients;
  p[0] = phi * (1 - alpha - gamma);
  p[1] = alpha + b - alpha * phi + gamma - 1;
  for (let i = 2; i < m; i++) p[i] = alpha + b - alpha * phi;
  p[m] = alpha + b - phi;
  p[m + 1] = 1;
  return rootsWithin(p, 1 + 1e-10, space.polynomial);
}

/** Scratch space for `isAdmissible` with seasonal period m: the optimiser calls it thousands of times. */
export interface AdmissibilityWorkspace {
  readonly coefficients: Float64Array;
  readonly polynomial: PolynomialWorkspace;
}

export function admissibilityWorkspace(period: number): AdmissibilityWorkspace {
  return { coefficients: new Float64Array(period + 2), polynomial: polynomialWorkspace(period + 1) };
}
