// Inventory against plan: the closing stock each SKU-location actually held next to what the
// supply plan projected, in units, in money at standard cost and in days of cover, and against
// its target and safety stock — where the review looks for excess and for exposure.

import type { Money, PeriodKey } from "@fulcrum/domain";
import { coverInDays } from "../inventory/inventory-policy";

export interface InventoryObservation {
  /** The stock position, e.g. "SKU-12@DC-1". */
  readonly key: string;
  readonly period: PeriodKey;
  /** Closing stock held and planned, in units. */
  readonly actual: number;
  readonly planned: number;
  /** Target stock (safety + cycle stock) and safety stock for the period, in units. */
  readonly target: number;
  readonly safetyStock: number;
  /** Standard cost per unit, in minor units. */
  readonly unitCost: Money;
  /**
   * What the plan draws from the position in the periods that follow, nearest first — demand at a
   * DC, shipments from a plant, consumption of a material: what the closing stock has to cover.
   */
  readonly demandAfter: readonly number[];
}

export type StockStatus = "below-safety-stock" | "below-target" | "on-target" | "above-target";

export interface InventoryVersusPlan {
  readonly key: string;
  readonly period: PeriodKey;
  /** actual − planned, in units; as a share of planned (null when nothing was planned). */
  readonly deviation: number;
  readonly deviationShare: number | null;
  /** Units × standard cost, rounded to the minor unit. */
  readonly actualValue: Money;
  readonly plannedValue: Money;
  readonly deviationValue: Money;
  /** Days of cover of the actual and planned stock (Infinity when no demand follows). */
  readonly coverDays: number;
  readonly plannedCoverDays: number;
  /** actual − target, in units. */
  readonly versusTarget: number;
  /** Units short of safety stock (0 when at or above it). */
  readonly safetyShortfall: number;
  /**
   * below-safety-stock: actual < safety stock; otherwise within ±tolerance·target of target is
   * on-target, below it below-target, above it above-target.
   */
  readonly status: StockStatus;
}

/**
 * Each observation against its plan, and the totals in money: the actual and the planned value of
 * the stock held, and their difference, as an average month-end level — Σ value ÷ the months
 * observed, since stock is a level and adding twelve month-ends would count the same units twelve
 * times — the number of position-months below safety stock, and the days the total stock of the
 * positions some demand follows covers that demand (Infinity when none follows).
 */
export function inventoryVersusPlan(
  observations: readonly InventoryObservation[],
  options: { readonly daysPerPeriod: number; readonly tolerance: number },
) {
  const rows: InventoryVersusPlan[] = observations.map((o) => {
    const actualValue = Math.round(o.actual * o.unitCost) as Money;
    const plannedValue = Math.round(o.planned * o.unitCost) as Money;
    const band = options.tolerance * o.target;
    return {
      key: o.key,
      period: o.period,
      deviation: o.actual - o.planned,
      deviationShare: o.planned > 0 ? (o.actual - o.planned) / o.planned : null,
      actualValue,
      plannedValue,
      deviationValue: (actualValue - plannedValue) as Money,
      coverDays: coverInDays(o.actual, o.demandAfter, options.daysPerPeriod),
      plannedCoverDays: coverInDays(o.planned, o.demandAfter, options.daysPerPeriod),
      versusTarget: o.actual - o.target,
      safetyShortfall: Math.max(0, o.safetyStock - o.actual),
      status:
        o.actual < o.safetyStock
          ? "below-safety-stock"
          : o.actual < o.target - band
            ? "below-target"
            : o.actual > o.target + band
              ? "above-target"
              : "on-target",
    };
  });
  const covered = observations.filter((o) => o.demandAfter.some((d) => d > 0));
  const months = new Set(rows.map((r) => r.period)).size;
  const level = (value: (r: InventoryVersusPlan) => number) =>
    (months > 0 ? Math.round(rows.reduce((s, r) => s + value(r), 0) / months) : 0) as Money;
  const actualValue = level((r) => r.actualValue);
  const plannedValue = level((r) => r.plannedValue);
  return {
    rows,
    total: {
      actualValue,
      plannedValue,
      deviationValue: (actualValue - plannedValue) as Money,
      belowSafetyStock: rows.filter((r) => r.status === "below-safety-stock").length,
      // Over the positions some demand follows: stock nobody will ask for (a phased-out item, a
      // raw material) has no cover to add, and would make the total unbounded.
      coverDays: coverInDays(
        covered.reduce((s, o) => s + o.actual, 0),
        totalDemandAfter(covered),
        options.daysPerPeriod,
      ),
    },
  };
}

function totalDemandAfter(observations: readonly InventoryObservation[]): number[] {
  const total: number[] = [];
  for (const o of observations)
    o.demandAfter.forEach((d, t) => {
      total[t] = (total[t] ?? 0) + d;
    });
  return total;
}
