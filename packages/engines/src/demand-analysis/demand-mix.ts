// The mix of a node's demand: which segments, channels or regions it comes from, as shares that
// add up to exactly 100 % — a mix table whose rows sum to 99.99 % makes a planner doubt every row.

import { apportion } from "../plan/apportion";

export interface MixShare {
  readonly key: string;
  readonly quantity: number;
  /** Share of the total in hundredths of a percent (basis points); the shares sum to 10,000. */
  readonly basisPoints: number;
}

/**
 * Shares of `rows`' quantities, largest first (ties by key). The shares are whole basis points
 * apportioned by the largest remainder, so they add up to exactly 100.00 % and each is within
 * 0.01 % of its exact share. Rows with no positive quantity get 0; with no demand at all every
 * share is 0. Rows with the same key are added together.
 */
export function demandMix(rows: readonly { readonly key: string; readonly quantity: number }[]): MixShare[] {
  const byKey = new Map<string, number>();
  for (const row of rows) byKey.set(row.key, (byKey.get(row.key) ?? 0) + row.quantity);
  const sorted = [...byKey].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const total = sorted.reduce((s, [, q]) => s + Math.max(0, q), 0);
  const points =
    total > 0
      ? apportion(
          10_000,
          sorted.map(([, q]) => q),
        )
      : sorted.map(() => 0);
  return sorted.map(([key, quantity], i) => ({ key, quantity, basisPoints: points[i]! }));
}
