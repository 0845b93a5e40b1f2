// Totals at any level of the product hierarchy and any time bucket, computed the one way the
// server, the CLI and the web app all show: leaves add up to their nodes, months to quarters and
// years.

import { bucketOf, type PeriodKey, periodStart } from "@fulcrum/domain";
import { buildHierarchy, type HierarchyNodeInput, sumUp } from "../forecast/reconcile/hierarchy-tree";

export type TimeGrain = "month" | "quarter" | "year";

/**
 * The bucket a period falls in: the period itself for `month`, "2026-Q1" for `quarter`, "2026" for
 * `year`. A weekly period belongs to the quarter of its Monday and to its ISO year.
 */
export function timeBucket(period: PeriodKey, grain: TimeGrain): string {
  if (grain === "month") return period;
  if (grain === "year") return period.slice(0, 4);
  const month =
    bucketOf(period) === "month" ? Number(period.slice(5, 7)) : Number(periodStart(period).slice(5, 7));
  return `${period.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export interface BucketedSeries {
  readonly buckets: string[];
  /** Sum per bucket; null where every period of the bucket is null (no plan there). */
  readonly values: (number | null)[];
}

/** Sums a series over time buckets, in the periods' order. */
export function rollUpPeriods(
  periods: readonly PeriodKey[],
  values: readonly (number | null)[],
  grain: TimeGrain,
): BucketedSeries {
  const buckets: string[] = [];
  const sums: (number | null)[] = [];
  periods.forEach((period, i) => {
    const bucket = timeBucket(period, grain);
    if (buckets.at(-1) !== bucket) {
      buckets.push(bucket);
      sums.push(null);
    }
    const v = values[i];
    if (v !== null && v !== undefined) sums[sums.length - 1] = (sums.at(-1) ?? 0) + v;
  });
  return { buckets, values: sums };
}

/**
 * Every node's series as the sum of the leaves below it. `leaves` holds the leaf series (all of
 * the same length); a leaf with no series counts as zeros. Throws on a malformed hierarchy
 * (duplicate ids, unknown parents, cycles): the hierarchy comes from the database, so that is a bug.
 */
export function rollUpHierarchy(
  nodes: readonly HierarchyNodeInput[],
  leaves: ReadonlyMap<string, readonly number[]>,
  width: number,
): Map<string, number[]> {
  const built = buildHierarchy(nodes);
  if (!built.ok) throw new Error(`cannot roll up: ${built.issues.join("; ")}`);
  const { tree } = built;
  const values = tree.ids.map((id) => [...(leaves.get(id) ?? new Array<number>(width).fill(0))]);
  sumUp(tree, values);
  return new Map(tree.ids.map((id, i) => [id, values[i]!]));
}
