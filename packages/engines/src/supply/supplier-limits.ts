// A supplier line's limits in one planning period: the capacity and lead time it confirmed for
// that period, or its imported constants where it confirmed nothing. Every reader of a line — the
// model builder, the heuristics, the plan checks and the shortage causes — asks here, so a
// per-period confirmation means the same thing to all of them.

import type { SupplierItem } from "./supply-problem";

/**
 * Units the line can deliver for receipt in period t: `capacityByPeriod[t]` when given, otherwise
 * `capacityPerPeriod` (Infinity when unlimited).
 */
export function supplierCapacityAt(line: SupplierItem, t: number): number {
  return line.capacityByPeriod?.[t] ?? line.capacityPerPeriod;
}

/** Periods between ordering and receiving in t: `leadTimeByPeriod[t]` when given, else `leadTimePeriods`. */
export function supplierLeadTimeAt(line: SupplierItem, t: number): number {
  return line.leadTimeByPeriod?.[t] ?? line.leadTimePeriods;
}

/**
 * Whether the line can deliver anything in period t of the horizon: the order would be placed in
 * t − lead time, which must not lie before the first period (orders are not placed in the past).
 */
export function supplierCanDeliverAt(line: SupplierItem, t: number): boolean {
  return t >= supplierLeadTimeAt(line, t);
}
