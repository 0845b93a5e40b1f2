// The ARMA process's second moments: autocovariances, ψ weights and the stationary covariance of
// the state-space form, which starts the Kalman filter exactly as R's `arima` does.

import type { ArmaWorkspace } from "./arma-likelihood";

/** ψ₀…ψᵣ₋₁ and γ(0)…γ(r − 1) of the ARMA process with σ² = 1 into ws; false if not stationary. */
export function autocovariances(ws: ArmaWorkspace, p: number, q: number): boolean {
  const { r, phi, theta, psi, gamma, system } = ws;
  const th = (j: number) => (j === 0 ? 1 : j <= q ? theta[j - 1]! : 0);
  psi[0] = 1;
  for (let j = 1; j < r; j++) {
    let v = th(j);
    for (let i = 1; i <= Math.min(j, p); i++) v += phi[i - 1]! * psi[j - i]!;
    psi[j] = v;
  }
  const rhs = (k: number) => {
    let v = 0;
    for (let j = k; j <= q; j++) v += th(j) * psi[j - k]!;
    return v;
  };
  if (p === 0) {
    for (let k = 0; k < r; k++) gamma[k] = rhs(k);
  } else {
    // γ(k) − Σφᵢγ(|k − i|) = Σⱼ θⱼψⱼ₋ₖ for k = 0…p: a (p + 1)-square system with pivoting.
    const w = p + 2;
    system.fill(0);
    for (let k = 0; k <= p; k++) {
      system[k * w + k] = 1;
      for (let i = 1; i <= p; i++) {
        const at = k * w + Math.abs(k - i);
        system[at] = system[at]! - phi[i - 1]!;
      }
      system[k * w + p + 1] = rhs(k);
    }
    if (!solveAugmented(system, p + 1)) return false;
    for (let k = 0; k <= p && k < r; k++) gamma[k] = system[k * w + p + 1]!;
    for (let k = p + 1; k < r; k++) {
      let v = rhs(k);
      for (let i = 1; i <= p; i++) v += phi[i - 1]! * gamma[k - i]!;
      gamma[k] = v;
    }
  }
  return gamma[0]! > 0 && Number.isFinite(gamma[0]!);
}

/**
 * Stationary covariance of Harvey's state for φ(B)xₜ = θ(B)εₜ, σ² = 1, into ws.P. The state is a
 * linear map A of (xₜ, …, xₜ₋ᵣ₊₁, εₜ, …, εₜ₋ᵣ₊₁), whose covariance comes from the autocovariances
 * γ and the ψ weights, so P₀ = A·Cov·Aᵀ in O(r³). False when φ is (numerically) not stationary.
 */
export function stationaryCovariance(ws: ArmaWorkspace, p: number, q: number): boolean {
  if (!autocovariances(ws, p, q)) return false;
  const { r, phi, theta, psi, gamma, A, G, C, P } = ws;
  const width = 2 * r;
  // Cov of (x lags 0…r−1, ε lags 0…r−1).
  for (let a = 0; a < r; a++) {
    for (let b = 0; b < r; b++) {
      C[a * width + b] = gamma[Math.abs(a - b)]!;
      C[(r + a) * width + r + b] = a === b ? 1 : 0;
      const xe = b >= a ? psi[b - a]! : 0;
      C[a * width + r + b] = xe;
      C[(r + b) * width + a] = xe;
    }
  }
  // A is sparse (seasonal φ and θ have few non-zero lags): keep each row's non-zero columns.
  const { nonzero, rowCount } = ws;
  A.fill(0);
  A[0] = 1;
  nonzero[0] = 0;
  rowCount[0] = 1;
  for (let i = 1; i < r; i++) {
    let count = 0;
    for (let l = 1; l <= r - i; l++) {
      const v = phi[i + l - 1]!;
      if (v !== 0) {
        A[i * width + l] = v;
        nonzero[i * width + count++] = l;
      }
    }
    for (let l = 0; l <= r - 1 - i; l++) {
      const v = theta[i + l - 1]!;
      if (v !== 0) {
        A[i * width + r + l] = v;
        nonzero[i * width + count++] = r + l;
      }
    }
    rowCount[i] = count;
  }
  for (let i = 0; i < r; i++) {
    const count = rowCount[i]!;
    for (let b = 0; b < width; b++) {
      let v = 0;
      for (let c = 0; c < count; c++) {
        const a = nonzero[i * width + c]!;
        v += A[i * width + a]! * C[a * width + b]!;
      }
      G[i * width + b] = v;
    }
  }
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      let v = 0;
      const count = rowCount[j]!;
      for (let c = 0; c < count; c++) {
        const b = nonzero[j * width + c]!;
        v += G[i * width + b]! * A[j * width + b]!;
      }
      P[i * r + j] = v;
      P[j * r + i] = v;
    }
  }
  return true;
}

/** Gaussian elimination with partial pivoting on an n × (n + 1) augmented matrix; the solution replaces the last column. */
function solveAugmented(m: Float64Array, n: number): boolean {
  const w = n + 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++)
      if (Math.abs(m[row * w + col]!) > Math.abs(m[pivot * w + col]!)) pivot = row;
    const value = m[pivot * w + col]!;
    if (!(Math.abs(value) > 1e-12)) return false;
    if (pivot !== col)
      for (let k = col; k < w; k++) {
        const tmp = m[col * w + k]!;
        m[col * w + k] = m[pivot * w + k]!;
        m[pivot * w + k] = tmp;
      }
    for (let row = col + 1; row < n; row++) {
      const factor = m[row * w + col]! / value;
      if (factor === 0) continue;
      for (let k = col + 1; k < w; k++) m[row * w + k] = m[row * w + k]! - factor * m[col * w + k]!;
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let v = m[row * w + n]!;
    for (let k = row + 1; k < n; k++) v -= m[row * w + k]! * m[k * w + n]!;
    m[row * w + n] = v / m[row * w + row]!;
  }
  return true;
}
