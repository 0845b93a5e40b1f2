// ADIDA (Nikolopoulos et al. 2011): forecast intermittent demand on temporally aggregated buckets,
// where it looks smooth, then spread the bucket forecast back over its periods.

import type { FittedValues } from "../fitted-values";
import { fitSes } from "../ses";
import { demandEvents } from "./croston";

/**
 * Aggregates the history into non-overlapping buckets of k = round(mean inter-demand interval)
 * periods, counted back from the last period (older leftovers dropped), forecasts the bucket totals
 * with SES (α estimated when there are at least 7 buckets, else 0.1 from the first bucket) and
 * returns total/k for every step. 0 for a history without demand.
 */
export function adida(y: readonly number[], h: number): number[] {
  return adidaFit(y, h).forecast;
}

/**
 * ADIDA with in-sample fitted values: every period of a bucket gets the bucket's one-step SES
 * forecast ÷ k. None for the dropped leftover periods, nor for the first bucket when SES is started
 * from it (α = 0.1).
 */
export function adidaFit(y: readonly number[], h: number): { forecast: number[]; fitted: FittedValues } {
  const { sizes, intervals } = demandEvents(y);
  if (sizes.length === 0) return { forecast: new Array<number>(h).fill(0), fitted: y.map(() => 0) };
  const meanInterval = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  const k = Math.max(1, Math.min(Math.round(meanInterval), y.length));
  const buckets: number[] = [];
  for (let end = y.length; end - k >= 0; end -= k) {
    let total = 0;
    for (let t = end - k; t < end; t++) total += y[t]!;
    buckets.unshift(total);
  }
  const fit = buckets.length >= 7 ? fitSes(buckets) : null;
  // One-step bucket forecasts: the SES fit's, or α = 0.1 started at the first bucket.
  const bucketFitted: (number | null)[] = fit ? [...fit.fitted] : [null];
  let level = buckets[0]!;
  if (fit) level = fit.level;
  else
    for (let i = 1; i < buckets.length; i++) {
      bucketFitted.push(level);
      level += 0.1 * (buckets[i]! - level);
    }
  const leftover = y.length - buckets.length * k;
  const fitted = y.map((_, t) => {
    if (t < leftover) return null;
    const bucket = bucketFitted[Math.floor((t - leftover) / k)];
    return bucket === null || bucket === undefined ? null : Math.max(bucket, 0) / k;
  });
  return { forecast: new Array<number>(h).fill(Math.max(level, 0) / k), fitted };
}
