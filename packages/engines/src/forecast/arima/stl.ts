// STL decomposition (Cleveland et al. 1990, non-robust, as R's `stl` with the windows forecast::mstl
// chooses), used only to measure seasonal strength for the seasonal-difference decision.

const nextOdd = (x: number): number => {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
};

/** Seasonal and trend components of y (length n) with period m. */
export interface StlDecomposition {
  readonly seasonal: Float64Array;
  readonly trend: Float64Array;
}

/**
 * STL with s.window = 11 (mstl's first window), s.degree 0, t.window = nextodd(⌈1.5m/(1 − 1.5/11)⌉),
 * l.window = nextodd(m), degrees 1, jumps ⌈window/10⌉, two inner passes and no robustness passes —
 * R's defaults. Needs n > 2m.
 */
export function stl(y: ArrayLike<number>, period: number): StlDecomposition {
  const n = y.length;
  const np = Math.max(2, period);
  const ns = 11;
  const nt = Math.max(3, nextOdd(Math.ceil((1.5 * np) / (1 - 1.5 / ns))));
  const nl = Math.max(3, nextOdd(np));
  const jump = (w: number) => Math.ceil(w / 10);
  // 1-based work arrays, as the loess windows are defined on positions 1…n.
  const yy = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) yy[i] = y[i - 1]!;
  const trend = new Float64Array(n + 1);
  const season = new Float64Array(n + 1);
  const detrended = new Float64Array(n + 1);
  const cycle = new Float64Array(n + 2 * np + 1);
  const low = new Float64Array(n + 2 * np + 1);
  const lowSmooth = new Float64Array(n + 1);
  const scratch = new Float64Array(n + 2 * np + 1);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 1; i <= n; i++) detrended[i] = yy[i]! - trend[i]!;
    cycleSubseries(detrended, n, np, ns, 0, jump(ns), cycle);
    lowPass(cycle, n + 2 * np, np, low, scratch);
    loess(low, n, nl, 1, jump(nl), lowSmooth);
    for (let i = 1; i <= n; i++) season[i] = cycle[np + i]! - lowSmooth[i]!;
    for (let i = 1; i <= n; i++) detrended[i] = yy[i]! - season[i]!;
    loess(detrended, n, nt, 1, jump(nt), trend);
  }
  return { seasonal: season.slice(1), trend: trend.slice(1) };
}

/** max(0, min(1, 1 − Var(R)/Var(S + R))) with S and R the STL seasonal and remainder parts. */
export function seasonalStrength(y: ArrayLike<number>, period: number): number {
  const { seasonal, trend } = stl(y, period);
  const n = y.length;
  const remainder = new Float64Array(n);
  const detrended = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    remainder[t] = y[t]! - seasonal[t]! - trend[t]!;
    detrended[t] = remainder[t]! + seasonal[t]!;
  }
  const total = variance(detrended);
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(1, 1 - variance(remainder) / total));
}

function variance(x: Float64Array): number {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let sum = 0;
  for (const v of x) sum += (v - mean) * (v - mean);
  return sum / (x.length - 1);
}

/** Local (degree 0 or 1) tricube-weighted fit at position xs from y[nleft…nright]; NaN if no weight. */
function loessPoint(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
): number {
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += w[j]!;
    }
  }
  if (a <= 0) return Number.NaN;
  for (let j = nleft; j <= nright; j++) w[j] = w[j]! / a;
  if (h > 0 && degree > 0) {
    let centre = 0;
    for (let j = nleft; j <= nright; j++) centre += w[j]! * j;
    let b = xs - centre;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j]! * (j - centre) * (j - centre);
    if (Math.sqrt(c) > 0.001 * (n - 1)) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j] = w[j]! * (b * (j - centre) + 1);
    }
  }
  let value = 0;
  for (let j = nleft; j <= nright; j++) value += w[j]! * y[j]!;
  return value;
}

