// One way from decisions to a SupplyPlan, shared by the optimiser's solution reader and the level
// and chase heuristics: costs are recomputed here from the problem's prices, not taken from the
// solver, so "the costs add up to the objective" is a real check of the model.

import type { Money } from "@fulcrum/domain";
import {
  groupDemand,
  laneFlows,
  openingByStockPosition,
  scheduledReceiptsByStockPosition,
  stockKey,
  stockPositions,
} from "./network";
import { supplierCanDeliverAt, supplierCapacityAt } from "./supplier-limits";
import type {
  CashFlowPeriod,
  CostBreakdown,
  CostKind,
  PlanMethod,
  Shortfall,
  ShortfallCause,
  SupplyPlan,
} from "./supply-plan";
import { COST_KINDS } from "./supply-plan";
import type { SupplyProblem } from "./supply-problem";

type Series = readonly number[];

/**
 * Every decision of a plan, per period, in the orders of the problem's own lists:
 * `production`, `supplierItems` (receipts), `laneFlows` (departures), `stockPositions` (closing
 * stock), `resources` and `groupDemand`.
 */
export interface PlanDecisions {
  readonly make: readonly Series[];
  readonly subcontract: readonly Series[];
  readonly purchases: readonly Series[];
  readonly transfers: readonly Series[];
  readonly closing: readonly Series[];
  readonly regular: readonly Series[];
  readonly overtime: readonly Series[];
  readonly workers: readonly (Series | null)[];
  readonly hires: readonly (Series | null)[];
  readonly layoffs: readonly (Series | null)[];
  readonly backlog: readonly Series[];
  readonly lost: readonly Series[];
  /** Value of one more hour per resource and period (LP row duals), when known. */
  readonly hourShadowPrices?: readonly Series[];
  /** Value of one more unit per supplier line and receipt period (LP reduced costs), when known. */
  readonly supplyShadowPrices?: readonly Series[];
}

/** Quantities below this are treated as zero (solver tolerances). */
export const QUANTITY_TOLERANCE = 1e-6;

