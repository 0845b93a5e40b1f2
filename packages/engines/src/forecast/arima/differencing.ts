// How many differences a series needs: repeated KPSS tests for the regular difference d and the
// seasonal-strength heuristic for D, as R's forecast::ndiffs and nsdiffs (auto.arima's defaults).

import { seasonalStrength } from "./stl";

/** ∇ₘ applied once: yₜ − yₜ₋ₘ (lag 1 for a regular difference). */
export function difference(y: ArrayLike<number>, lag = 1): Float64Array {
  const out = new Float64Array(Math.max(0, y.length - lag));
  for (let t = 0; t < out.length; t++) out[t] = y[t + lag]! - y[t]!;
  return out;
}

/** ∇ᵈ∇ₘᴰ y: D seasonal differences at lag m, then d regular ones. */
export function differenceSeries(y: ArrayLike<number>, d: number, D: number, period: number): Float64Array {
  let out: Float64Array = Float64Array.from(y as ArrayLike<number>);
  for (let k = 0; k < D; k++) out = difference(out, period);
  for (let k = 0; k < d; k++) out = difference(out, 1);
  return out;
}

/** δ₁…δₖ with ∇ᵈ∇ₘᴰ = (1 − B)ᵈ(1 − Bᵐ)ᴰ = 1 − Σδᵢ Bⁱ, k = d + mD. */
export function differencingPolynomial(d: number, D: number, period: number): Float64Array {
  let poly = [1];
  const times = (factor: number[]) => {
    const next = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++)
      for (let j = 0; j < factor.length; j++) next[i + j] = next[i + j]! + poly[i]! * factor[j]!;
    poly = next;
  };
  for (let k = 0; k < d; k++) times([1, -1]);
  const seasonal = new Array<number>(period + 1).fill(0);
  seasonal[0] = 1;
  seasonal[period] = -1;
  for (let k = 0; k < D; k++) times(seasonal);
  return Float64Array.from(poly.slice(1), (c) => -c);
}

/** R's forecast::is.constant: mean |yₜ − y₀| below 1.5·10⁻⁸, relative to mean |yₜ| unless that is tiny. */
export function isConstant(y: ArrayLike<number>): boolean {
  if (y.length === 0) return true;
  const first = y[0]!;
  let diff = 0;
  let scale = 0;
  for (let t = 0; t < y.length; t++) {
    diff += Math.abs(y[t]! - first);
    scale += Math.abs(y[t]!);
  }
  diff /= y.length;
  scale /= y.length;
  return scale > 1.5e-8 ? diff / scale < 1.5e-8 : diff < 1.5e-8;
}

/**
 * KPSS level-stationarity statistic (urca's `ur.kpss`, type "mu") with ⌊3√n/13⌋ Bartlett lags:
 * η = Σ Sₜ² / (n² s²), Sₜ the partial sums of deviations from the mean and s² the long-run variance.
 */
export function kpssStatistic(y: ArrayLike<number>): number {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]!;
  mean /= n;
  const e = new Float64Array(n);
  for (let t = 0; t < n; t++) e[t] = y[t]! - mean;
  let partial = 0;
  let eta = 0;
  let s2 = 0;
  for (let t = 0; t < n; t++) {
    partial += e[t]!;
    eta += partial * partial;
    s2 += e[t]! * e[t]!;
  }
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  for (let i = 1; i <= lags; i++) {
    let cov = 0;
    for (let t = i; t < n; t++) cov += e[t]! * e[t - i]!;
    s2 += 2 * (1 - i / (lags + 1)) * cov;
  }
  return eta / (n * n) / (s2 / n);
}

/** KPSS critical value at 5 % (Kwiatkowski et al. 1992, level case). */
const KPSS_CRITICAL_5 = 0.463;

/**
 * Number of regular differences: difference while the KPSS test rejects level stationarity at 5 %,
 * at most `maxD` times; a constant series needs none (R's `ndiffs`).
 */
export function regularDifferences(y: ArrayLike<number>, maxD = 2): number {
  let x: Float64Array = Float64Array.from(y as ArrayLike<number>);
  if (isConstant(x)) return 0;
  let d = 0;
  while (x.length > 1 && kpssStatistic(x) > KPSS_CRITICAL_5 && d < maxD) {
    d++;
    x = difference(x);
    if (isConstant(x)) return d;
  }
  return d;
}

/** Seasonal strength above which a seasonal difference is taken (R's nsdiffs, test "seas"). */
export const SEASONAL_STRENGTH_THRESHOLD = 0.64;

/**
 * Number of seasonal differences (0 or 1, as auto.arima's default max D): 1 when the STL seasonal
 * strength max(0, 1 − Var(remainder)/Var(seasonal + remainder)) exceeds 0.64. Series of period 1,
 * constant, or not longer than two periods get 0.
 */
export function seasonalDifferences(y: ArrayLike<number>, period: number): number {
  if (period <= 1 || y.length <= 2 * period || isConstant(y)) return 0;
  return seasonalStrength(y, period) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
}