/** Loess smooth of y[1…n] into out[1…n], evaluated every `jump` points and interpolated between. */
function loess(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  jump: number,
  out: Float64Array,
): void {
  const w = new Float64Array(n + 1);
  if (n < 2) {
    out[1] = y[1]!;
    return;
  }
  const step = Math.min(jump, n - 1);
  const half = Math.trunc((len + 1) / 2);
  // The last evaluated window, reused for the final point as the Fortran does.
  let lastLeft = 1;
  let lastRight = n;
  const fit = (i: number, nleft: number, nright: number) => {
    lastLeft = nleft;
    lastRight = nright;
    const v = loessPoint(y, n, len, degree, i, nleft, nright, w);
    out[i] = Number.isNaN(v) ? y[i]! : v;
  };
  if (len >= n) {
    for (let i = 1; i <= n; i += step) fit(i, 1, n);
  } else if (step === 1) {
    let nleft = 1;
    let nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > half && nright !== n) {
        nleft++;
        nright++;
      }
      fit(i, nleft, nright);
    }
  } else {
    for (let i = 1; i <= n; i += step) {
      if (i < half) fit(i, 1, len);
      else if (i >= n - half + 1) fit(i, n - len + 1, n);
      else fit(i, i - half + 1, len + i - half);
    }
  }
  if (step === 1) return;
  for (let i = 1; i <= n - step; i += step) {
    const delta = (out[i + step]! - out[i]!) / step;
    for (let j = i + 1; j < i + step; j++) out[j] = out[i]! + delta * (j - i);
  }
  const k = Math.trunc((n - 1) / step) * step + 1;
  if (k !== n) {
    fit(n, lastLeft, lastRight);
    if (k !== n - 1) {
      const delta = (out[n]! - out[k]!) / (n - k);
      for (let j = k + 1; j < n; j++) out[j] = out[k]! + delta * (j - k);
    }
  }
}

/** Smooths each cycle-subseries and extends it by one period at both ends: out[1…n + 2m]. */
function cycleSubseries(
  y: Float64Array,
  n: number,
  np: number,
  ns: number,
  degree: number,
  jump: number,
  out: Float64Array,
): void {
  const maxK = Math.ceil(n / np) + 2;
  const sub = new Float64Array(maxK + 1);
  const smooth = new Float64Array(maxK + 2);
  const w = new Float64Array(maxK + 1);
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) sub[i] = y[(i - 1) * np + j]!;
    const fitted = new Float64Array(k + 1);
    loess(sub, k, ns, degree, jump, fitted);
    for (let i = 1; i <= k; i++) smooth[i + 1] = fitted[i]!;
    const before = loessPoint(sub, k, ns, degree, 0, 1, Math.min(ns, k), w);
    smooth[1] = Number.isNaN(before) ? smooth[2]! : before;
    const after = loessPoint(sub, k, ns, degree, k + 1, Math.max(1, k - ns + 1), k, w);
    smooth[k + 2] = Number.isNaN(after) ? smooth[k + 1]! : after;
    for (let m = 1; m <= k + 2; m++) out[(m - 1) * np + j] = smooth[m]!;
  }
}

/** Moving averages of lengths m, m and 3 of x[1…n]: n − 2m values into out[1…]. */
function lowPass(x: Float64Array, n: number, np: number, out: Float64Array, scratch: Float64Array): void {
  movingAverage(x, n, np, out);
  movingAverage(out, n - np + 1, np, scratch);
  movingAverage(scratch, n - 2 * np + 2, 3, out);
}

function movingAverage(x: Float64Array, n: number, len: number, out: Float64Array): void {
  let v = 0;
  for (let i = 1; i <= len; i++) v += x[i]!;
  out[1] = v / len;
  for (let j = 2; j <= n - len + 1; j++) {
    v = v - x[j - 1]! + x[len + j - 1]!;
    out[j] = v / len;
  }
}
