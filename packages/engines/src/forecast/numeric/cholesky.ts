// Symmetric positive-definite systems, as hierarchy reconciliation needs (C·W·Cᵀ·x = b for every
// forecast step): factor once, solve many times.

export interface CholeskyFactor {
  readonly size: number;
  /** Lower-triangular L with A = L·Lᵀ, row-major. */
  readonly lower: Float64Array;
}

/**
 * Factors a symmetric positive-definite A (row-major, k × k). A tiny ridge (1e-12 of the mean
 * diagonal) absorbs rounding in nearly singular matrices. Null when A is not positive definite.
 */
export function choleskyFactor(a: Float64Array, k: number): CholeskyFactor | null {
  const l = new Float64Array(k * k);
  let trace = 0;
  for (let i = 0; i < k; i++) trace += a[i * k + i]!;
  const ridge = (1e-12 * trace) / Math.max(k, 1);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * k + j]! + (i === j ? ridge : 0);
      for (let p = 0; p < j; p++) sum -= l[i * k + p]! * l[j * k + p]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j]!;
      }
    }
  }
  return { size: k, lower: l };
}

/** x with L·Lᵀ·x = b. */
export function choleskySolve(factor: CholeskyFactor, b: ArrayLike<number>): Float64Array {
  const { size: k, lower: l } = factor;
  const x = Float64Array.from(b);
  for (let i = 0; i < k; i++) {
    let sum = x[i]!;
    for (let p = 0; p < i; p++) sum -= l[i * k + p]! * x[p]!;
    x[i] = sum / l[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let p = i + 1; p < k; p++) sum -= l[p * k + i]! * x[p]!;
    x[i] = sum / l[i * k + i]!;
  }
  return x;
}
