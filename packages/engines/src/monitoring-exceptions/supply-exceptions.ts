// The supply side of the committed plan not met: SKUs made short of plan, and stock positions that
// ended a month above their maximum (cash tied up) or below safety stock (sales at risk). They
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
 * Per SKU, the months with something planned whose attainment min(actual, planned) / planned is
 * below its target (strictly). Value at stake = Σ (planned − actual) over those months × standard
 * cost: the production the plan counted on that was not made. measured = Σ actual / Σ planned over
 * those months.
 */
export function attainmentExceptions(skus: readonly SkuAttainment[]): MonitoringFinding[] {
  return skus.flatMap(({ attainment, target, unitCost }) => {
    const short = attainment.periods.filter((p) => p.attainment !== null && p.attainment < target);
    if (short.length === 0 || attainment.key === null) return [];
    const planned = short.reduce((s, p) => s + p.planned, 0);
    const actual = short.reduce((s, p) => s + p.actual, 0);
    const periods = short.map((p) => p.period);
    const sku = attainment.key;
    return [
      {
        key: exceptionKey("plan-attainment", sku, periods[periods.length - 1]!),
        kind: "plan-attainment" as const,
        title: `${sku} made ${percent(actual / planned)} of plan (target ${percent(target)}) in ${short.length} month${short.length > 1 ? "s" : ""}`,
        subject: { type: "sku" as const, code: sku },
        periods,
        valueAtStake: Math.round((planned - actual) * unitCost) as Money,
        measured: actual / planned,
        limit: target,
        units: planned - actual,
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
 * Per position, two rules on its closing stock, each judged on the latest month it held:
 * - inventory-above-max: actual > maximumStock; value at stake = (actual − max) × standard cost of
 *   that latest month, the cash the excess ties up (the same units held for several months are
 *   the same cash, so months are not added);
 * - inventory-below-safety-stock: actual < safety stock; value at stake = (safety − actual) ×
 *   (price − standard cost, at least 0) of that latest month, the margin the missing buffer puts at
 *   risk.
 */
export function stockExceptions(positions: readonly StockPosition[]): MonitoringFinding[] {
  return positions.flatMap(({ observations, unitPrice }) => {
    const found: MonitoringFinding[] = [];
    const above = observations.filter((o) => o.actual > maximumStock(o));
    const latestAbove = above[above.length - 1];
    if (latestAbove) {
      const excess = latestAbove.actual - maximumStock(latestAbove);
      found.push(
        stock(
          "inventory-above-max",
          latestAbove,
          above.map((o) => o.period),
          excess,
          Math.round(excess * latestAbove.unitCost) as Money,
          `${latestAbove.key} holds ${round(excess)} units above its maximum of ${round(maximumStock(latestAbove))}`,
          maximumStock(latestAbove),
        ),
      );
    }
    const below = observations.filter((o) => o.actual < o.safetyStock);
    const latestBelow = below[below.length - 1];
    if (latestBelow) {
      const shortfall = latestBelow.safetyStock - latestBelow.actual;
      const margin = Math.max(0, unitPrice - latestBelow.unitCost);
      found.push(
        stock(
          "inventory-below-safety-stock",
          latestBelow,
          below.map((o) => o.period),
          shortfall,
          Math.round(shortfall * margin) as Money,
          `${latestBelow.key} is ${round(shortfall)} units below its safety stock of ${round(latestBelow.safetyStock)}`,
          latestBelow.safetyStock,
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
