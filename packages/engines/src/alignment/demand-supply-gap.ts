// The demand–supply gap view of the S&OP alignment step: per product group, segment and period,
// what the market asks (unconstrained demand), what the supply plan serves, which levers the plan
// pulls to serve it, and what stays unfilled. Definitions, for a supply plan and its problem:
//
// - demand: the period's unconstrained demand (`service[].demand`); revenue at the segment's
//   price, round(units × price) per SKU-location row and period.
// - served: units served in the period (`service[].served`, which includes backlog caught up from
//   earlier periods) and the plan's revenue for them.
// - gap = demand − served: > 0 when the period's demand is not all served, < 0 when the plan
//   catches up backlog; summed over the horizon it is the units lost plus the backlog left.
// - pre-build: at each location where the SKU is sold, the stock drawdown
//   max(0, closing(t−1) − closing(t)) (opening stock for t = 0), capped at the units served there
//   in t — the served units that came out of stock built in earlier periods (or held at the start).
// - overtime: a resource's overtime hours in t, and their cost round(hours × overtime rate), shared
//   over the SKUs made on it in t by their share of its load (units made × hours per unit).
// - subcontract: a SKU's subcontracted units in t and their cost round(units × price).
// - backlog: units owed at the end of t; lost: units lost in t and their revenue at price.
// A SKU's levers are shared among its segments by their units served in t (by their demand when
// nothing was served; otherwise they are reported as unattributed, e.g. stock built in a period
// without sales). Units are split in proportion; money by largest remainder, so every cent of the
// plan's overtime and subcontract cost is in exactly one row or in `unattributed`.

import type { Money, PeriodKey } from "@fulcrum/domain";
import { apportion } from "../plan/apportion";
import { QUANTITY_TOLERANCE } from "../supply/assemble-plan";
import type { SupplyPlan } from "../supply/supply-plan";
import type { SupplyProblem } from "../supply/supply-problem";

export interface DemandSupplyGapRow {
  readonly group: string;
  readonly segment: string;
  readonly period: PeriodKey;
  readonly demandUnits: number;
  readonly demandRevenue: Money;
  readonly servedUnits: number;
  readonly servedRevenue: Money;
  /** Demand − served. */
  readonly gapUnits: number;
  readonly prebuildUnits: number;
  readonly overtimeHours: number;
  readonly overtimeCost: Money;
  readonly subcontractUnits: number;
  readonly subcontractCost: Money;
  /** Owed at the end of the period. */
  readonly backlogUnits: number;
  readonly lostUnits: number;
  readonly lostRevenue: Money;
}

/** Levers of SKUs that neither served nor had demand in the period. */
export interface UnattributedLevers {
  readonly period: PeriodKey;
  readonly overtimeHours: number;
  readonly overtimeCost: Money;
  readonly subcontractUnits: number;
  readonly subcontractCost: Money;
}

export interface DemandSupplyGap {
  /** Groups in order of first appearance in the plan's service, segments in the problem's order. */
  readonly rows: readonly DemandSupplyGapRow[];
  readonly unattributed: readonly UnattributedLevers[];
}

type Field = Exclude<keyof DemandSupplyGapRow, "group" | "segment" | "period">;
type Lever = "overtimeHours" | "overtimeCost" | "subcontractUnits" | "subcontractCost";

