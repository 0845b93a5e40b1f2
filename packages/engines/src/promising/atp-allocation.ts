// Allocation of ATP by customer segment. Far enough ahead, each segment's share of a period's ATP is
// kept for it, so a run of orders from one channel cannot take what another was planned to get; from
// a cut-off before the period the allocation is released and every segment may take what is left.
// The pools are consumed by promises in the order they were accepted, each line from its delivery
// period backwards (stock received earlier can be delivered later, never the reverse).

import { apportion } from "../plan/apportion";
import type { Atp } from "./available-to-promise";

/** A segment's allocation: its share of each period's ATP, kept for it until the cut-off. */
export interface SegmentAtpAllocation {
  /** Share of a protected period's ATP kept for the segment (0–1; all shares sum to at most 1). */
  readonly share: number;
  /** Periods before a period's start at which the segment's share is released to every segment. */
  readonly cutoffPeriods: number;
}

/** Allocations by segment code; a segment without one takes only from the free pool. */
export type AtpAllocation = Readonly<Record<string, SegmentAtpAllocation>>;

/** ATP split into what each segment holds and what anyone may take, per period. */
export interface AtpPools {
  readonly periods: readonly string[];
  /** Index of the current period: requests for earlier periods are answered from it. */
  readonly current: number;
  /** Per period: units any segment may take. */
  readonly free: number[];
  /** Per segment, per period: units only that segment may take. */
  readonly held: Map<string, number[]>;
}

/**
 * Whether period `t`'s allocation is still protected when the current period is `current`: until
 * `cutoffPeriods` periods before it.
 */
export function isAllocationProtected(t: number, current: number, cutoffPeriods: number): boolean {
  return t - current > cutoffPeriods;
}

/**
 * Splits each period's ATP into the held pools of the segments whose share is still protected
 * (whole units, largest remainder) and the free pool, which gets the unallocated share and every
 * released one.
 *
 * @throws on a share outside 0–1, shares summing above 1, or a negative cut-off (caller bugs:
 * the application validates them first).
 */
export function allocateAtp(atp: Atp, allocation: AtpAllocation | null, current: number): AtpPools {
  const segments = Object.keys(allocation ?? {}).sort();
  const rules = segments.map((s) => allocation![s]!);
  if (rules.some((r) => !(r.share >= 0 && r.share <= 1)))
    throw new Error("allocation shares must be between 0 and 1");
  if (rules.reduce((a, r) => a + r.share, 0) > 1 + 1e-9)
    throw new Error("allocation shares must sum to at most 1");
  if (rules.some((r) => !(Number.isInteger(r.cutoffPeriods) && r.cutoffPeriods >= 0)))
    throw new Error("allocation cut-off must be a whole number of periods, 0 or more");
  const held = new Map(segments.map((s) => [s, atp.discrete.map(() => 0)]));
  const free = atp.discrete.map((units, t) => {
    const kept = rules.map((r) => (isAllocationProtected(t, current, r.cutoffPeriods) ? r.share : 0));
    const keptTotal = kept.reduce((a, b) => a + b, 0);
    if (keptTotal === 0) return units;
    const split = apportion(units, [...kept, Math.max(0, 1 - keptTotal)]);
    segments.forEach((s, i) => {
      held.get(s)![t] = split[i]!;
    });
    return split[segments.length]!;
  });
  return { periods: atp.periods, current, free, held };
}
/** Units `segment` may take for delivery in or before period `t`. */
export function atpAvailableTo(pools: AtpPools, segment: string, t: number): number {
  const own = pools.held.get(segment);
  let units = 0;
  for (let k = 0; k <= Math.min(t, pools.periods.length - 1); k++) units += pools.free[k]! + (own?.[k] ?? 0);
  return units;
}

/**
 * Takes `quantity` for `segment` for delivery in period `t`, from `t` backwards, the segment's own
 * pool before the free one. Returns the units it could not find (0 when all were there).
 */
export function consumeAtp(pools: AtpPools, segment: string, t: number, quantity: number): number {
  const own = pools.held.get(segment);
  let left = quantity;
  for (let k = Math.min(t, pools.periods.length - 1); k >= 0 && left > 0; k--) {
    for (const pool of own ? [own, pools.free] : [pools.free]) {
      const take = Math.min(pool[k]!, left);
      pool[k]! -= take;
      left -= take;
    }
  }
  return left;
}
