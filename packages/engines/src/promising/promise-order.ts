// The answer to a customer's request: what can be promised when. All of it in the period asked when
// the segment's ATP covers it; otherwise what there is then, and the rest in the earliest period by
// which the whole remainder is available; what the horizon cannot cover is left unpromised. Accepted
// promises are replayed onto the pools in the order they were accepted, and those the plan can no
// longer cover are reported, so a changed plan shows which promises are at risk.

import { type AtpPools, atpAvailableTo, consumeAtp } from "./atp-allocation";

export interface PromiseRequest {
  readonly quantity: number;
  /** The delivery period asked for (`2026-12`). */
  readonly period: string;
  readonly segment: string;
}

export interface PromiseLine {
  readonly period: string;
  readonly quantity: number;
}

/**
 * `full`: everything in the period asked; `partial`: some then, the rest later or not at all;
 * `later`: nothing then, some or all later; `none`: nothing within the plan's horizon.
 */
export type PromiseKind = "full" | "partial" | "later" | "none";

export interface PromiseAnswer {
  readonly kind: PromiseKind;
  readonly lines: readonly PromiseLine[];
  readonly promised: number;
  /** Units the plan's horizon cannot cover. */
  readonly unpromised: number;
}

/**
 * The period's index in the pools: a period before the current one is answered from the current
 * one, a period past the horizon from its last (the plan says nothing of what comes in later).
 */
export function periodIndex(pools: AtpPools, period: string): number {
  const T = pools.periods.length;
  const t = pools.periods.indexOf(period);
  if (t >= 0) return Math.max(t, pools.current);
  return period < (pools.periods[0] ?? "") ? pools.current : T - 1;
}

/**
 * What can be promised for `request` (it does not change `pools`).
 *
 * @throws when the quantity is not a positive whole number (the application validates it first).
 */
export function promiseOrder(pools: AtpPools, request: PromiseRequest): PromiseAnswer {
  if (!(Number.isInteger(request.quantity) && request.quantity > 0))
    throw new Error(`cannot promise ${request.quantity} units`);
  const T = pools.periods.length;
  const asked = periodIndex(pools, request.period);
  if (asked < 0 || T === 0) return { kind: "none", lines: [], promised: 0, unpromised: request.quantity };
  const q = request.quantity;
  const now = Math.min(atpAvailableTo(pools, request.segment, asked), q);
  if (now === q)
    return {
      kind: "full",
      lines: [{ period: pools.periods[asked]!, quantity: q }],
      promised: q,
      unpromised: 0,
    };
  const lines: PromiseLine[] = now > 0 ? [{ period: pools.periods[asked]!, quantity: now }] : [];
  let rest = 0;
  let later = -1;
  for (let t = asked + 1; t < T; t++)
    if (atpAvailableTo(pools, request.segment, t) >= q) {
      later = t;
      break;
    }
  if (later >= 0) lines.push({ period: pools.periods[later]!, quantity: q - now });
  else {
    // The whole remainder never comes in: promise what the horizon has by its end.
    rest = Math.min(atpAvailableTo(pools, request.segment, T - 1), q) - now;
    if (rest > 0) lines.push({ period: pools.periods[T - 1]!, quantity: rest });
  }
  const promised = lines.reduce((a, l) => a + l.quantity, 0);
  const kind: PromiseKind = promised === 0 ? "none" : now > 0 ? "partial" : "later";
  return { kind, lines, promised, unpromised: q - promised };
}

export interface AcceptedPromise {
  readonly id: number;
  readonly segment: string;
  readonly lines: readonly PromiseLine[];
}

export interface PromiseAtRisk {
  readonly id: number;
  /** Units of the promise's lines the plan no longer covers. */
  readonly uncovered: number;
}

/**
 * Consumes accepted promises from the pools, in the order given, and returns those the pools
 * could not fully cover. A line for a period past the horizon is taken from its last period.
 */
export function consumePromises(pools: AtpPools, promises: readonly AcceptedPromise[]): PromiseAtRisk[] {
  const atRisk: PromiseAtRisk[] = [];
  for (const p of promises) {
    let uncovered = 0;
    for (const line of p.lines) {
      const t = periodIndex(pools, line.period);
      uncovered += t < 0 ? line.quantity : consumeAtp(pools, p.segment, t, line.quantity);
    }
    if (uncovered > 0) atRisk.push({ id: p.id, uncovered });
  }
  return atRisk;
}
