// The supply side of the committed plan not met: SKUs made short of plan over the months, and stock
// positions that ended the last month above their maximum (cash tied up) or below safety stock
// (sales at risk). They
// take the supply KPIs' own measures — planAttainment's months and the inventory observations —
// and only decide which of them are exceptions and what they cost.

import type { Money, PeriodKey } from "@fulcrum/domain";
import type { InventoryObservation } from "../kpi/inventory-vs-plan";
import type { Attainment } from "../kpi/plan-attainment";
import { exceptionKey, type MonitoringFinding, percent } from "./monitoring-exception";

export interface SkuAttainment {
  /** planAttainment's result for one SKU (its key the SKU), months oldest first. */
  readonly attainment: Attainment;
  /** The plan_attainment target in force for the SKU, a share (0.95). */
  readonly target: number;
  /** Standard cost per unit in minor units: what the units not made were worth. */
  readonly unitCost: Money;
}

/**
 * Per SKU, attainment over the window — Σ min(actual, planned) / Σ planned, planAttainment's own
 * figure — below its target (strictly): a month made short and caught up the next is not an
 * exception, a plan missed over the months is. Value at stake = Σ (planned − min(actual, planned))
 * over the months × standard cost: the production the plan counted on that was not made. periods
 * are the months below target.
 */
export function attainmentExceptions(skus: readonly SkuAttainment[]): MonitoringFinding[] {
  return skus.flatMap(({ attainment, target, unitCost }) => {
    if (attainment.key === null || attainment.attainment === null || attainment.attainment >= target)
      return [];
    const counted = attainment.periods.filter((p) => p.attainment !== null);
    const notMade = counted.reduce((s, p) => s + p.planned - Math.min(p.actual, p.planned), 0);
    const periods = counted.filter((p) => p.attainment! < target).map((p) => p.period);
    const sku = attainment.key;
    return [
      {
        key: exceptionKey("plan-attainment", sku, counted[counted.length - 1]!.period),
        kind: "plan-attainment" as const,
        title: `${sku} made ${percent(attainment.attainment)} of plan (target ${percent(target)}) over ${counted.length} month${counted.length > 1 ? "s" : ""}`,
        subject: { type: "sku" as const, code: sku },
        periods,
        valueAtStake: Math.round(notMade * unitCost) as Money,
        measured: attainment.attainment,
        limit: target,
        units: notMade,
      },
    ];
  });
}

export interface StockPosition {
  /** The position's closing stock month by month (inventoryVersusPlan's observations), oldest first. */
  readonly observations: readonly InventoryObservation[];
  /** Price per unit in minor units, for the margin a stock-out puts at risk. */
  readonly unitPrice: Money;
}

/**
 * The most a position should hold at a month's end: its target stock (safety + cycle stock) plus
 * one period of the demand that follows (the first of demandAfter, 0 without it) — beyond that,
 * stock waits more than a period longer than the plan meant it to.
 */
export function maximumStock(o: InventoryObservation): number {
  return o.target + (o.demandAfter[0] ?? 0);
}

/**
 * Per position, two rules on its closing stock in the latest month it was counted — the stock the
 * next cycle inherits; a breach that has since recovered needs no action — each listing the run of
 * months in breach that ends there:
 * - inventory-above-max: actual > maximumStock; value at stake = (actual − max) × standard cost,
 *   the cash the excess ties up (the same units held for several months are the same cash, so
 *   months are not added);
 * - inventory-below-safety-stock: actual < safety stock; value at stake = (safety − actual) ×
 *   (price − standard cost, at least 0), the margin the missing buffer puts at risk.
 */
export function stockExceptions(positions: readonly StockPosition[]): MonitoringFinding[] {
  return positions.flatMap(({ observations, unitPrice }) => {
    const latest = observations[observations.length - 1];
    if (!latest) return [];
    const runTo = (breached: (o: InventoryObservation) => boolean) => {
      const run: PeriodKey[] = [];
      for (let i = observations.length - 1; i >= 0 && breached(observations[i]!); i--)
        run.unshift(observations[i]!.period);
      return run;
    };
    const found: MonitoringFinding[] = [];
    if (latest.actual > maximumStock(latest)) {
      const excess = latest.actual - maximumStock(latest);
      found.push(
        stock(
          "inventory-above-max",
          latest,
          runTo((o) => o.actual > maximumStock(o)),
          excess,
          Math.round(excess * latest.unitCost) as Money,
          `${latest.key} holds ${round(excess)} units above its maximum of ${round(maximumStock(latest))}`,
          maximumStock(latest),
        ),
      );
    }
    if (latest.actual < latest.safetyStock) {
      const shortfall = latest.safetyStock - latest.actual;
      const margin = Math.max(0, unitPrice - latest.unitCost);
      found.push(
        stock(
          "inventory-below-safety-stock",
          latest,
          runTo((o) => o.actual < o.safetyStock),
          shortfall,
          Math.round(shortfall * margin) as Money,
          `${latest.key} is ${round(shortfall)} units below its safety stock of ${round(latest.safetyStock)}`,
          latest.safetyStock,
        ),
      );
    }
    return found;
  });
}

function stock(
  kind: "inventory-above-max" | "inventory-below-safety-stock",
  latest: InventoryObservation,
  periods: readonly PeriodKey[],
  units: number,
  valueAtStake: Money,
  title: string,
  limit: number,
): MonitoringFinding {
  return {
    key: exceptionKey(kind, latest.key, latest.period),
    kind,
    title,
    subject: { type: "position", code: latest.key },
    periods,
    valueAtStake,
    measured: latest.actual,
    limit,
    units,
  };
}

const round = (units: number) => Math.round(units).toLocaleString("en");
