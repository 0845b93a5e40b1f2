// Each SKU's underlying monthly demand in units, before promotions and order-line noise: real M1
// shapes, level × trend × season × noise, or lumpy low runners, then scaled by the SKU's
// lifecycle. Covers the history months plus the current month and three ahead, which open
// orders draw on. Volumes are those of a mid-size bottler (tens of thousands of units per SKU and
// month): the lines' hours per unit are calibrated on this volume, and at a twentieth of it they
// came out at 400 bottles an hour, a conversion cost that ate the whole margin.

import type { FinishedSku } from "./company-model";
import type { M1Series } from "./demo-options";
import { LAUNCH_SCALE_PCT, lifecycleFactor } from "./lifecycle";
import { stream } from "./random";

/** Months of demand beyond the history: the current month and the three after it. */
export const MONTHS_AHEAD = 4;

export interface DemandModel {
  /** Per SKU, units per month for months 0 … historyMonths + MONTHS_AHEAD − 1. */
  readonly monthly: readonly Float64Array[];
}

/**
 * @param firstCalendarMonth calendar month (1–12) of the first history month.
 */
export function buildDemandModel(
  seed: number,
  skus: readonly FinishedSku[],
  historyMonths: number,
  firstCalendarMonth: number,
  m1: readonly M1Series[],
): DemandModel {
  const months = historyMonths + MONTHS_AHEAD;
  const shapes = m1.filter(
    (s) => s.values.length >= historyMonths && mean(s.values.slice(-historyMonths)) > 0,
  );
  const underlying: Float64Array[] = [];
  for (const sku of skus) {
    const rng = stream(seed, "demand", sku.index);
    const series = new Float64Array(months);
    const season = (t: number) => sku.family.season[(firstCalendarMonth - 1 + t) % 12]!;
    const level = rng.logNormal(sku.pack.count === 1 ? 28_000 : 18_000, 0.8);
    if (sku.lifecycle === "successor" && sku.predecessor !== undefined) {
      series.set(underlying[sku.predecessor]!);
    } else if (sku.demandKind === "m1" && shapes.length > 0) {
      const shape = shapes[rng.int(0, shapes.length - 1)]!.values.slice(-historyMonths);
      const scale = level / mean(shape);
      for (let t = 0; t < months; t++) series[t] = t < historyMonths ? shape[t]! * scale : series[t - 12]!;
    } else if (sku.demandKind === "intermittent") {
      const occurs = rng.between(0.2, 0.5);
      const size = rng.logNormal(900, 0.5);
      for (let t = 0; t < months; t++) series[t] = rng.chance(occurs) ? rng.logNormal(size, 0.6) : 0;
    } else {
      const like =
        sku.lifecycle === "launch" && sku.predecessor !== undefined ? underlying[sku.predecessor] : undefined;
      const base = like ? (recentMean(like, historyMonths) * LAUNCH_SCALE_PCT) / 100 : level;
      // A SKU being phased out was already losing ground before its ramp-down.
      const growth = sku.lifecycle === "phase_out" ? rng.between(-0.25, -0.15) : rng.between(-0.04, 0.1);
      const noise = rng.between(0.06, 0.2);
      const seasonStrength = rng.between(0.7, 1.3);
      for (let t = 0; t < months; t++) {
        const seasonal = 1 + (season(t) - 1) * seasonStrength;
        series[t] = base * (1 + growth) ** ((t - historyMonths) / 12) * seasonal * rng.logNormal(1, noise);
      }
    }
    underlying.push(series);
  }
  const monthly = skus.map((sku, i) => {
    const series = Float64Array.from(underlying[i]!);
    for (let t = 0; t < months; t++) series[t]! *= lifecycleFactor(sku.lifecycle, historyMonths, t);
    return series;
  });
  return { monthly };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? 0 : sum / values.length;
}

function recentMean(series: Float64Array, historyMonths: number): number {
  return Math.max(50, mean(series.subarray(Math.max(0, historyMonths - 12), historyMonths)));
}
