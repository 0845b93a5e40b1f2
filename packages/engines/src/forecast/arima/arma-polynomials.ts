// ARMA polynomial algebra: multiplying out the seasonal factors, the partial-autocorrelation
// reparameterisation that keeps the AR part stationary during optimisation (as R's `arima` does),
// and the root-distance check that auto.arima applies to every candidate.

import { rootsWithin } from "../numeric/polynomial";

/**
 * Coefficients c₁…c_{p+mP} of 1 − ΣcᵢBⁱ = (1 − Σφᵢ Bⁱ)(1 − ΣΦⱼ Bᵐʲ) when `sign` is −1 (AR), or of
 * 1 + ΣcᵢBⁱ = (1 + Σθᵢ Bⁱ)(1 + ΣΘⱼ Bᵐʲ) when `sign` is +1 (MA).
 */
export function expandSeasonal(
  regular: ArrayLike<number>,
  seasonal: ArrayLike<number>,
  period: number,
  sign: 1 | -1,
  out: Float64Array = new Float64Array(regular.length + period * seasonal.length),
): Float64Array {
  out.fill(0);
  for (let i = 0; i < regular.length; i++) out[i] = regular[i]!;
  for (let j = 0; j < seasonal.length; j++) {
    const s = seasonal[j]!;
    const at = (j + 1) * period - 1;
    out[at] = out[at]! + s;
    for (let i = 0; i < regular.length; i++) out[at + i + 1] = out[at + i + 1]! + sign * regular[i]! * s;
  }
  return out;
}

/**
 * AR coefficients from unconstrained values: uᵢ → tanh(uᵢ) are partial autocorrelations, turned into
 * AR coefficients by the Durbin–Levinson recursion, so every input gives a stationary AR part.
 * Reads `raw[from…from+count)` into `out[0…count)`; `work` needs `count` slots.
 */
export function arFromUnconstrained(
  raw: ArrayLike<number>,
  from: number,
  count: number,
  out: Float64Array,
  work: Float64Array,
): void {
  for (let j = 0; j < count; j++) out[j] = work[j] = Math.tanh(raw[from + j]!);
  for (let j = 1; j < count; j++) {
    const a = out[j]!;
    for (let k = 0; k < j; k++) work[k] = work[k]! - a * out[j - k - 1]!;
    for (let k = 0; k < j; k++) out[k] = work[k]!;
  }
}

/** Inverse of `arFromUnconstrained` for a stationary AR part; null when it is not stationary. */
export function unconstrainedFromAr(ar: readonly number[]): number[] | null {
  const pacf = [...ar];
  const work = [...ar];
  for (let j = pacf.length - 1; j > 0; j--) {
    const a = pacf[j]!;
    if (!(Math.abs(a) < 1)) return null;
    for (let k = 0; k < j; k++) work[k] = (pacf[k]! + a * pacf[j - k - 1]!) / (1 - a * a);
    for (let k = 0; k < j; k++) pacf[k] = work[k]!;
  }
  if (pacf.length > 0 && !(Math.abs(pacf[0]!) < 1)) return null;
  return pacf.map((v) => Math.atanh(v));
}

/**
 * True when every root of 1 − Σcᵢzⁱ (sign −1, an AR polynomial) or 1 + Σcᵢzⁱ (sign +1, MA) lies
 * strictly outside the circle |z| = radius; trailing zero coefficients are ignored, and an empty
 * polynomial has no roots. auto.arima rejects models whose roots come within 1.01 of the origin.
 */
export function rootsOutside(coefficients: ArrayLike<number>, sign: 1 | -1, radius = 1): boolean {
  let last = coefficients.length - 1;
  while (last >= 0 && Math.abs(coefficients[last]!) <= 1e-8) last--;
  if (last < 0) return true;
  // z is a root of the polynomial iff 1/z is a root of the reversed one, zᵖ ± c₁zᵖ⁻¹ ± … ± cₚ.
  const reversed = new Float64Array(last + 2);
  for (let i = 0; i <= last; i++) reversed[last - i] = sign * coefficients[i]!;
  reversed[last + 1] = 1;
  return rootsWithin(reversed, 1 / radius);
}
