// Least-squares straight line through a series against time, used by drift, Theta and ETS start values.

export interface Line {
  /** Value at t = 0 (the time index of the first observation is `firstIndex`). */
  readonly intercept: number;
  /** Change per period. */
  readonly slope: number;
}

/**
 * OLS fit of yₜ = a + b·t for t = firstIndex, firstIndex + 1, …: b = Σ(t − t̄)(yₜ − ȳ)/Σ(t − t̄)²,
 * a = ȳ − b·t̄. A single value gives slope 0. Throws on empty input.
 */
export function linearTrend(y: ArrayLike<number>, firstIndex = 0, count = y.length): Line {
  if (count === 0) throw new RangeError("cannot fit a line to an empty series");
  const tMean = firstIndex + (count - 1) / 2;
  let yMean = 0;
  for (let i = 0; i < count; i++) yMean += y[i]!;
  yMean /= count;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < count; i++) {
    const dt = firstIndex + i - tMean;
    sxy += dt * (y[i]! - yMean);
    sxx += dt * dt;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: yMean - slope * tMean, slope };
}
