// Allocation of ATP by customer segment. Far enough ahead, each segment's share of a period's ATP is
// kept for it, so a run of orders from one channel cannot take what another was planned to get; from
// a cut-off before the period the allocation is released and every segment may take what is left.
// The pools are consumed by promises in the order they were accepted, each line from its delivery
// period backwards (stock received earlier can be delivered later, never the reverse).

import { apportion } from "../plan/apportion";
import type { Atp } from "./available-to-promise";

export interface AtpAllocation {
  /** Share of each protected period's ATP kept for a segment (0–1; the shares sum to at most 1). */
  readonly shares: Readonly<Record<string, number>>;
  /** Periods before a period's start at which its allocation is released to every segment. */
  readonly cutoffPeriods: number;
}

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
 * Splits each period's ATP into the segments' held pools (whole units, largest remainder) and the
 * free pool, which gets the unallocated share and, once released, everything.
 *
 * @throws on a share outside 0–1, shares summing above 1, or a negative cut-off (caller bugs:
 * the application validates them first).
 */
export function allocateAtp(atp: Atp, allocation: AtpAllocation | null, current: number): AtpPools {
  const segments = Object.keys(allocation?.shares ?? {}).sort();
  const shares = segments.map((s) => allocation!.shares[s]!);
  if (shares.some((s) => !(s >= 0 && s <= 1))) throw new Error("allocation shares must be between 0 and 1");
  const rest = 1 - shares.reduce((a, b) => a + b, 0);
  if (rest < -1e-9) throw new Error("allocation shares must sum to at most 1");
  if (allocation && !(Number.isInteger(allocation.cutoffPeriods) && allocation.cutoffPeriods >= 0))
    throw new Error("allocation cut-off must be a whole number of periods, 0 or more");
  const held = new Map(segments.map((s) => [s, atp.discrete.map(() => 0)]));
  const free = atp.discrete.map((units, t) => {
    if (!allocation || segments.length === 0 || !isAllocationProtected(t, current, allocation.cutoffPeriods))
      return units;
    const split = apportion(units, [...shares, Math.max(0, rest)]);
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
