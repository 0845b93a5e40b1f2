// Croston's method and its corrections for intermittent demand: separate smoothing of demand sizes
// and of how often demand occurs, giving a flat demand rate per period.

/** SES started at the first value: ℓ₁ = x₁, ℓₜ = ℓₜ₋₁ + α(xₜ − ℓₜ₋₁); returns ℓₙ. */
function smoothFromFirst(x: readonly number[], alpha: number): number {
  let level = x[0]!;
  for (let t = 1; t < x.length; t++) level += alpha * (x[t]! - level);
  return level;
}

/** Non-zero demand sizes and the intervals before each (the first counted from the series start). */
export function demandEvents(y: readonly number[]): { sizes: number[]; intervals: number[] } {
  const sizes: number[] = [];
  const intervals: number[] = [];
  let previous = -1;
  y.forEach((v, t) => {
    if (v > 0) {
      sizes.push(v);
      intervals.push(t - previous);
      previous = t;
    }
  });
  return { sizes, intervals };
}

/**
 * Croston (1972): ẑ = SES of the non-zero sizes, p̂ = SES of the inter-demand intervals (both
 * started at their first value, α = 0.1 by default); the per-period forecast is ẑ/p̂ for every step.
 * A history without demand forecasts 0. `debias` applies the Syntetos–Boylan approximation factor
 * (1 − α/2), i.e. SBA.
 */
export function croston(y: readonly number[], h: number, alpha = 0.1, debias = false): number[] {
  const { sizes, intervals } = demandEvents(y);
  if (sizes.length === 0) return new Array<number>(h).fill(0);
  const rate = smoothFromFirst(sizes, alpha) / smoothFromFirst(intervals, alpha);
  return new Array<number>(h).fill(debias ? (1 - alpha / 2) * rate : rate);
}

/** SBA (Syntetos & Boylan 2005): Croston multiplied by (1 − α/2) to remove its upward bias. */
export function sba(y: readonly number[], h: number, alpha = 0.1): number[] {
  return croston(y, h, alpha, true);
}

/**
 * TSB (Teunter, Syntetos & Babai 2011): the demand probability is smoothed every period
 * (p̂ ← p̂ + α_p(1[yₜ>0] − p̂), started at 1[y₁>0]) and the size only when demand occurs
 * (ẑ ← ẑ + α_d(yₜ − ẑ), started at the first demand); forecast p̂·ẑ. Unlike Croston it decays
 * towards 0 when demand stops, which suits obsolescence.
 */
export function tsb(y: readonly number[], h: number, alphaDemand = 0.1, alphaProbability = 0.1): number[] {
  const { sizes } = demandEvents(y);
  if (sizes.length === 0) return new Array<number>(h).fill(0);
  const probability = smoothFromFirst(
    y.map((v) => (v > 0 ? 1 : 0)),
    alphaProbability,
  );
  return new Array<number>(h).fill(probability * smoothFromFirst(sizes, alphaDemand));
}
