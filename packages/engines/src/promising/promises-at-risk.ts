// Promises at risk: the accepted promises of a SKU-location replayed, oldest first, against a plan's
// ATP. A promise whose lines the plan no longer covers is at risk; its new achievable period is the
// earliest one by which the segment's remaining ATP covers what is short, and that remainder is then
// taken, so later promises see what an earlier customer will get first. None when the horizon never
// covers it (nothing more is taken then).

import { type AtpPools, atpAvailableTo, consumeAtp } from "./atp-allocation";
import { type AcceptedPromise, periodIndex } from "./promise-order";

export interface PromiseAtRiskDate {
  readonly id: number;
  /** Units of the promise's lines the plan no longer covers in their periods. */
  readonly uncovered: number;
  /** The earliest period by which all of the promise can be delivered; null when never within the horizon. */
  readonly achievablePeriod: string | null;
}

/** Consumes `promises` from the pools in the order given and returns those not covered as promised. */
export function promisesAtRisk(pools: AtpPools, promises: readonly AcceptedPromise[]): PromiseAtRiskDate[] {
  const atRisk: PromiseAtRiskDate[] = [];
  const T = pools.periods.length;
  for (const p of promises) {
    let uncovered = 0;
    let latest = pools.current;
    for (const line of p.lines) {
      const t = periodIndex(pools, line.period);
      if (t < 0) {
        uncovered += line.quantity;
        continue;
      }
      latest = Math.max(latest, t);
      uncovered += consumeAtp(pools, p.segment, t, line.quantity);
    }
    if (uncovered === 0) continue;
    let achievable: string | null = null;
    for (let t = latest + 1; t < T; t++)
      if (atpAvailableTo(pools, p.segment, t) >= uncovered) {
        consumeAtp(pools, p.segment, t, uncovered);
        achievable = pools.periods[t]!;
        break;
      }
    atRisk.push({ id: p.id, uncovered, achievablePeriod: achievable });
  }
  return atRisk;
}

/** Hours a capable-to-promise promise reserved on a resource in a period. */
export interface CapacityReservation {
  readonly id: number;
  readonly resource: string;
  readonly period: string;
  readonly hours: number;
}

/**
 * The promises whose reserved hours a plan's spare hours no longer hold: reservations are granted
 * in the order given (oldest promise first) from each resource-period's spare hours; a promise with
 * any reservation that does not fit is at risk (and that reservation is not granted). Periods the plan does not have (already past) are
 * not checked. `spare` is keyed `resource@period`.
 */
export function reservationsAtRisk(
  spare: ReadonlyMap<string, number>,
  reservations: readonly CapacityReservation[],
): Set<number> {
  const left = new Map(spare);
  const atRisk = new Set<number>();
  for (const r of reservations) {
    const key = `${r.resource}@${r.period}`;
    const hours = left.get(key);
    if (hours === undefined) continue;
    // A reservation that does not fit is not granted, so it leaves the hours to later ones.
    if (r.hours > hours + 1e-9) atRisk.add(r.id);
    else left.set(key, hours - r.hours);
  }
  return atRisk;
}
