// Estimates one ARIMA(p,d,q)(P,D,Q)m model with optional mean/drift and external regressors, as R's
// `Arima(..., method = "CSS-ML")`: conditional sum of squares for starting values, then exact
// maximum likelihood on the differenced series (see docs/decisions/0302-arima.md).

import { bfgs } from "../numeric/bfgs";
import type { ArimaFit, ArimaSpec } from "./arima-types";
import {
  type ArmaWorkspace,
  armaLikelihood,
  armaWorkspace,
  conditionalSumOfSquares,
} from "./arma-likelihood";
import { arFromUnconstrained, expandSeasonal, rootsOutside, unconstrainedFromAr } from "./arma-polynomials";
import { differenceSeries, differencingPolynomial } from "./differencing";

/** The regression part of a model with ARIMA errors: the design matrix by columns. */
export interface Regressors {
  /** Columns of length n: the intercept or drift (when the spec has a constant), then the xreg. */
  readonly columns: readonly Float64Array[];
  /** Whether column 0 is the intercept/drift term. */
  readonly hasConstant: boolean;
}

/** The design for y of length n: intercept (d + D = 0) or drift 1…n (d + D = 1), then `xreg`. */
export function designMatrix(
  spec: ArimaSpec,
  n: number,
  xreg: readonly (readonly number[])[] = [],
): Regressors {
  const differences = spec.d + spec.D;
  const hasConstant = spec.constant && differences <= 1;
  const columns: Float64Array[] = [];
  if (hasConstant) columns.push(Float64Array.from({ length: n }, (_, t) => (differences === 0 ? 1 : t + 1)));
  for (const column of xreg) columns.push(Float64Array.from(column));
  return { columns, hasConstant };
}

/** Effective spec for the period: the seasonal part is dropped for non-seasonal data, as R does. */
export function normaliseSpec(spec: ArimaSpec, period: number): ArimaSpec {
  return period > 1 ? spec : { ...spec, P: 0, D: 0, Q: 0 };
}

/**
 * Fits `spec` to y (oldest first) with seasonal period `period` and optional regressor columns
 * (each of y's length). Parameters are estimated by CSS, then by exact ML through the Kalman filter
 * with AR parts kept stationary by the PACF transform, β by GLS at every step. Information criteria
 * count every coefficient plus σ²: AICc = AIC + 2k(k + 1)/(n* − k − 1), n* = n − d − Dm (∞ when
 * n* ≤ k + 1). Returns null when the model cannot be fitted (too little data, singular regressors,
 * a breakdown of the filter).
 */
export function fitArima(
  y: readonly number[],
  spec: ArimaSpec,
  period: number,
  xreg: readonly (readonly number[])[] = [],
): ArimaFit | null {
  const s = normaliseSpec(spec, period);
  const m = Math.max(1, period);
  const n = y.length;
  const nd = s.d + m * s.D;
  if (n - nd < 1) return null;
  const design = designMatrix(s, n, xreg);
  const w = differenceSeries(y, s.d, s.D, m);
  const X = design.columns.map((c) => differenceSeries(c, s.d, s.D, m));
  const nstar = w.length;
  const k = X.length;
  const pPrime = s.p + m * s.P;
  const qPrime = s.q + m * s.Q;
  const count = s.p + s.q + s.P + s.Q;
  const ws = armaWorkspace(pPrime, qPrime, k, nstar);
  const data = [w, ...X];
  const ar = new Float64Array(s.p);
  const sar = new Float64Array(s.P);
  const ma = new Float64Array(s.q);
  const sma = new Float64Array(s.Q);
  const work = new Float64Array(Math.max(s.p, s.P, 1));

  // Unconstrained parameters → expanded φ, θ in the workspace.
  const setPolynomials = (x: ArrayLike<number>, transform: boolean) => {
    if (transform) {
      arFromUnconstrained(x, 0, s.p, ar, work);
      arFromUnconstrained(x, s.p + s.q, s.P, sar, work);
    } else {
      for (let i = 0; i < s.p; i++) ar[i] = x[i]!;
      for (let i = 0; i < s.P; i++) sar[i] = x[s.p + s.q + i]!;
    }
    for (let i = 0; i < s.q; i++) ma[i] = x[s.p + i]!;
    for (let i = 0; i < s.Q; i++) sma[i] = x[s.p + s.q + s.P + i]!;
    ws.phi.fill(0);
    ws.theta.fill(0);
    expandSeasonal(ar, sar, m, -1, ws.phi.subarray(0, pPrime));
    expandSeasonal(ma, sma, m, 1, ws.theta.subarray(0, qPrime));
  };

  let start = new Array<number>(count).fill(0);
  if (count > 0) {
    const css = cssStart(ws, w, X, pPrime, qPrime, setPolynomials, count);
    if (css) start = css;
    // R requires a stationary AR part from CSS; an invertible MA part keeps ML away from its mirror.
    const arOk = (from: number, len: number) => unconstrainedFromAr(start.slice(from, from + len));
    const arRaw = arOk(0, s.p);
    const sarRaw = arOk(s.p + s.q, s.P);
    const maOk =
      rootsOutside(start.slice(s.p, s.p + s.q), 1) && rootsOutside(start.slice(s.p + s.q + s.P), 1);
    if (arRaw && sarRaw) {
      start.splice(0, s.p, ...arRaw);
      start.splice(s.p + s.q, s.P, ...sarRaw);
    } else start = new Array<number>(count).fill(0);
    if (!maOk) {
      for (let i = 0; i < s.q; i++) start[s.p + i] = 0;
      for (let i = 0; i < s.Q; i++) start[s.p + s.q + s.P + i] = 0;
    }
  }
  const objective = (x: ArrayLike<number>): number => {
    setPolynomials(x, true);
    if (!armaLikelihood(ws, pPrime, qPrime, data)) return Number.POSITIVE_INFINITY;
    return 0.5 * (Math.log(ws.ssq / nstar) + ws.sumlog / nstar);
  };
  const best = count > 0 ? bfgs(objective, start).x : [];
  setPolynomials(best, true);
  if (!armaLikelihood(ws, pPrime, qPrime, data, true)) return null;

  const loglik =
    -0.5 * (nstar * Math.log(ws.ssq / nstar) + ws.sumlog + nstar + nstar * Math.log(2 * Math.PI));
  const npar = count + k + 1;
  const aic = -2 * loglik + 2 * npar;
  const aicc =
    nstar - npar - 1 > 0 ? aic + (2 * npar * (npar + 1)) / (nstar - npar - 1) : Number.POSITIVE_INFINITY;
  const beta = [...ws.beta];
  const delta = differencingPolynomial(s.d, s.D, m);
  const lags = new Float64Array(delta.length);
  for (let i = 0; i < delta.length; i++) {
    const t = n - 1 - i;
    let u = y[t]!;
    for (let c = 0; c < k; c++) u -= beta[c]! * design.columns[c]![t]!;
    lags[i] = u;
  }
  return {
    spec: s,
    period: m,
    ar: [...ar],
    ma: [...ma],
    sar: [...sar],
    sma: [...sma],
    constant: design.hasConstant ? beta[0]! : null,
    xreg: design.hasConstant ? beta.slice(1) : beta,
    sigma2: ws.ssq / (nstar - npar + 1),
    loglik,
    aic,
    aicc,
    bic: aic + npar * (Math.log(nstar) - 2),
    nobs: nstar,
    terminal: {
      phi: ws.phi.slice(0, pPrime),
      theta: ws.theta.slice(0, qPrime),
      delta,
      state: ws.state.slice(0, ws.r),
      covariance: ws.P.slice(),
      lags,
      length: n,
    },
  };
}

