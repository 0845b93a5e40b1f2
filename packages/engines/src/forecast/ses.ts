// Simple exponential smoothing fitted by least squares, i.e. ETS(A,N,N) by maximum likelihood; the
// building block of the Theta methods, which fit it dozens of times per series and origin.

import { USUAL_BOUNDS } from "./ets/ets-admissible";

export interface SesFit {
  readonly alpha: number;
  /** Level after the last observation: every point forecast equals it. */
  readonly level: number;
  readonly sse: number;
  readonly n: number;
  /** One-step fitted values ℓₜ₋₁ (ℓ₀ for the first period). */
  readonly fitted: readonly number[];
}

const GRID = 12;
const GOLDEN_STEPS = 30;

/**
 * Fits SES (ℓₜ = ℓₜ₋₁ + α(yₜ − ℓₜ₋₁)) with α ∈ [1e-4, 0.9999] and ℓ₀ minimising Σ(yₜ − ℓₜ₋₁)², the
 * same optimum R's `ses` looks for. The one-step errors are linear in ℓ₀ (eₜ = e⁰ₜ − (1 − α)ᵗ·ℓ₀,
 * with e⁰ the errors from ℓ₀ = 0), so for each α the best ℓ₀ has a closed form and only α is
 * searched: a grid for the basin, then golden section. Null with fewer than 7 observations (too
 * few for 3 estimated quantities).
 */
export function fitSes(y: readonly number[]): SesFit | null {
  const n = y.length;
  if (n < 7 || !y.every(Number.isFinite)) return null;
  const lo: number = USUAL_BOUNDS.lower.alpha;
  const hi: number = USUAL_BOUNDS.upper.alpha;
  let best = lo;
  let bestSse = concentrated(y, lo).sse;
  for (let k = 1; k <= GRID; k++) {
    const alpha = lo + ((hi - lo) * k) / GRID;
    const sse = concentrated(y, alpha).sse;
    if (sse < bestSse) {
      best = alpha;
      bestSse = sse;
    }
  }
  const width = (hi - lo) / GRID;
  let a = Math.max(lo, best - width);
  let b = Math.min(hi, best + width);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = concentrated(y, c).sse;
  let fd = concentrated(y, d).sse;
  for (let i = 0; i < GOLDEN_STEPS; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = concentrated(y, c).sse;
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = concentrated(y, d).sse;
    }
  }
  for (const [alpha, sse] of [
    [c, fc],
    [d, fd],
  ] as const) {
    if (sse < bestSse) {
      best = alpha;
      bestSse = sse;
    }
  }
  const fit = concentrated(y, best);
  const fitted: number[] = [];
  let level = fit.level0;
  for (const value of y) {
    fitted.push(level);
    level += best * (value - level);
  }
  return { alpha: best, level: fit.level, sse: fit.sse, n, fitted };
}

/** SSE, initial and final level of SES with smoothing α and the least-squares ℓ₀ for that α. */
function concentrated(y: readonly number[], alpha: number): { sse: number; level: number; level0: number } {
  // Pass 1 from ℓ₀ = 0: Σe⁰ₜdₜ and Σdₜ² with dₜ = (1 − α)ᵗ give ℓ₀ = Σe⁰d / Σd².
  const keep = 1 - alpha;
  let level = 0;
  let weight = 1;
  let cross = 0;
  let squares = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t]! - level;
    cross += e * weight;
    squares += weight * weight;
    level += alpha * e;
    weight *= keep;
  }
  const level0 = cross / squares;
  // Pass 2 from the best ℓ₀ (the errors shift by dₜ·ℓ₀, the final level by dₙ·ℓ₀).
  let sse = 0;
  let shifted = level0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t]! - shifted;
    sse += e * e;
    shifted += alpha * e;
  }
  return { sse, level: shifted, level0 };
}