export function assemblePlan(problem: SupplyProblem, method: PlanMethod, d: PlanDecisions): SupplyPlan {
  const { periods } = problem;
  const T = periods.length;
  const zeros = () => periods.map(() => 0);
  const costs = periods.map(
    () => Object.fromEntries(COST_KINDS.map((k) => [k, 0])) as Record<CostKind, number>,
  );
  const charge = (kind: CostKind, t: number, amount: number) => {
    costs[t]![kind] += amount;
  };
  const cash = { receipts: zeros(), material: zeros(), labour: zeros(), overhead: zeros() };
  const after = { receipts: 0, payments: 0 };
  const pay = (bucket: "material" | "labour" | "overhead", t: number, amount: number) => {
    if (t < T) cash[bucket][t]! += amount;
    else after.payments += amount;
  };
  const item = new Map(problem.items.map((i) => [i.sku, i]));
  const safetyAt = new Map(problem.safetyStock.map((s) => [stockKey(s.sku, s.location), s]));
  const openingAt = openingByStockPosition(problem);
  const scheduledAt = scheduledReceiptsByStockPosition(problem);

  const production = problem.production.map((option, i) => {
    const made = d.make[i]!;
    const subcontracted = d.subcontract[i]!;
    made.forEach((q, t) => {
      charge("material", t, q * option.materialCostPerUnit);
      pay("material", t + problem.payablesLagPeriods, q * option.materialCostPerUnit);
      const sub = subcontracted[t]! * (option.subcontract?.costPerUnit ?? 0);
      charge("subcontract-expedite", t, sub);
      pay("overhead", t + problem.payablesLagPeriods, sub);
    });
    return { sku: option.sku, plant: option.plant, made, subcontracted };
  });

  const purchases = problem.supplierItems.map((line, i) => {
    const lag = problem.suppliers.find((s) => s.code === line.supplier)?.paymentLagPeriods ?? 0;
    d.purchases[i]!.forEach((q, t) => {
      charge("material", t, q * line.unitCost);
      charge("subcontract-expedite", t, q * (line.expeditePremiumPerUnit ?? 0));
      pay("material", t + lag, q * (line.unitCost + (line.expeditePremiumPerUnit ?? 0)));
    });
    return {
      supplier: line.supplier,
      component: line.component,
      plant: line.plant,
      received: d.purchases[i]!,
    };
  });

  const transfers = laneFlows(problem).map(({ sku, lane }, i) => {
    d.transfers[i]!.forEach((q, t) => {
      charge("transport", t, q * lane.costPerUnit);
      pay("overhead", t + problem.payablesLagPeriods, q * lane.costPerUnit);
    });
    return {
      sku,
      from: lane.from,
      to: lane.to,
      leadTimePeriods: lane.leadTimePeriods,
      departures: d.transfers[i]!,
    };
  });

  const inventory = stockPositions(problem).map(({ sku, location }, i) => {
    const closing = d.closing[i]!;
    const unit = item.get(sku);
    const target = safetyAt.get(stockKey(sku, location));
    const belowSafetyStock = closing.map((q, t) => (target ? Math.max(0, target.quantities[t]! - q) : 0));
    for (let t = 0; t < T; t++) {
      charge("holding", t, closing[t]! * (unit?.holdingCostPerPeriod ?? 0));
      charge(
        "safety-stock-shortfall",
        t,
        belowSafetyStock[t]! * (target?.shortfallPenaltyPerUnitPeriod ?? 0),
      );
    }
    const opening = openingAt.get(stockKey(sku, location)) ?? 0;
    const scheduledReceipts = scheduledAt.get(stockKey(sku, location)) ?? closing.map(() => 0);
    const value = closing.map((q) => Math.round(q * (unit?.standardCost ?? 0)) as Money);
    return { sku, location, opening, scheduledReceipts, closing, value, belowSafetyStock };
  });

  const capacity = problem.resources.map((resource, r) => {
    const regularUsed = d.regular[r]!;
    const overtimeHours = d.overtime[r]!;
    const workers = d.workers[r] ?? null;
    const crew = resource.workforce;
    const load = regularUsed.map((h, t) => h + overtimeHours[t]!);
    const regularHours =
      crew && workers ? workers.map((w) => w * crew.regularHoursPerWorker) : resource.regularHours;
    for (let t = 0; t < T; t++) {
      const labour =
        regularUsed[t]! * resource.regularCostPerHour +
        (workers?.[t] ?? 0) * (crew?.costPerWorkerPeriod ?? 0);
      const changes =
        (d.hires[r]?.[t] ?? 0) * (crew?.hireCost ?? 0) + (d.layoffs[r]?.[t] ?? 0) * (crew?.layoffCost ?? 0);
      const overtime = overtimeHours[t]! * resource.overtimeCostPerHour;
      charge("labour", t, labour);
      charge("hiring-layoff", t, changes);
      charge("overtime", t, overtime);
      pay("labour", t, labour + changes + overtime);
    }
    const utilisation = load.map((h, t) => (regularHours[t]! > 0 ? (100 * h) / regularHours[t]! : 0));
    return {
      resource: resource.code,
      plant: resource.plant,
      load,
      regularHours: [...regularHours],
      overtimeHours,
      utilisation,
      workers,
      hires: d.hires[r] ?? null,
      layoffs: d.layoffs[r] ?? null,
    };
  });

  const service = groupDemand(problem).map((g, k) => {
    const segment = problem.segments.find((s) => s.code === g.segment)!;
    const price = problem.prices.find((p) => p.sku === g.sku && p.segment === g.segment)?.price ?? 0;
    const backlog = d.backlog[k]!;
    const lost = d.lost[k]!;
    const served = g.quantities.map((q, t) => q + (t > 0 ? backlog[t - 1]! : 0) - backlog[t]! - lost[t]!);
    const policy = segment.shortage;
    for (let t = 0; t < T; t++) {
      if (policy.kind === "backlog")
        charge("backlog", t, backlog[t]! * (policy.costPerUnitPeriod + (t === T - 1 ? price : 0)));
      else charge("lost-sales", t, lost[t]! * (price + policy.goodwillPerUnit));
      const receipt = served[t]! * price;
      if (t + segment.receivablesLagPeriods < T) cash.receipts[t + segment.receivablesLagPeriods]! += receipt;
      else after.receipts += receipt;
    }
    return {
      sku: g.sku,
      location: g.location,
      segment: g.segment,
      demand: g.quantities,
      served,
      backlog,
      lost,
      revenue: served.map((q) => Math.round(q * price) as Money),
      lostRevenue: lost.map((q) => Math.round(q * price) as Money),
    };
  });

  const byPeriod = costs.map(
    (c) => Object.fromEntries(COST_KINDS.map((k) => [k, Math.round(c[k])])) as unknown as CostBreakdown,
  );
  const byKind = Object.fromEntries(
    COST_KINDS.map((k) => [k, byPeriod.reduce((sum, c) => sum + c[k], 0)]),
  ) as unknown as CostBreakdown;
  const total = COST_KINDS.reduce((sum, k) => sum + byKind[k], 0) as Money;

  let cumulative = 0;
  const cashFlow = periods.map((period, t): CashFlowPeriod => {
    const receipts = Math.round(cash.receipts[t]!);
    const materialPayments = Math.round(cash.material[t]!);
    const labourPayments = Math.round(cash.labour[t]!);
    const overheadPayments = Math.round(cash.overhead[t]!);
    const net = receipts - materialPayments - labourPayments - overheadPayments;
    cumulative += net;
    return {
      period,
      receipts: receipts as Money,
      materialPayments: materialPayments as Money,
      labourPayments: labourPayments as Money,
      overheadPayments: overheadPayments as Money,
      net: net as Money,
      cumulative: cumulative as Money,
    };
  });

  return {
    method,
    periods,
    production,
    purchases,
    transfers,
    inventory,
    capacity,
    service,
    costs: { total, byKind, byPeriod },
    cashFlow,
    cashAfterHorizon: {
      receipts: Math.round(after.receipts) as Money,
      payments: Math.round(after.payments) as Money,
    },
    shortfalls: explainShortfalls(problem, { service, capacity, purchases, inventory }, d),
  };
}

