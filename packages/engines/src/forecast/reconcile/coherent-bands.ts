// From base forecasts at every node of a hierarchy to a coherent forecast with bands: the medians
// are reconciled (MinT-shrink on the models' one-step residuals) so that every aggregate equals the
// sum of its children, and each node keeps the band its own model calibrated, moved with its median.
// Summing children's P10s and P90s instead would overstate an aggregate's spread, because the
// children's surprises partly cancel.

import type { Forecast } from "../forecast-types";
import type { HierarchyTree } from "./hierarchy-tree";
import { type ReconciliationMethod, reconcile } from "./reconcile";

export interface CoherentBand {
  readonly p10: readonly number[];
  readonly p50: readonly number[];
  readonly p90: readonly number[];
}

export interface CoherentForecast {
  /** By node index of the tree. */
  readonly bands: readonly CoherentBand[];
  readonly method: ReconciliationMethod;
  readonly lambda?: number;
  readonly notes: readonly string[];
}

/**
 * `forecasts[i]` is node i's base forecast from its own history `histories[i]` (all histories of
 * the same length, aligned on the same last period, zeros before a series began). Residuals are
 * history − fitted over the common window (0 where a model has no fitted value). MinT-shrink when at
 * least two residual periods exist, bottom-up otherwise. Bands: P10 and P90 keep their distance from
 * the node's own median, floored at 0 for non-negative demand.
 */
export function coherentForecast(
  tree: HierarchyTree,
  forecasts: readonly Forecast[],
  histories: readonly (readonly number[])[],
): CoherentForecast {
  const horizon = forecasts[0]?.point.length ?? 0;
  const length = histories[0]?.length ?? 0;
  const residuals = forecasts.map((f, i) => {
    const history = histories[i]!;
    // The forecast's fitted values cover the series from its first demand: align them to the end.
    const offset = length - f.fitted.length;
    return history.map((actual, t) => {
      const fitted = t >= offset ? f.fitted[t - offset] : null;
      return fitted === null || fitted === undefined ? 0 : actual - fitted;
    });
  });
  const nodes = tree.ids.map((id, i) => ({
    id,
    parent: tree.parents[i]! >= 0 ? tree.ids[tree.parents[i]!]! : null,
  }));
  const method: ReconciliationMethod = length >= 2 ? "mint-shrink" : "bottom-up";
  const result = reconcile({
    nodes,
    forecasts: forecasts.map((f) => f.point),
    method,
    residuals,
    nonNegative: true,
  });
  if (!result.ok) throw new Error(`reconciliation of a valid tree failed: ${result.issues.join("; ")}`);
  const { reconciliation } = result;
  const bands = forecasts.map((f, i) => {
    const p50 = reconciliation.forecasts[i]!;
    const shift = (level: number) => {
      const band = f.quantiles.find((q) => Math.abs(q.level - level) < 1e-9)?.values ?? f.point;
      return Array.from({ length: horizon }, (_, j) => Math.max(0, band[j]! - f.point[j]! + p50[j]!));
    };
    return { p10: shift(0.1), p50, p90: shift(0.9) };
  });
  return { bands, method, lambda: reconciliation.lambda, notes: reconciliation.notes };
}