/** The gap view of `plan` (see the module header for each definition). */
export function demandSupplyGap(
  problem: SupplyProblem,
  plan: SupplyPlan,
  groupOf: (sku: string) => string,
): DemandSupplyGap {
  const { periods } = plan;
  const T = periods.length;
  const price = new Map(problem.prices.map((p) => [`${p.sku}/${p.segment}`, p.price as number]));
  const cells = new Map<string, { group: string; segment: string; values: Record<Field, number[]> }>();
  const cell = (sku: string, segment: string) => {
    const group = groupOf(sku);
    const key = `${group}\u0000${segment}`;
    let c = cells.get(key);
    if (!c) {
      const values = {} as Record<Field, number[]>;
      for (const f of FIELDS) values[f] = Array.from({ length: T }, () => 0);
      c = { group, segment, values };
      cells.set(key, c);
    }
    return c.values;
  };
  const unattributed = periods.map((period) => ({
    period,
    overtimeHours: 0,
    overtimeCost: 0,
    subcontractUnits: 0,
    subcontractCost: 0,
  }));

  const serviceOf = new Map<string, SupplyPlan["service"][number][]>();
  for (const s of plan.service) {
    serviceOf.set(s.sku, [...(serviceOf.get(s.sku) ?? []), s]);
    const c = cell(s.sku, s.segment);
    const p = price.get(`${s.sku}/${s.segment}`) ?? 0;
    for (let t = 0; t < T; t++) {
      c.demandUnits[t]! += s.demand[t]!;
      c.demandRevenue[t]! += Math.round(s.demand[t]! * p);
      c.servedUnits[t]! += s.served[t]!;
      c.servedRevenue[t]! += s.revenue[t]!;
      c.gapUnits[t]! += s.demand[t]! - s.served[t]!;
      c.backlogUnits[t]! += s.backlog[t]!;
      c.lostUnits[t]! += s.lost[t]!;
      c.lostRevenue[t]! += s.lostRevenue[t]!;
    }
  }

  for (const inv of plan.inventory) {
    const sold = (serviceOf.get(inv.sku) ?? []).filter((s) => s.location === inv.location);
    for (let t = 0; t < T; t++) {
      const served = sold.reduce((sum, s) => sum + s.served[t]!, 0);
      const drawdown = Math.max(0, (t === 0 ? inv.opening : inv.closing[t - 1]!) - inv.closing[t]!);
      const prebuild = Math.min(drawdown, served);
      if (prebuild <= QUANTITY_TOLERANCE) continue;
      for (const s of sold) cell(s.sku, s.segment).prebuildUnits[t]! += (prebuild * s.served[t]!) / served;
    }
  }

  /** Shares a SKU's lever in t among its segments: units in proportion, money exactly. */
  const attribute = (
    sku: string,
    t: number,
    units: number,
    cost: number,
    lever: "overtime" | "subcontract",
  ) => {
    const [unitField, costField]: [Lever, Lever] =
      lever === "overtime" ? ["overtimeHours", "overtimeCost"] : ["subcontractUnits", "subcontractCost"];
    const bySegment = new Map<string, { served: number; demand: number }>();
    for (const s of serviceOf.get(sku) ?? []) {
      const w = bySegment.get(s.segment) ?? { served: 0, demand: 0 };
      bySegment.set(s.segment, { served: w.served + s.served[t]!, demand: w.demand + s.demand[t]! });
    }
    const segments = [...bySegment.keys()];
    const served = segments.map((k) => bySegment.get(k)!.served);
    const demand = segments.map((k) => bySegment.get(k)!.demand);
    const total = (w: number[]) => w.reduce((a, b) => a + b, 0);
    const weights =
      total(served) > QUANTITY_TOLERANCE ? served : total(demand) > QUANTITY_TOLERANCE ? demand : null;
    if (!weights) {
      unattributed[t]![unitField] += units;
      unattributed[t]![costField] += cost;
      return;
    }
    const costs = apportion(cost, weights);
    const sum = total(weights);
    segments.forEach((segment, k) => {
      const c = cell(sku, segment);
      c[unitField][t]! += (units * weights[k]!) / sum;
      c[costField][t]! += costs[k]!;
    });
  };

  const option = new Map(problem.production.map((o) => [`${o.sku}@${o.plant}`, o]));
  for (const p of plan.production) {
    const costPerUnit = option.get(`${p.sku}@${p.plant}`)?.subcontract?.costPerUnit ?? 0;
    p.subcontracted.forEach((q, t) => {
      if (q > QUANTITY_TOLERANCE) attribute(p.sku, t, q, Math.round(q * costPerUnit), "subcontract");
    });
  }

  const resource = new Map(problem.resources.map((r) => [r.code, r]));
  for (const row of plan.capacity) {
    const rate = resource.get(row.resource)?.overtimeCostPerHour ?? 0;
    const routed = problem.routings.filter((x) => x.resource === row.resource && x.plant === row.plant);
    const makers = routed.map((x) => ({
      sku: x.sku,
      made: plan.production.find((p) => p.sku === x.sku && p.plant === x.plant)?.made,
      hoursPerUnit: x.hoursPerUnit,
    }));
    row.overtimeHours.forEach((overtime, t) => {
      if (overtime <= QUANTITY_TOLERANCE) return;
      const cost = Math.round(overtime * rate);
      const hours = makers.map((x) => Math.max(0, x.made?.[t] ?? 0) * x.hoursPerUnit);
      const load = hours.reduce((a, b) => a + b, 0);
      if (load <= QUANTITY_TOLERANCE) {
        unattributed[t]!.overtimeHours += overtime;
        unattributed[t]!.overtimeCost += cost;
        return;
      }
      const costs = apportion(cost, hours);
      makers.forEach((x, k) => {
        if (hours[k]! > 0) attribute(x.sku, t, (overtime * hours[k]!) / load, costs[k]!, "overtime");
      });
    });
  }

  const segmentOrder = new Map(problem.segments.map((s, i) => [s.code, i]));
  const groupOrder = new Map<string, number>();
  for (const c of cells.values()) if (!groupOrder.has(c.group)) groupOrder.set(c.group, groupOrder.size);
  const ordered = [...cells.values()].sort(
    (a, b) =>
      groupOrder.get(a.group)! - groupOrder.get(b.group)! ||
      (segmentOrder.get(a.segment) ?? Number.MAX_SAFE_INTEGER) -
        (segmentOrder.get(b.segment) ?? Number.MAX_SAFE_INTEGER),
  );
  const rows = ordered.flatMap((c) =>
    periods.map((period, t): DemandSupplyGapRow => {
      const v = (f: Field) => c.values[f][t]!;
      return {
        group: c.group,
        segment: c.segment,
        period,
        demandUnits: v("demandUnits"),
        demandRevenue: v("demandRevenue") as Money,
        servedUnits: v("servedUnits"),
        servedRevenue: v("servedRevenue") as Money,
        gapUnits: v("gapUnits"),
        prebuildUnits: v("prebuildUnits"),
        overtimeHours: v("overtimeHours"),
        overtimeCost: v("overtimeCost") as Money,
        subcontractUnits: v("subcontractUnits"),
        subcontractCost: v("subcontractCost") as Money,
        backlogUnits: v("backlogUnits"),
        lostUnits: v("lostUnits"),
        lostRevenue: v("lostRevenue") as Money,
      };
    }),
  );
  return {
    rows,
    unattributed: unattributed.map((u) => ({
      ...u,
      overtimeCost: u.overtimeCost as Money,
      subcontractCost: u.subcontractCost as Money,
    })),
  };
}

const FIELDS: readonly Field[] = [
  "demandUnits",
  "demandRevenue",
  "servedUnits",
  "servedRevenue",
  "gapUnits",
  "prebuildUnits",
  "overtimeHours",
  "overtimeCost",
  "subcontractUnits",
  "subcontractCost",
  "backlogUnits",
  "lostUnits",
  "lostRevenue",
];
