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

/**
 * The invertible MA polynomial with the same autocorrelations: roots of 1 + Σθᵢzⁱ inside the unit
 * circle are replaced by their reciprocals (R's `maInvert`), found by Durand–Kerner iteration.
 * Returns the input when it is already invertible.
 */
export function invertMa(theta: readonly number[]): number[] {
  let q = theta.length;
  while (q > 0 && theta[q - 1] === 0) q--;
  if (q === 0 || rootsOutside(theta, 1)) return [...theta];
  if (q === 1) return [1 / theta[0]!, ...theta.slice(1)];
  // Monic form zᵠ + (θ_{q−1}/θ_q)zᵠ⁻¹ + … + 1/θ_q.
  const lead = theta[q - 1]!;
  const c = Array.from({ length: q + 1 }, (_, i) => (i === 0 ? 1 : theta[i - 1]!) / lead);
  const re = Array.from({ length: q }, (_, k) => 0.9 * Math.cos((2 * Math.PI * k) / q + 0.4));
  const im = Array.from({ length: q }, (_, k) => 0.9 * Math.sin((2 * Math.PI * k) / q + 0.4));
  for (let iteration = 0; iteration < 500; iteration++) {
    let moved = 0;
    for (let k = 0; k < q; k++) {
      // p(z) by Horner from the leading coefficient (1 for the monic form).
      let pr = 1;
      let pi = 0;
      for (let i = q - 1; i >= 0; i--) {
        const nr = pr * re[k]! - pi * im[k]! + c[i]!;
        pi = pr * im[k]! + pi * re[k]!;
        pr = nr;
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < q; j++) {
        if (j === k) continue;
        const ar = re[k]! - re[j]!;
        const ai = im[k]! - im[j]!;
        const nr = dr * ar - di * ai;
        di = dr * ai + di * ar;
        dr = nr;
      }
      const den = dr * dr + di * di;
      if (den === 0) continue;
      const sr = (pr * dr + pi * di) / den;
      const si = (pi * dr - pr * di) / den;
      re[k] = re[k]! - sr;
      im[k] = im[k]! - si;
      moved = Math.max(moved, Math.abs(sr) + Math.abs(si));
    }
    if (moved < 1e-14) break;
  }
  // Rebuild ∏(1 − z/rₖ) with roots inside the circle reflected, keeping the real part.
  let pr = [1];
  let pim = [0];
  for (let k = 0; k < q; k++) {
    let r = re[k]!;
    let i = im[k]!;
    const m2 = r * r + i * i;
    if (m2 < 1) {
      r /= m2;
      i = -i / m2;
    }
    const inv = r * r + i * i;
    const ur = -r / inv;
    const ui = i / inv;
    const nr = new Array<number>(pr.length + 1).fill(0);
    const ni = new Array<number>(pr.length + 1).fill(0);
    for (let j = 0; j < pr.length; j++) {
      nr[j] = nr[j]! + pr[j]!;
      ni[j] = ni[j]! + pim[j]!;
      nr[j + 1] = nr[j + 1]! + pr[j]! * ur - pim[j]! * ui;
      ni[j + 1] = ni[j + 1]! + pr[j]! * ui + pim[j]! * ur;
    }
    pr = nr;
    pim = ni;
  }
  return [...pr.slice(1), ...theta.slice(q)];
}
