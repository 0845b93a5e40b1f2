// What a supply run keeps of a plan: the quantities as plan cells of a new supply version (so they
// are versioned, edited and audited like every other plan) and a summary for the supply review —
// costs, cash, service, shortages with their causes and revenue at risk, capacity use per resource.

import type { PeriodKey } from "@fulcrum/domain";
import type {
  CashFlowPeriod,
  CostBreakdown,
  ShortfallCause,
  SupplyPlan,
  SupplyProblem,
} from "@fulcrum/engines";
import type { PlanMeasure } from "../plans/plan-service";
import type { StockTarget } from "./safety-stock-targets";
import type { SupplyAlignment } from "./supply-alignment";
import type { SupplyFinance } from "./supply-finance";
import type { AppliedInputs } from "./supply-inputs";

export type SupplyStrategy = "optimal" | "level" | "chase";
export type SupplyOutcome = "optimal" | "time-limit" | "heuristic";

export interface SupplyShortage {
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly period: string;
  readonly units: number;
  /** Units × the segment's price, in minor units. */
  readonly revenueAtRisk: number;
  readonly causes: readonly ShortfallCause[];
}

export interface ResourceLoad {
  readonly resource: string;
  readonly plant: string;
  readonly load: readonly number[];
  readonly regularHours: readonly number[];
  /** Overtime hours planned, and the most the calendar allows. */
  readonly overtimeHours: readonly number[];
  readonly overtimeLimit: readonly number[];
  /** Load ÷ regular hours, in percent. */
  readonly utilisation: readonly number[];
}

export interface SupplyRunSummary {
  readonly outcome: SupplyOutcome;
  /** The solver's objective (optimiser only), in minor units. */
  readonly objective: number | null;
  readonly mipGap: number | null;
  readonly solveSeconds: number | null;
  readonly periods: readonly string[];
  readonly size: { readonly skus: number; readonly stockPositions: number; readonly resources: number };
  readonly costs: { readonly total: number; readonly byKind: CostBreakdown };
  readonly cashFlow: readonly CashFlowPeriod[];
  readonly cashAfterHorizon: { readonly receipts: number; readonly payments: number };
  readonly service: {
    readonly demand: number;
    readonly served: number;
    readonly lost: number;
    readonly backlogAtEnd: number;
    /** Served in the period asked ÷ demand (1 without demand). */
    readonly fillRate: number;
    readonly revenue: number;
    readonly lostRevenue: number;
  };
  readonly capacity: readonly ResourceLoad[];
  /** The largest shortages by revenue at risk (at most MAX_SHORTAGES), and the totals over all. */
  readonly shortages: readonly SupplyShortage[];
  readonly shortageTotals: { readonly count: number; readonly units: number; readonly revenueAtRisk: number };
  /** The planner's inputs the run planned with (absent on runs made before they existed). */
  readonly inputs?: AppliedInputs;
  /** Supplier responses (confirmations and counter-proposals) the run planned with; absent on older runs. */
  readonly supplierResponsesUsed?: number;
  /** The plan's financial plan (supply-finance.ts); absent on runs made before it existed. */
  readonly finance?: SupplyFinance;
  /** The demand–supply gap and the allocation rules' effect (supply-alignment.ts); absent on older runs. */
  readonly alignment?: SupplyAlignment;
}

export const MAX_SHORTAGES = 200;

/** Plan cells as column arrays, ready for one unnest INSERT. */
export interface PlanCells {
  readonly measure: PlanMeasure[];
  readonly sku: string[];
  readonly location: (string | null)[];
  readonly segment: (string | null)[];
  readonly period: string[];
  readonly value: number[];
}