/**
 * CSS estimates from zero, on the differenced series less its OLS regression fit (R also starts its
 * regression coefficients from OLS). Null when the regressors are singular or CSS fails.
 */
function cssStart(
  ws: ArmaWorkspace,
  w: Float64Array,
  X: readonly Float64Array[],
  pPrime: number,
  qPrime: number,
  setPolynomials: (x: ArrayLike<number>, transform: boolean) => void,
  count: number,
): number[] | null {
  const z = olsResiduals(w, X);
  if (!z || z.length <= pPrime) return null;
  const residuals = new Float64Array(z.length);
  const result = bfgs((x) => {
    setPolynomials(x, false);
    return conditionalSumOfSquares(z, ws.phi, pPrime, ws.theta, qPrime, residuals);
  }, new Array<number>(count).fill(0));
  return Number.isFinite(result.value) && result.x.every(Number.isFinite) ? result.x : null;
}

/** w − Xβ̂ with β̂ the ordinary least-squares coefficients; null when X is singular. */
export function olsResiduals(w: Float64Array, X: readonly Float64Array[]): Float64Array | null {
  const k = X.length;
  if (k === 0) return w;
  const n = w.length;
  const xtx = new Float64Array(k * (k + 1));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let v = 0;
      for (let t = 0; t < n; t++) v += X[a]![t]! * X[b]![t]!;
      xtx[a * (k + 1) + b] = v;
    }
    let v = 0;
    for (let t = 0; t < n; t++) v += X[a]![t]! * w[t]!;
    xtx[a * (k + 1) + k] = v;
  }
  const beta = solveSmall(xtx, k);
  if (!beta) return null;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let v = w[t]!;
    for (let a = 0; a < k; a++) v -= beta[a]! * X[a]![t]!;
    out[t] = v;
  }
  return out;
}

function solveSmall(m: Float64Array, k: number): number[] | null {
  const w = k + 1;
  let largest = 0;
  for (let i = 0; i < k; i++) largest = Math.max(largest, Math.abs(m[i * w + i]!));
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let row = col + 1; row < k; row++)
      if (Math.abs(m[row * w + col]!) > Math.abs(m[pivot * w + col]!)) pivot = row;
    if (!(Math.abs(m[pivot * w + col]!) > 1e-10 * largest)) return null;
    for (let c = 0; c < w; c++) {
      const tmp = m[col * w + c]!;
      m[col * w + c] = m[pivot * w + c]!;
      m[pivot * w + c] = tmp;
    }
    for (let row = 0; row < k; row++) {
      if (row === col) continue;
      const f = m[row * w + col]! / m[col * w + col]!;
      for (let c = col; c < w; c++) m[row * w + c] = m[row * w + c]! - f * m[col * w + c]!;
    }
  }
  return Array.from({ length: k }, (_, i) => m[i * w + k]! / m[i * w + i]!);
}