/**
 * A shortfall is demand of period t not served in t. Its causes are the limits that bound in the
 * periods feeding it: walking back from t (less the lane's lead time) while a limit stays binding,
 * each resource routed for the SKU at a plant that can supply the location, and each supplier line
 * of its components there that was full or not yet able to deliver while the component ran out.
 */
function explainShortfalls(
  problem: SupplyProblem,
  plan: Pick<SupplyPlan, "service" | "capacity" | "purchases" | "inventory">,
  prices: Pick<PlanDecisions, "hourShadowPrices" | "supplyShadowPrices">,
): Shortfall[] {
  const shadow = (series: readonly Series[] | undefined, i: number, t: number) => {
    const value = series?.[i]?.[t];
    return value === undefined ? null : Math.abs(value);
  };
  const { periods } = problem;
  const resourceIndex = new Map(problem.resources.map((r, i) => [r.code, i]));
  const stockOf = new Map(plan.inventory.map((row) => [stockKey(row.sku, row.location), row.closing]));
  const componentsOf = new Map<string, Set<string>>();
  for (const b of problem.bom)
    componentsOf.set(b.parent, (componentsOf.get(b.parent) ?? new Set()).add(b.component));
  const shortfalls: Shortfall[] = [];
  for (const s of plan.service) {
    // Each plant that can supply the location, with the lead time from it.
    const sources = [
      ...problem.production
        .filter((o) => o.sku === s.sku && o.plant === s.location)
        .map((o) => ({ plant: o.plant, lead: 0 })),
      ...problem.lanes
        .filter(
          (l) => l.to === s.location && problem.production.some((o) => o.sku === s.sku && o.plant === l.from),
        )
        .map((l) => ({ plant: l.from, lead: l.leadTimePeriods })),
    ].map(({ plant, lead }) => ({
      lead,
      resources: problem.routings
        .filter((x) => x.sku === s.sku && x.plant === plant)
        .flatMap((x) => (resourceIndex.has(x.resource) ? [resourceIndex.get(x.resource)!] : [])),
      lines: problem.supplierItems
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => item.plant === plant && componentsOf.get(s.sku)?.has(item.component)),
    }));
    for (let t = 0; t < periods.length; t++) {
      const units = s.lost[t]! + s.backlog[t]! - (t > 0 ? s.backlog[t - 1]! : 0);
      if (units <= QUANTITY_TOLERANCE) continue;
      const causes: ShortfallCause[] = [];
      for (const { lead, resources, lines } of sources) {
        for (const r of resources) {
          for (let f = t - lead; f >= 0 && atCapacity(problem, plan.capacity[r]!, r, f); f--) {
            causes.push({
              kind: "resource",
              resource: problem.resources[r]!.code,
              period: periods[f]!,
              shadowPrice: shadow(prices.hourShadowPrices, r, f),
            });
          }
        }
        for (const { item, i } of lines) {
          const stock = stockOf.get(stockKey(item.component, item.plant));
          const binding = (f: number) =>
            (stock?.[f] ?? 0) <= QUANTITY_TOLERANCE &&
            (!supplierCanDeliverAt(item, f) ||
              plan.purchases[i]!.received[f]! >= supplierCapacityAt(item, f) - QUANTITY_TOLERANCE);
          for (let f = t - lead; f >= 0 && binding(f); f--) {
            causes.push({
              kind: "supplier",
              supplier: item.supplier,
              component: item.component,
              period: periods[f]!,
              shadowPrice: shadow(prices.supplyShadowPrices, i, f),
            });
          }
        }
      }
      const reachable = sources.some(({ lead }) => lead <= t);
      if (causes.length === 0) causes.push(reachable ? { kind: "cost" } : { kind: "lead-time" });
      shortfalls.push({
        sku: s.sku,
        location: s.location,
        segment: s.segment,
        period: periods[t]!,
        units,
        causes,
      });
    }
  }
  return shortfalls;
}

function atCapacity(
  problem: SupplyProblem,
  row: SupplyPlan["capacity"][number],
  r: number,
  t: number,
): boolean {
  const resource = problem.resources[r]!;
  const crew = resource.workforce;
  const limit = crew
    ? row.workers![t]! * (crew.regularHoursPerWorker + crew.maxOvertimeHoursPerWorker)
    : resource.regularHours[t]! + resource.maxOvertimeHours[t]!;
  return row.load[t]! >= limit - 1e-6 * Math.max(1, limit);
}
