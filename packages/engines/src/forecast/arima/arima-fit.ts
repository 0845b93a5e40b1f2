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
import { arFromUnconstrained, expandSeasonal, invertMa, unconstrainedFromAr } from "./arma-polynomials";
import { differenceSeries, differencingPolynomial } from "./differencing";

/**
 * Stopping rules: R's BFGS stops at a relative change of 1.5·10⁻⁸ in ½·log σ̂² + …; 10⁻⁷ changes
 * log-likelihoods by about 10⁻⁴ and saves a fifth of the evaluations, and CSS only seeds ML.
 */
const ML_OPTIONS = { relativeTolerance: 1e-7 };
const CSS_OPTIONS = { relativeTolerance: 1e-6 };

/** |atanh(partial autocorrelation)| beyond which an AR estimate counts as at the boundary (|ρ| > 0.98). */
const NEAR_BOUNDARY = 2.3;

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
  if (n - nd < 1 || xreg.some((column) => column.length !== n)) return null;
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
  const css = count > 0 ? cssStart(ws, w, X, pPrime, qPrime, setPolynomials, count) : null;
  // R requires a stationary AR part from CSS (else ML starts from zero here), and inverts the MA part.
  const arRaw = css && unconstrainedFromAr(css.slice(0, s.p));
  const sarRaw = css && unconstrainedFromAr(css.slice(s.p + s.q, s.p + s.q + s.P));
  if (css && arRaw && sarRaw) {
    start = invertMaParts(css, s);
    start.splice(0, s.p, ...arRaw);
    start.splice(s.p + s.q, s.P, ...sarRaw);
  }
  const objective = (x: ArrayLike<number>): number => {
    setPolynomials(x, true);
    if (!armaLikelihood(ws, pPrime, qPrime, data)) return Number.POSITIVE_INFINITY;
    return 0.5 * (Math.log(ws.ssq / nstar) + ws.sumlog / nstar);
  };
  let best: number[] = [];
  if (count > 0) {
    let result = bfgs(objective, start, ML_OPTIONS);
    // A CSS start near the stationarity boundary can trap ML where tanh is flat: try from zero too.
    const arIndices = [...Array(s.p).keys(), ...Array.from({ length: s.P }, (_, i) => s.p + s.q + i)];
    if (arIndices.some((i) => Math.abs(result.x[i]!) > NEAR_BOUNDARY)) {
      const fromZero = bfgs(objective, new Array<number>(count).fill(0), ML_OPTIONS);
      if (fromZero.value < result.value) result = fromZero;
    }
    // The likelihood barely tells an MA polynomial from its inverse; prefer the invertible one.
    const inverted = invertMaParts(result.x, s);
    if (inverted.some((v, i) => v !== result.x[i])) {
      const again = bfgs(objective, inverted, ML_OPTIONS);
      if (again.value <= result.value + 1e-3 / nstar) result = again;
    }
    best = result.x;
  }
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
    sigma2: ws.ssq / Math.max(nstar - npar + 1, 1),
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

/** Parameters with the regular and seasonal MA parts replaced by their invertible versions. */
function invertMaParts(x: readonly number[], s: ArimaSpec): number[] {
  const ma = invertMa(x.slice(s.p, s.p + s.q));
  const sma = invertMa(x.slice(s.p + s.q + s.P));
  return [...x.slice(0, s.p), ...ma, ...x.slice(s.p + s.q, s.p + s.q + s.P), ...sma];
}

/**
 * CSS estimates from zero ARMA parameters and the OLS regression coefficients, both estimated by
 * conditional sum of squares as R does (regression coefficients in units of ten OLS standard
 * errors, R's scaling). Null when the regressors are singular or CSS fails.
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
  const ols = ordinaryLeastSquares(w, X);
  if (!ols || w.length <= pPrime) return null;
  const k = X.length;
  const z = new Float64Array(w.length);
  const residuals = new Float64Array(w.length);
  const result = bfgs(
    (x) => {
      setPolynomials(x, false);
      z.set(w);
      for (let c = 0; c < k; c++) {
        const b = ols.beta[c]! + ols.scale[c]! * x[count + c]!;
        const column = X[c]!;
        for (let t = 0; t < z.length; t++) z[t] = z[t]! - b * column[t]!;
      }
      return conditionalSumOfSquares(z, ws.phi, pPrime, ws.theta, qPrime, residuals);
    },
    new Array<number>(count + k).fill(0),
    CSS_OPTIONS,
  );
  const x = result.x.slice(0, count);
  return Number.isFinite(result.value) && x.every(Number.isFinite) ? x : null;
}

export interface LeastSquares {
  readonly beta: readonly number[];
  /** Ten standard errors per coefficient (at least 10⁻⁸ of |β| + 1). */
  readonly scale: readonly number[];
  readonly residuals: Float64Array;
}

/** OLS of w on the columns X; null when X is singular. */
export function ordinaryLeastSquares(w: Float64Array, X: readonly Float64Array[]): LeastSquares | null {
  const k = X.length;
  const n = w.length;
  if (k === 0) return { beta: [], scale: [], residuals: w };
  // [XᵀX | Xᵀw | I] reduced to [I | β | (XᵀX)⁻¹].
  const width = 2 * k + 1;
  const m = new Float64Array(k * width);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let v = 0;
      for (let t = 0; t < n; t++) v += X[a]![t]! * X[b]![t]!;
      m[a * width + b] = v;
    }
    let v = 0;
    for (let t = 0; t < n; t++) v += X[a]![t]! * w[t]!;
    m[a * width + k] = v;
    m[a * width + k + 1 + a] = 1;
  }
  if (!gaussJordan(m, k, width)) return null;
  const beta = Array.from({ length: k }, (_, i) => m[i * width + k]!);
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let t = 0; t < n; t++) {
    let v = w[t]!;
    for (let a = 0; a < k; a++) v -= beta[a]! * X[a]![t]!;
    residuals[t] = v;
    rss += v * v;
  }
  const s2 = n > k ? rss / (n - k) : rss;
  const scale = beta.map((b, i) =>
    Math.max(10 * Math.sqrt(Math.max(s2 * m[i * width + k + 1 + i]!, 0)), 1e-8 * (Math.abs(b) + 1)),
  );
  return { beta, scale, residuals };
}

/** Gauss–Jordan elimination with partial pivoting on the first k columns of a k-row matrix. */
function gaussJordan(m: Float64Array, k: number, width: number): boolean {
  let largest = 0;
  for (let i = 0; i < k; i++) largest = Math.max(largest, Math.abs(m[i * width + i]!));
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let row = col + 1; row < k; row++)
      if (Math.abs(m[row * width + col]!) > Math.abs(m[pivot * width + col]!)) pivot = row;
    if (!(Math.abs(m[pivot * width + col]!) > 1e-10 * largest)) return false;
    for (let c = 0; c < width; c++) {
      const tmp = m[col * width + c]!;
      m[col * width + c] = m[pivot * width + c]!;
      m[pivot * width + c] = tmp;
    }
    const value = m[col * width + col]!;
    for (let c = 0; c < width; c++) m[col * width + c] = m[col * width + c]! / value;
    for (let row = 0; row < k; row++) {
      if (row === col) continue;
      const f = m[row * width + col]!;
      if (f === 0) continue;
      for (let c = 0; c < width; c++) m[row * width + c] = m[row * width + c]! - f * m[col * width + c]!;
    }
  }
  return true;
}
