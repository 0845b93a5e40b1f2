// The two classic aggregate-planning strategies a planner compares the optimiser with. Chase
// makes each period what that period needs and sizes crews to it; level makes the same amount
// every period, with a constant crew, and lets inventory (or backlog) absorb the difference.

import {
  demandByStockPosition,
  openingByStockPosition,
  scheduledReceiptsByStockPosition,
  stockKey,
} from "../network";
import type { SupplyPlan } from "../supply-plan";
import type { SupplyProblem } from "../supply-problem";
import { type ProductionProposal, simulatePlan } from "./simulate-plan";

/** Chase: production per period = that period's net requirement; crews follow the load. */
export function chasePlan(problem: SupplyProblem): SupplyPlan {
  const make = netRequirements(problem).map((needs, i) =>
    withCommitments(problem, i, (free) => {
      // Each free period makes its own need and that of the frozen periods just before it.
      const out = needs.map(() => 0);
      let carried = 0;
      needs.forEach((need, t) => {
        carried += need;
        if (free[t]) {
          out[t] = carried;
          carried = 0;
        }
      });
      return out;
    }),
  );
  return simulatePlan(problem, "chase", { make, workers: crews(problem, make, "chase") });
}

/** Level: the horizon's net requirement spread evenly over the periods that are not frozen. */
export function levelPlan(problem: SupplyProblem): SupplyPlan {
  const make = netRequirements(problem).map((needs, i) =>
    withCommitments(problem, i, (free) => {
      const open = free.filter(Boolean).length;
      const rate = open > 0 ? needs.reduce((a, b) => a + b, 0) / open : 0;
      return free.map((isFree) => (isFree ? rate : 0));
    }),
  );
  return simulatePlan(problem, "level", { make, workers: crews(problem, make, "level") });
}

/**
 * Net requirement per production option and period: demand at the plant plus demand at the DCs
 * it supplies (brought forward by the lane's lead time), plus the growth of safety-stock targets,
 * less the opening stock, which is used up first, and the scheduled receipts once they arrive.
 */
export function netRequirements(problem: SupplyProblem): number[][] {
  const T = problem.periods.length;
  const demandAt = demandByStockPosition(problem);
  const openingAt = openingByStockPosition(problem);
  const scheduledAt = scheduledReceiptsByStockPosition(problem);
  const targets = new Map(problem.safetyStock.map((s) => [stockKey(s.sku, s.location), s.quantities]));
  const target = (sku: string, location: string, t: number) => targets.get(stockKey(sku, location))?.[t] ?? 0;
  const source = firstSources(problem);
  return problem.production.map((option) => {
    const destinations = [
      { location: option.plant, lead: 0 },
      ...problem.lanes
        .filter((l) => l.from === option.plant && source.get(stockKey(option.sku, l.to)) === option.plant)
        .map((l) => ({ location: l.to, lead: l.leadTimePeriods })),
    ];
    const gross = Array.from({ length: T }, () => 0);
    let onHand = 0;
    // A receipt at a DC in s can stand in for production shipped lead periods before s.
    const arriving = Array.from({ length: T }, () => 0);
    for (const { location, lead } of destinations) {
      onHand += openingAt.get(stockKey(option.sku, location)) ?? 0;
      scheduledAt.get(stockKey(option.sku, location))?.forEach((q, s) => {
        arriving[Math.max(0, s - lead)]! += q;
      });
      for (let t = 0; t + lead < T; t++) {
        const demand = demandAt.get(stockKey(option.sku, location))?.[t + lead] ?? 0;
        const growth =
          target(option.sku, location, t + lead) -
          (t + lead > 0 ? target(option.sku, location, t + lead - 1) : 0);
        gross[t]! += demand + growth;
      }
    }
    const closing = problem.closingInventory.find(
      (c) => stockKey(c.sku, c.location) === stockKey(option.sku, option.plant),
    );
    gross[T - 1]! += closing?.quantity ?? 0;
    return gross.map((need, t) => {
      onHand += arriving[t]!;
      const used = Math.min(onHand, Math.max(0, need));
      onHand -= used;
      return Math.max(0, need - used);
    });
  });
}

/**
 * The plant that supplies each DC with each SKU ("SKU@DC"): the first lane from a plant that
 * makes it. Built once, since a search per production option is quadratic in the SKUs.
 */
function firstSources(problem: SupplyProblem): Map<string, string> {
  const plantsOf = new Map<string, Set<string>>();
  for (const o of problem.production) plantsOf.set(o.sku, (plantsOf.get(o.sku) ?? new Set()).add(o.plant));
  const sources = new Map<string, string>();
  for (const [sku, plants] of plantsOf)
    for (const lane of problem.lanes)
      if (plants.has(lane.from) && !sources.has(stockKey(sku, lane.to)))
        sources.set(stockKey(sku, lane.to), lane.from);
  return sources;
}

/** Applies firm commitments and the frozen horizon around a strategy's quantities. */
export function withCommitments(
  problem: SupplyProblem,
  i: number,
  strategy: (free: boolean[]) => number[],
): number[] {
  const option = problem.production[i]!;
  const firm = problem.periods.map((p) =>
    problem.firmProduction.find((f) => f.sku === option.sku && f.plant === option.plant && f.period === p),
  );
  const free = problem.periods.map((_, t) => firm[t] === undefined && t >= problem.frozenPeriods);
  return strategy(free).map((q, t) => firm[t]?.quantity ?? (free[t] ? q : 0));
}

/** Crew per resource: chase sizes it to each period's load, level to the average load. */
function crews(
  problem: SupplyProblem,
  make: number[][],
  strategy: "chase" | "level",
): ProductionProposal["workers"] {
  return problem.resources.map((resource) => {
    const crew = resource.workforce;
    if (!crew) return null;
    const hours = problem.periods.map((_, t) =>
      problem.routings
        .filter((x) => x.resource === resource.code)
        .reduce(
          (s, x) =>
            s +
            x.hoursPerUnit *
              make[problem.production.findIndex((o) => o.sku === x.sku && o.plant === x.plant)]![t]!,
          0,
        ),
    );
    const size = (h: number) => {
      const workers = h / crew.regularHoursPerWorker;
      return crew.integer ? Math.ceil(workers - 1e-9) : workers;
    };
    if (strategy === "chase") return hours.map(size);
    const level = size(hours.reduce((a, b) => a + b, 0) / Math.max(1, hours.length));
    return hours.map(() => level);
  });
}
