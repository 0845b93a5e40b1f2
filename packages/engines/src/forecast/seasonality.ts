// Detecting and removing multiplicative seasonality the way the M competitions' benchmarks do:
// an autocorrelation test at the seasonal lag, then classical decomposition.

/**
 * Sample autocorrelations r₁…r_maxLag as R's `acf`: r_k = Σ_{t=1}^{n−k}(yₜ − ȳ)(y_{t+k} − ȳ) / Σ(yₜ − ȳ)².
 * All zero for a constant series.
 */
export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let denominator = 0;
  for (const v of y) denominator += (v - mean) ** 2;
  const r: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let sum = 0;
    for (let t = 0; t + k < n; t++) sum += (y[t]! - mean) * (y[t + k]! - mean);
    r.push(denominator === 0 ? 0 : sum / denominator);
  }
  return r;
}

/**
 * The M4 benchmarks' 90 % seasonality test: seasonal when |r_m| > 1.645·√((1 + 2Σ_{k<m} r_k²)/n),
 * i.e. the lag-m autocorrelation exceeds its one-sided 90 % limit under Bartlett's variance. False for
 * period ≤ 1 or fewer than 3 full cycles.
 */
export function isSeasonal(y: readonly number[], period: number): boolean {
  if (period <= 1 || y.length < 3 * period) return false;
  const r = autocorrelations(y, period);
  let sum = 1;
  for (let k = 0; k < period - 1; k++) sum += 2 * r[k]! ** 2;
  const limit = 1.645 * Math.sqrt(sum / y.length);
  return Math.abs(r[period - 1]!) > limit;
}

/**
 * Seasonal indices of classical decomposition (R's `decompose`): a centred moving average of order m
 * (2×m for even m) as the trend, the per-position mean of yₜ/trendₜ (multiplicative) or yₜ − trendₜ
 * (additive) as the raw figure, normalised to mean 1 (or sum 0). Index i applies to observations
 * t ≡ i (mod m), with t = 0 the first observation. Needs at least two full cycles.
 */
export function classicalSeasonalIndices(
  y: readonly number[],
  period: number,
  type: "multiplicative" | "additive",
): number[] {
  const n = y.length;
  if (period < 2 || n < 2 * period) throw new RangeError(`decomposition needs two full cycles of ${period}`);
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    for (let j = -half; j <= half; j++) {
      const weight = even && Math.abs(j) === half ? 0.5 : 1;
      trend += weight * y[t + j]!;
    }
    trend /= period;
    const position = t % period;
    sums[position]! += type === "multiplicative" ? y[t]! / trend : y[t]! - trend;
    counts[position]!++;
  }
  const figure = sums.map((s, i) => s / counts[i]!);
  const mean = figure.reduce((a, b) => a + b, 0) / period;
  return figure.map((f) => (type === "multiplicative" ? f / mean : f - mean));
}

/** A series with its multiplicative seasonality divided out, and the way to put it back. */
export interface SeasonalAdjustment {
  /** Seasonally adjusted history (the input itself when no adjustment applied). */
  readonly adjusted: readonly number[];
  /** One index per cycle position (t mod m); empty when the series was not adjusted. */
  readonly indices: readonly number[];
}

/**
 * Divides out classical multiplicative seasonality when `isSeasonal` says so and the indices are
 * usable (all finite and positive, which fails for series with zero or negative values); otherwise
 * returns the series unchanged with no indices.
 */
export function seasonalAdjustment(y: readonly number[], period: number): SeasonalAdjustment {
  if (!isSeasonal(y, period)) return { adjusted: y, indices: [] };
  const indices = classicalSeasonalIndices(y, period, "multiplicative");
  if (!indices.every((s) => Number.isFinite(s) && s > 0)) return { adjusted: y, indices: [] };
  return { adjusted: y.map((v, t) => v / indices[t % period]!), indices };
}

/** Multiplies forecasts for periods n, n+1, … back by their seasonal index (identity when none). */
export function reseasonalise(
  forecast: readonly number[],
  adjustment: SeasonalAdjustment,
  historyLength: number,
): number[] {
  const m = adjustment.indices.length;
  if (m === 0) return [...forecast];
  return forecast.map((f, j) => f * adjustment.indices[(historyLength + j) % m]!);
}
