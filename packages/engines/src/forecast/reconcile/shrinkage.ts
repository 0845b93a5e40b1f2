// The MinT-shrink error covariance (Wickramasuriya, Athanasopoulos & Hyndman 2019): the sample
// covariance of the base forecasts' one-step residuals shrunk towards its diagonal with the
// Schäfer–Strimmer (2005) intensity λ. Never formed as an N × N matrix: with N nodes and T residual
// periods (T ≪ N), λ comes from the T × T Gram matrix and W·v from two passes over the residuals.

/** W = λ·D + (1 − λ)·RᵀR/T, D = diag(RᵀR/T); R is T × N, uncentred as in the reference method. */
export interface ShrunkCovariance {
  readonly lambda: number;
  /** Diagonal of the sample covariance, floored so that W stays positive definite. */
  readonly variances: Float64Array;
  /** Residuals, node-major: residuals[i][t]. */
  readonly residuals: readonly (readonly number[])[];
  readonly periods: number;
}

export function shrunkCovariance(residuals: readonly (readonly number[])[]): ShrunkCovariance {
  const nodes = residuals.length;
  const periods = residuals[0]?.length ?? 0;
  const variances = new Float64Array(nodes);
  let meanVariance = 0;
  for (let i = 0; i < nodes; i++) {
    let sum = 0;
    for (const r of residuals[i]!) sum += r * r;
    variances[i] = sum / periods;
    meanVariance += variances[i]! / nodes;
  }
  // A node with no error at all (e.g. an empty history) still needs a positive variance.
  const floor = Math.max(meanVariance * 1e-9, Number.MIN_VALUE);

  // Standardised residuals x = r/σ of nodes with a variance; their Gram matrix G = X·Xᵀ (T × T)
  // gives every sum over node pairs that λ needs.
  const gram = new Float64Array(periods * periods);
  let fourth = 0; // Σᵢ Σₜ xₜᵢ⁴
  let squaredNorms = 0; // Σᵢ (Σₜ xₜᵢ²)²
  const x = new Float64Array(periods);
  for (let i = 0; i < nodes; i++) {
    if (!(variances[i]! > floor)) continue;
    const scale = 1 / Math.sqrt(variances[i]!);
    let norm = 0;
    for (let t = 0; t < periods; t++) {
      x[t] = residuals[i]![t]! * scale;
      norm += x[t]! * x[t]!;
      fourth += x[t]! ** 4;
    }
    squaredNorms += norm * norm;
    for (let t = 0; t < periods; t++) {
      if (x[t] === 0) continue;
      for (let u = 0; u < periods; u++) gram[t * periods + u]! += x[t]! * x[u]!;
    }
  }
  let gramDiagonal = 0; // Σₜ Gₜₜ² = Σᵢ,ⱼ Σₜ xₜᵢ²xₜⱼ²
  let gramFrobenius = 0; // Σₜ,ᵤ Gₜᵤ² = Σᵢ,ⱼ (Σₜ xₜᵢxₜⱼ)²
  for (let t = 0; t < periods; t++) {
    gramDiagonal += gram[t * periods + t]! ** 2;
    for (let u = 0; u < periods; u++) gramFrobenius += gram[t * periods + u]! ** 2;
  }
  // Off-diagonal sums (i ≠ j) of Var(r̂ᵢⱼ) and of r̂ᵢⱼ², the sample correlations.
  const n = periods;
  const offCross = gramFrobenius - squaredNorms;
  const varianceSum = n > 1 ? (gramDiagonal - fourth - offCross / n) / (n * (n - 1)) : 0;
  const correlationSum = offCross / (n * n);
  const lambda = correlationSum > 0 ? Math.min(1, Math.max(0, varianceSum / correlationSum)) : 1;
  for (let i = 0; i < nodes; i++) variances[i] = Math.max(variances[i]!, floor);
  return { lambda, variances, residuals, periods };
}

/** W·v without forming W. */
export function multiplyShrunk(w: ShrunkCovariance, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = w.lambda * w.variances[i]! * v[i]!;
  if (w.lambda === 1) return out;
  const rv = new Float64Array(w.periods); // R·v
  w.residuals.forEach((row, i) => {
    const vi = v[i]!;
    if (vi !== 0) for (let t = 0; t < w.periods; t++) rv[t]! += row[t]! * vi;
  });
  const weight = (1 - w.lambda) / w.periods;
  w.residuals.forEach((row, i) => {
    let dot = 0;
    for (let t = 0; t < w.periods; t++) dot += row[t]! * rv[t]!;
    out[i]! += weight * dot;
  });
  return out;
}
