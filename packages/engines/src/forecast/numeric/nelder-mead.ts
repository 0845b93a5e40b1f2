// A bounded Nelder–Mead simplex minimiser: derivative-free, which suits likelihoods of exponential
// smoothing models whose admissible region has corners. See docs/decisions/0300-forecast-optimiser.md.

export interface NelderMeadOptions {
  /** Lower bounds per coordinate; trial points are clamped into [lower, upper]. */
  readonly lower?: readonly number[];
  readonly upper?: readonly number[];
  /** Initial simplex edge per coordinate; default 5 % of |x₀ᵢ|, or 0.00025 where x₀ᵢ = 0. */
  readonly step?: readonly number[];
  /** Stop when f_max − f_min ≤ absoluteTolerance + relativeTolerance·|f_min| over the simplex. */
  readonly relativeTolerance?: number;
  readonly absoluteTolerance?: number;
  readonly maxIterations?: number;
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

/**
 * Minimises f from x₀ with the adaptive coefficients of Gao & Han (2012) (reflection 1, expansion
 * 1 + 2/n, contraction 0.75 − 1/(2n), shrink 1 − 1/n), which keep the method effective beyond a
 * handful of dimensions. f may return Infinity or NaN for inadmissible points; both count as +∞.
 * Deterministic: the same input always gives the same path.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): Minimum {
  const n = x0.length;
  const lower = options.lower;
  const upper = options.upper;
  const relTol = options.relativeTolerance ?? 1e-8;
  const absTol = options.absoluteTolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 200 * n;
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * Math.max(n, 1));
  const shrink = 1 - 1 / Math.max(n, 1);

  let evaluations = 0;
  const clamp = (x: Float64Array): Float64Array => {
    for (let i = 0; i < n; i++) {
      if (lower && x[i]! < lower[i]!) x[i] = lower[i]!;
      if (upper && x[i]! > upper[i]!) x[i] = upper[i]!;
    }
    return x;
  };
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };

  const simplex: Float64Array[] = [];
  const values: number[] = [];
  const start = clamp(Float64Array.from(x0));
  simplex.push(start);
  values.push(evaluate(start));
  for (let i = 0; i < n; i++) {
    const vertex = Float64Array.from(start);
    const step = options.step?.[i] ?? (start[i] !== 0 ? 0.05 * Math.abs(start[i]!) : 0.00025);
    vertex[i] = start[i]! + step;
    // Step inwards when the bound would swallow the move, so the simplex never starts degenerate.
    if (upper && vertex[i]! > upper[i]!) vertex[i] = start[i]! - step;
    clamp(vertex);
    simplex.push(vertex);
    values.push(evaluate(vertex));
  }

  // Vertices stay sorted by value (best first) and the sum of all vertices is kept up to date, so
  // an iteration costs O(n) bookkeeping instead of a sort and an O(n²) centroid: with a likelihood
  // as cheap as an ETS pass, that bookkeeping was half the time.
  const order = Array.from({ length: n + 1 }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const sum = new Float64Array(n);
  const resum = () => {
    sum.fill(0);
    for (const vertex of simplex) for (let i = 0; i < n; i++) sum[i]! += vertex[i]!;
  };
  resum();
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const trial2 = new Float64Array(n);
  const along = (from: Float64Array, coefficient: number, out: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = centroid[i]! + coefficient * (centroid[i]! - from[i]!);
    return clamp(out);
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const best = order[0]!;
    const worst = order[n]!;
    const fBest = values[best]!;
    const fWorst = values[worst]!;
    if (Number.isFinite(fWorst) && fWorst - fBest <= absTol + relTol * Math.abs(fBest)) {
      converged = true;
      break;
    }
    iterations++;
    // Rounding drift in the running sum is reset now and then.
    if (iterations % 64 === 0) resum();
    const xWorst = simplex[worst]!;
    for (let i = 0; i < n; i++) centroid[i] = (sum[i]! - xWorst[i]!) / n;
    const fSecondWorst = values[order[n - 1]!]!;
    const fReflect = evaluate(along(xWorst, reflect, trial));
    if (fReflect < fBest) {
      const fExpand = evaluate(along(xWorst, reflect * expand, trial2));
      if (fExpand < fReflect) replaceWorst(trial2, fExpand);
      else replaceWorst(trial, fReflect);
      continue;
    }
    if (fReflect < fSecondWorst) {
      replaceWorst(trial, fReflect);
      continue;
    }
    const outside = fReflect < fWorst;
    const fContract = evaluate(along(xWorst, outside ? reflect * contract : -contract, trial2));
    if (fContract < (outside ? fReflect : fWorst)) {
      replaceWorst(trial2, fContract);
      continue;
    }
    const xBest = simplex[best]!;
    for (let k = 1; k <= n; k++) {
      const index = order[k]!;
      const vertex = simplex[index]!;
      for (let i = 0; i < n; i++) vertex[i] = xBest[i]! + shrink * (vertex[i]! - xBest[i]!);
      values[index] = evaluate(clamp(vertex));
    }
    order.sort((a, b) => values[a]! - values[b]!);
    resum();
  }

  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if (values[k]! < values[bestIndex]!) bestIndex = k;
  return {
    x: Array.from(simplex[bestIndex]!),
    value: values[bestIndex]!,
    iterations,
    evaluations,
    converged,
  };

  /** Puts `point` in place of the worst vertex and moves it to its rank (ties after older vertices). */
  function replaceWorst(point: Float64Array, value: number): void {
    const index = order[n]!;
    const vertex = simplex[index]!;
    for (let i = 0; i < n; i++) sum[i]! += point[i]! - vertex[i]!;
    vertex.set(point);
    values[index] = value;
    let k = n;
    while (k > 0 && values[order[k - 1]!]! > value) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = index;
  }
}
