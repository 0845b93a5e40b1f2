// A quasi-Newton (BFGS) minimiser with central-difference gradients: ARIMA likelihoods are smooth
// in the transformed parameters, and R's `arima` fits them this way. See docs/decisions/0302-arima.md.

import type { Minimum } from "./nelder-mead";

export interface BfgsOptions {
  /** Stop when one step lowers f by no more than relativeTolerance·(|f| + relativeTolerance). */
  readonly relativeTolerance?: number;
  /** Iteration cap (gradient evaluations), default 100 as in R's `optim`. */
  readonly maxIterations?: number;
  /** Half-width of the central difference per coordinate, default 0.001 (R's `ndeps`). */
  readonly differenceStep?: number;
}

const ACCEPT = 1e-4; // Armijo sufficient-decrease constant
const SHRINK = 0.2; // backtracking factor

/**
 * Minimises f from x₀ by BFGS updates of an inverse-Hessian estimate with a backtracking line search
 * (the scheme of Nash's variable-metric method used by R's `optim(method = "BFGS")`): the estimate
 * restarts from the identity when a direction is not downhill or a step fails, and the search ends
 * when a restarted step fails too. Gradients are (f(x + hεᵢ) − f(x − hεᵢ))/2h; NaN counts as +∞.
 * Deterministic, and allocates only at the start.
 */
export function bfgs(
  f: (x: Float64Array) => number,
  x0: readonly number[],
  options: BfgsOptions = {},
): Minimum {
  const n = x0.length;
  const relTol = options.relativeTolerance ?? 1.490116e-8;
  const maxIterations = options.maxIterations ?? 100;
  const h = options.differenceStep ?? 1e-3;
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const x = Float64Array.from(x0);
  const trial = new Float64Array(n);
  const g = new Float64Array(n);
  const gNew = new Float64Array(n);
  const dir = new Float64Array(n);
  const s = new Float64Array(n);
  const yv = new Float64Array(n);
  const By = new Float64Array(n);
  const B = new Float64Array(n * n);
  const gradient = (at: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      const keep = at[i]!;
      at[i] = keep + h;
      const up = evaluate(at);
      at[i] = keep - h;
      const down = evaluate(at);
      at[i] = keep;
      out[i] = (up - down) / (2 * h);
    }
  };
  const resetMetric = () => {
    B.fill(0);
    for (let i = 0; i < n; i++) B[i * n + i] = 1;
  };

  let fx = evaluate(x);
  if (n === 0 || !Number.isFinite(fx))
    return { x: [...x], value: fx, iterations: 0, evaluations, converged: false };
  gradient(x, g);
  resetMetric();
  let justReset = true;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    if (!g.every(Number.isFinite)) break;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= B[i * n + j]! * g[j]!;
      dir[i] = sum;
      slope += sum * g[i]!;
    }
    if (slope >= 0) {
      if (justReset) {
        converged = true;
        break;
      }
      resetMetric();
      justReset = true;
      continue;
    }
    let step = 1;
    let fNew = Number.POSITIVE_INFINITY;
    let moved = true;
    while (true) {
      moved = false;
      for (let i = 0; i < n; i++) {
        trial[i] = x[i]! + step * dir[i]!;
        if (trial[i] !== x[i]) moved = true;
      }
      if (!moved) break;
      fNew = evaluate(trial);
      if (fNew <= fx + ACCEPT * step * slope) break;
      step *= SHRINK;
    }
    if (!moved) {
      if (justReset) {
        converged = true;
        break;
      }
      resetMetric();
      justReset = true;
      continue;
    }
    const small = Math.abs(fx - fNew) <= relTol * (Math.abs(fx) + relTol);
    for (let i = 0; i < n; i++) {
      s[i] = trial[i]! - x[i]!;
      x[i] = trial[i]!;
    }
    fx = fNew;
    if (small) {
      converged = true;
      break;
    }
    gradient(x, gNew);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      yv[i] = gNew[i]! - g[i]!;
      sy += s[i]! * yv[i]!;
      g[i] = gNew[i]!;
    }
    if (sy > 0) {
      let yBy = 0;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += B[i * n + j]! * yv[j]!;
        By[i] = sum;
        yBy += yv[i]! * sum;
      }
      const c = (1 + yBy / sy) / sy;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          B[i * n + j] = B[i * n + j]! + c * s[i]! * s[j]! - (By[i]! * s[j]! + s[i]! * By[j]!) / sy;
      justReset = false;
    } else {
      resetMetric();
      justReset = true;
    }
  }
  return { x: [...x], value: fx, iterations, evaluations, converged };
}
