// Scale-dependent and percentage point-forecast errors: MAE, RMSE, MAPE, sMAPE, WAPE, bias and the
// tracking signal. All take the actuals and the forecasts for the same periods, in demand units.

/** Throws when the two series cannot be compared period by period; a caller bug, not bad data. */
export function assertPaired(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length) {
    throw new RangeError(`actual has ${actual.length} values but forecast has ${forecast.length}`);
  }
  if (actual.length === 0) throw new RangeError("cannot score an empty forecast");
}

/** MAE = Σ|yₜ − ŷₜ| / n, in demand units. Throws on empty or mismatched input. */
export function mae(actual: readonly number[], forecast: readonly number[]): number {
  assertPaired(actual, forecast);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += Math.abs(actual[t]! - forecast[t]!);
  return sum / actual.length;
}

/** RMSE = √(Σ(yₜ − ŷₜ)² / n), in demand units. Throws on empty or mismatched input. */
export function rmse(actual: readonly number[], forecast: readonly number[]): number {
  assertPaired(actual, forecast);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += (actual[t]! - forecast[t]!) ** 2;
  return Math.sqrt(sum / actual.length);
}

/**
 * MAPE = 100 · Σ|yₜ − ŷₜ| / |yₜ| / n, in percent. Periods with yₜ = 0 are left out (the ratio is
 * undefined there); NaN when every actual is zero.
 */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  assertPaired(actual, forecast);
  let sum = 0;
  let count = 0;
  for (let t = 0; t < actual.length; t++) {
    const y = actual[t]!;
    if (y === 0) continue;
    sum += Math.abs(y - forecast[t]!) / Math.abs(y);
    count++;
  }
  return count === 0 ? Number.NaN : (100 * sum) / count;
}

/**
 * sMAPE = (1/n) Σ 200 · |yₜ − ŷₜ| / (|yₜ| + |ŷₜ|), in percent (0–200), as in the M3/M4
 * competitions. A period where both actual and forecast are zero is a perfect forecast and counts 0.
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  assertPaired(actual, forecast);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) {
    const y = actual[t]!;
    const f = forecast[t]!;
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator > 0) sum += (200 * Math.abs(y - f)) / denominator;
  }
  return sum / actual.length;
}

/**
 * WAPE = 100 · Σ|yₜ − ŷₜ| / Σ|yₜ|, in percent: MAE relative to mean demand, robust to zero periods.
 * NaN when all actuals are zero.
 */
export function wape(actual: readonly number[], forecast: readonly number[]): number {
  assertPaired(actual, forecast);
  let errors = 0;
  let volume = 0;
  for (let t = 0; t < actual.length; t++) {
    errors += Math.abs(actual[t]! - forecast[t]!);
    volume += Math.abs(actual[t]!);
  }
  return volume === 0 ? Number.NaN : (100 * errors) / volume;
}

/**
 * Bias = Σ(ŷₜ − yₜ) / n, in demand units: positive means over-forecasting. (Textbooks that define the
 * error as y − ŷ report the opposite sign.)
 */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  assertPaired(actual, forecast);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += forecast[t]! - actual[t]!;
  return sum / actual.length;
}

/**
 * Tracking signal = Σ(ŷₜ − yₜ) / MAD, in MADs, same sign as `bias`. Planners flag |TS| > 4 as a
 * biased forecast. 0 when every error is zero; ±Infinity cannot happen because MAD = 0 implies a zero
 * sum.
 */
export function trackingSignal(actual: readonly number[], forecast: readonly number[]): number {
  const mad = mae(actual, forecast);
  if (mad === 0) return 0;
  return (bias(actual, forecast) * actual.length) / mad;
}
