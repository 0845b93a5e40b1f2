// The exact Gaussian likelihood of a stationary ARMA process with regression terms, by a Kalman
// filter on Harvey's state-space form (as R's `arima`), started from the process's stationary
// covariance. Regression coefficients are profiled out by generalised least squares: the filter runs
// on the data and on every regressor with the same gains, so the likelihood is maximised over β
// exactly without putting β into the optimiser. Everything is in units of σ² (concentrated).

import { autocovariances, stationaryCovariance } from "./arma-covariance";

/** Reusable buffers for one state dimension and number of regressors; nothing allocates per call. */
export interface ArmaWorkspace {
  readonly r: number;
  readonly columns: number;
  readonly n: number;
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  readonly P: Float64Array;
  readonly Pnext: Float64Array;
  readonly state: Float64Array;
  readonly innovations: Float64Array;
  readonly cross: Float64Array;
  readonly beta: Float64Array;
  readonly psi: Float64Array;
  readonly gamma: Float64Array;
  readonly system: Float64Array;
  readonly A: Float64Array;
  readonly G: Float64Array;
  readonly C: Float64Array;
  readonly Rv: Float64Array;
  readonly gain: Float64Array;
  readonly W: Float64Array;
  readonly nonzero: Int32Array;
  readonly rowCount: Int32Array;
  /** Results of the last `armaLikelihood` call. */
  ssq: number;
  sumlog: number;
}

/** Buffers for ARMA polynomials of degrees up to (p, q), `regressors` regression columns and n points. */
export function armaWorkspace(p: number, q: number, regressors: number, n: number): ArmaWorkspace {
  const r = Math.max(p, q + 1, 1);
  const columns = regressors + 1;
  return {
    r,
    columns,
    n,
    phi: new Float64Array(r),
    theta: new Float64Array(r),
    P: new Float64Array(r * r),
    Pnext: new Float64Array(r * r),
    state: new Float64Array(columns * r),
    innovations: new Float64Array(columns * n),
    cross: new Float64Array(columns * columns),
    beta: new Float64Array(regressors),
    psi: new Float64Array(r + 1),
    gamma: new Float64Array(r + 1),
    system: new Float64Array((p + 1) * (p + 2)),
    A: new Float64Array(r * 2 * r),
    G: new Float64Array(r * 2 * r),
    C: new Float64Array(4 * r * r),
    Rv: new Float64Array(r),
    gain: new Float64Array(r),
    W: new Float64Array(r),
    nonzero: new Int32Array(r * 2 * r),
    rowCount: new Int32Array(r),
    ssq: 0,
    sumlog: 0,
  };
}

/**
 * Runs the filter over `data` (column 0 the differenced series, then the differenced regressors,
 * each of length ws.n), with ws.phi/ws.theta holding the expanded φ and θ padded to r. Leaves in ws
 * the GLS coefficients β, the residual sum of squares of the standardised innovations (ssq) and
 * Σ log Fₜ (sumlog); with `terminal`, also the filtered state and covariance at the last point
 * (state of the regression error in ws.state[0…r), covariance in ws.P). False when the filter or
 * the least-squares step breaks down.
 */