/** Two sets of cells as one, for one INSERT. */
export function joinCells(a: PlanCells, b: PlanCells): PlanCells {
  return {
    measure: [...a.measure, ...b.measure],
    sku: [...a.sku, ...b.sku],
    location: [...a.location, ...b.location],
    segment: [...a.segment, ...b.segment],
    period: [...a.period, ...b.period],
    value: [...a.value, ...b.value],
  };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Every quantity of the plan by SKU, location and period: production (made or subcontracted) and
 * purchases (by receipt) at plants, open orders arriving (scheduled receipts), shipments leaving
 * and transfers arriving, components consumed,
 * sales served, backlog and lost sales per segment, closing stock, safety stock and target stock.
 * With these, opening + production + purchases + scheduled receipts + transfers − shipments −
 * consumption − served =
 * closing holds for every SKU-location and period. Zeros are left out.
 */
export function planCells(
  problem: SupplyProblem,
  plan: SupplyPlan,
  targets: readonly StockTarget[],
): PlanCells {
  const cells: PlanCells = { measure: [], sku: [], location: [], segment: [], period: [], value: [] };
  const totals = new Map<string, { measure: PlanMeasure; sku: string; location: string; values: number[] }>();
  const T = plan.periods.length;
  const add = (measure: PlanMeasure, sku: string, location: string, t: number, value: number) => {
    const key = `${measure}\u0000${sku}\u0000${location}`;
    let row = totals.get(key);
    if (!row) {
      row = { measure, sku, location, values: new Array<number>(T).fill(0) };
      totals.set(key, row);
    }
    row.values[t]! += value;
  };
  const push = (
    measure: PlanMeasure,
    sku: string,
    location: string,
    segment: string | null,
    values: readonly number[],
  ) =>
    values.forEach((value, t) => {
      if (Math.abs(value) < 1e-9) return;
      cells.measure.push(measure);
      cells.sku.push(sku);
      cells.location.push(location);
      cells.segment.push(segment);
      cells.period.push(plan.periods[t]!);
      cells.value.push(value);
    });

  for (const p of plan.production) {
    for (let t = 0; t < T; t++) {
      add("supply.production", p.sku, p.plant, t, p.made[t]! + p.subcontracted[t]!);
      for (const b of problem.bom)
        if (b.parent === p.sku)
          add("supply.consumption", b.component, p.plant, t, b.quantityPer * p.made[t]!);
    }
  }
  for (const b of plan.purchases)
    for (let t = 0; t < T; t++) add("supply.purchases", b.component, b.plant, t, b.received[t]!);
  for (const m of plan.transfers)
    for (let t = 0; t < T; t++) {
      add("supply.shipments", m.sku, m.from, t, m.departures[t]!);
      if (t + m.leadTimePeriods < T)
        add("supply.transfers", m.sku, m.to, t + m.leadTimePeriods, m.departures[t]!);
    }
  for (const row of totals.values()) push(row.measure, row.sku, row.location, null, row.values);
  for (const s of plan.service) {
    push("supply.served", s.sku, s.location, s.segment, s.served);
    push("supply.backlog", s.sku, s.location, s.segment, s.backlog);
    push("supply.lost_sales", s.sku, s.location, s.segment, s.lost);
  }
  for (const i of plan.inventory) {
    push("supply.scheduled_receipts", i.sku, i.location, null, i.scheduledReceipts);
    push("inventory.projected", i.sku, i.location, null, i.closing);
  }
  for (const s of targets) {
    push("inventory.safety_stock", s.sku, s.location, null, s.safetyStock);
    push("inventory.target", s.sku, s.location, null, s.target);
  }
  return cells;
}

export function runSummary(
  problem: SupplyProblem,
  plan: SupplyPlan,
  solve: { outcome: SupplyOutcome; objective: number | null; mipGap: number | null; seconds: number | null },
  inputs: AppliedInputs,
): SupplyRunSummary {
  const price = new Map(problem.prices.map((p) => [`${p.sku}\u0000${p.segment}`, p.price as number]));
  const shortages = plan.shortfalls
    .map((s) => ({
      ...s,
      revenueAtRisk: Math.round(s.units * (price.get(`${s.sku}\u0000${s.segment}`) ?? 0)),
    }))
    .sort((a, b) => b.revenueAtRisk - a.revenueAtRisk);
  const demand = sum(plan.service.map((s) => sum(s.demand)));
  // Sales in the period asked: demand less what was backlogged or lost in that period.
  const servedOnTime = demand - sum(shortages.map((s) => s.units));
  return {
    outcome: solve.outcome,
    objective: solve.objective,
    mipGap: solve.mipGap,
    solveSeconds: solve.seconds,
    periods: plan.periods as readonly PeriodKey[],
    size: {
      skus: problem.items.length,
      stockPositions: plan.inventory.length,
      resources: problem.resources.length,
    },
    costs: { total: plan.costs.total, byKind: plan.costs.byKind },
    cashFlow: plan.cashFlow,
    cashAfterHorizon: plan.cashAfterHorizon,
    service: {
      demand,
      served: sum(plan.service.map((s) => sum(s.served))),
      lost: sum(plan.service.map((s) => sum(s.lost))),
      backlogAtEnd: sum(plan.service.map((s) => s.backlog.at(-1) ?? 0)),
      fillRate: demand > 0 ? servedOnTime / demand : 1,
      revenue: sum(plan.service.map((s) => sum(s.revenue))),
      lostRevenue: sum(plan.service.map((s) => sum(s.lostRevenue))),
    },
    capacity: plan.capacity.map((c, r) => ({
      resource: c.resource,
      plant: c.plant,
      load: c.load,
      regularHours: c.regularHours,
      overtimeHours: c.overtimeHours,
      overtimeLimit: problem.resources[r]!.maxOvertimeHours,
      utilisation: c.utilisation,
    })),
    shortages: shortages.slice(0, MAX_SHORTAGES),
    shortageTotals: {
      count: shortages.length,
      units: sum(shortages.map((s) => s.units)),
      revenueAtRisk: sum(shortages.map((s) => s.revenueAtRisk)),
    },
    inputs,
  };
}