export function armaLikelihood(
  ws: ArmaWorkspace,
  p: number,
  q: number,
  data: readonly Float64Array[],
  terminal = false,
): boolean {
  if (!terminal) return chandrasekharLikelihood(ws, p, q, data) && leastSquares(ws, false);
  const { r, n, columns, phi, theta, state, innovations, Rv } = ws;
  if (!stationaryCovariance(ws, p, q)) return false;
  Rv[0] = 1;
  for (let i = 1; i < r; i++) Rv[i] = theta[i - 1]!;
  let P = ws.P;
  let next = ws.Pnext;
  state.fill(0);
  let sumlog = 0;
  let steady = false;
  for (let t = 0; t < n; t++) {
    const F = P[0]!;
    if (!(F > 0) || !Number.isFinite(F)) return false;
    sumlog += Math.log(F);
    const root = Math.sqrt(F);
    const last = terminal && t === n - 1;
    for (let c = 0; c < columns; c++) {
      const base = c * r;
      const observed = data[c]![t]!;
      const v = observed - state[base]!;
      innovations[c * n + t] = v / root;
      const gain = v / F;
      if (last) {
        state[base] = observed;
        for (let i = 1; i < r; i++) state[base + i] = state[base + i]! + P[i]! * gain;
        continue;
      }
      for (let i = 0; i < r - 1; i++)
        state[base + i] = phi[i]! * observed + state[base + i + 1]! + P[i + 1]! * gain;
      state[base + r - 1] = phi[r - 1]! * observed;
    }
    if (last) {
      for (let i = 0; i < r; i++)
        for (let j = i; j < r; j++) {
          const v = P[i * r + j]! - (P[i]! * P[j]!) / F;
          next[i * r + j] = v;
          next[j * r + i] = v;
        }
      [P, next] = [next, P];
      break;
    }
    if (steady) continue;
    // With no observation noise the AR part drops out: P′ᵢⱼ = Pᵢ₊₁,ⱼ₊₁ − P₀,ᵢ₊₁P₀,ⱼ₊₁/F + RᵢRⱼ.
    // Only the upper triangle is kept (column 0 is read from row 0).
    let change = 0;
    for (let i = 0; i < r; i++) {
      const ri = Rv[i]!;
      const gi = i + 1 < r ? P[i + 1]! / F : 0;
      const source = (i + 1) * r + 1;
      const row = i * r;
      for (let j = i; j < r - 1; j++) {
        const v = ri * Rv[j]! + P[source + j]! - gi * P[j + 1]!;
        const d = v - P[row + j]!;
        if (d > change) change = d;
        else if (-d > change) change = -d;
        next[row + j] = v;
      }
      const v = ri * Rv[r - 1]!;
      const d = v - P[row + r - 1]!;
      if (d > change) change = d;
      else if (-d > change) change = -d;
      next[row + r - 1] = v;
    }
    [P, next] = [next, P];
    if (change < 1e-10 * F) steady = true;
  }
  if (P !== ws.P) ws.P.set(P);
  ws.sumlog = sumlog;
  return leastSquares(ws, true);
}

/**
 * The same likelihood through Chandrasekhar recursions (Morf, Sidhu & Kailath 1974): started from
 * the stationary covariance, successive predicted covariances differ by a rank-one term W·M·Wᵀ, so
 * only the first column g of P (the gain), W and the scalar M are carried: O(r) per observation
 * instead of O(r²), and only the first column of P₀, γ and ψ, is needed.
 */
function chandrasekharLikelihood(
  ws: ArmaWorkspace,
  p: number,
  q: number,
  data: readonly Float64Array[],
): boolean {
  if (!autocovariances(ws, p, q)) return false;
  const { r, n, columns, phi, theta, psi, gamma, state, innovations, gain: g, W } = ws;
  // First column of P₀: Cov(stateᵢ, xₜ) = Σₗ φᵢ₊ₗ₋₁γ(l) + Σₗ θᵢ₊ₗ₋₁ψₗ.
  g[0] = gamma[0]!;
  for (let i = 1; i < r; i++) {
    let v = 0;
    for (let l = 1; l <= r - i; l++) v += phi[i + l - 1]! * gamma[l]!;
    for (let l = 0; l <= r - 1 - i; l++) v += theta[i + l - 1]! * psi[l]!;
    g[i] = v;
  }
  // P₁ − P₀ = −(T g)(T g)ᵀ/F₀ by stationarity.
  for (let i = 0; i < r; i++) W[i] = phi[i]! * g[0]! + (i + 1 < r ? g[i + 1]! : 0);
  let F = g[0]!;
  let M = -1 / F;
  state.fill(0);
  let sumlog = 0;
  for (let t = 0; t < n; t++) {
    if (!(F > 0) || !Number.isFinite(F)) return false;
    sumlog += Math.log(F);
    const root = Math.sqrt(F);
    for (let c = 0; c < columns; c++) {
      const base = c * r;
      const observed = data[c]![t]!;
      const v = observed - state[base]!;
      innovations[c * n + t] = v / root;
      const k = v / F;
      for (let i = 0; i < r - 1; i++)
        state[base + i] = phi[i]! * observed + state[base + i + 1]! + g[i + 1]! * k;
      state[base + r - 1] = phi[r - 1]! * observed;
    }
    // gₜ₊₁ = gₜ + M w₀ Wₜ;  Wₜ₊₁ = T(Wₜ − gₜ w₀/F) (its first entry vanishes, so T only shifts);
    // Fₜ₊₁ = Fₜ + M w₀²;  Mₜ₊₁ = Mₜ·Fₜ/Fₜ₊₁.
    const w0 = W[0]!;
    const mw0 = M * w0;
    const ratio = w0 / F;
    for (let i = 0; i < r; i++) {
      const old = W[i]!;
      W[i] = i + 1 < r ? W[i + 1]! - g[i + 1]! * ratio : 0;
      g[i] = g[i]! + mw0 * old;
    }
    const previous = F;
    F = g[0]!;
    M *= previous / F;
  }
  ws.sumlog = sumlog;
  return true;
}

/**
 * Generalised least squares on the standardised innovations: β, and the residual sum of squares
 * into ws.ssq; with `terminal`, the filtered state of the regression error into ws.state[0…r).
 */
function leastSquares(ws: ArmaWorkspace, terminal: boolean): boolean {
  const { r, n, columns, state, innovations, cross, beta } = ws;
  const k = columns - 1;
  for (let a = 0; a < columns; a++)
    for (let b = a; b < columns; b++) {
      let v = 0;
      for (let t = 0; t < n; t++) v += innovations[a * n + t]! * innovations[b * n + t]!;
      cross[a * columns + b] = v;
      cross[b * columns + a] = v;
    }
  if (k > 0 && !solveNormal(cross, columns, beta)) return false;
  let ssq = 0;
  for (let t = 0; t < n; t++) {
    let e = innovations[t]!;
    for (let c = 1; c < columns; c++) e -= beta[c - 1]! * innovations[c * n + t]!;
    ssq += e * e;
  }
  ws.ssq = ssq;
  if (terminal)
    for (let c = 1; c < columns; c++)
      for (let i = 0; i < r; i++) state[i] = state[i]! - beta[c - 1]! * state[c * r + i]!;
  return ssq > 0 && Number.isFinite(ssq);
}

/** Solves Xᵀ X β = Xᵀ w from the cross-product matrix (index 0 is w) by Cholesky. */
function solveNormal(cross: Float64Array, columns: number, beta: Float64Array): boolean {
  const k = columns - 1;
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let v = cross[(i + 1) * columns + j + 1]!;
      for (let l = 0; l < j; l++) v -= L[i * k + l]! * L[j * k + l]!;
      if (i === j) {
        if (!(v > 1e-10 * cross[(i + 1) * columns + i + 1]!)) return false;
        L[i * k + i] = Math.sqrt(v);
      } else L[i * k + j] = v / L[j * k + j]!;
    }
  }
  for (let i = 0; i < k; i++) {
    let v = cross[(i + 1) * columns]!;
    for (let l = 0; l < i; l++) v -= L[i * k + l]! * beta[l]!;
    beta[i] = v / L[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let v = beta[i]!;
    for (let l = i + 1; l < k; l++) v -= L[l * k + i]! * beta[l]!;
    beta[i] = v / L[i * k + i]!;
  }
  return true;
}

/**
 * Conditional sum of squares (R's "CSS"): residuals eₜ = wₜ − Σφᵢwₜ₋ᵢ − Σθⱼeₜ₋ⱼ from t = p on,
 * earlier residuals taken as 0; returns ½·log(Σeₜ²/count).
 */
export function conditionalSumOfSquares(
  w: Float64Array,
  phi: Float64Array,
  p: number,
  theta: Float64Array,
  q: number,
  residuals: Float64Array,
): number {
  const n = w.length;
  let ssq = 0;
  residuals.fill(0, 0, Math.min(p, n));
  for (let t = p; t < n; t++) {
    let e = w[t]!;
    for (let i = 0; i < p; i++) e -= phi[i]! * w[t - i - 1]!;
    const lags = Math.min(t - p, q);
    for (let j = 0; j < lags; j++) e -= theta[j]! * residuals[t - j - 1]!;
    residuals[t] = e;
    ssq += e * e;
  }
  const count = n - p;
  return count > 0 ? 0.5 * Math.log(ssq / count) : Number.POSITIVE_INFINITY;
}
