// The rule-based planner behind the level and chase strategies: a strategy proposes production per
// SKU, plant and period (and a crew size); this simulation then walks the periods in order,
// limiting production to capacity and components, buying components lot-for-lot from the
// cheapest supplier that can deliver in time, shipping to DCs what they will need after the
// lane's lead time, and serving demand from stock — backlogging or losing the rest. The result
// goes through the same assembler as the optimiser's, so the plans compare like for like.

import { assemblePlan, type PlanDecisions } from "../assemble-plan";
import {
  groupDemand,
  laneFlows,
  openingByStockPosition,
  scheduledReceiptsByStockPosition,
  stockKey,
  stockPositions,
} from "../network";
import { supplierCanDeliverAt, supplierCapacityAt } from "../supplier-limits";
import type { PlanMethod, SupplyPlan } from "../supply-plan";
import type { SupplyProblem } from "../supply-problem";

/** A strategy's proposal; the simulation may make less when capacity or components run out. */
export interface ProductionProposal {
  /** Units per production option (problem order) and period. */
  readonly make: readonly (readonly number[])[];
  /** Headcount per resource and period, for resources with a workforce (null otherwise). */
  readonly workers: readonly (readonly number[] | null)[];
}

export function simulatePlan(
  problem: SupplyProblem,
  method: PlanMethod,
  proposal: ProductionProposal,
): SupplyPlan {
  const { periods } = problem;
  const T = periods.length;
  const grid = (n: number) => Array.from({ length: n }, () => periods.map(() => 0));
  const positions = stockPositions(problem);
  const opening = openingByStockPosition(problem);
  const stock = new Map(
    positions.map((p) => [stockKey(p.sku, p.location), opening.get(stockKey(p.sku, p.location)) ?? 0]),
  );
  const take = (key: string, units: number) => stock.set(key, stock.get(key)! - units);
  const put = (key: string, units: number) => stock.set(key, (stock.get(key) ?? 0) + units);
  const scheduled = [...scheduledReceiptsByStockPosition(problem)];

  const make = grid(problem.production.length);
  const subcontract = grid(problem.production.length);
  const purchases = grid(problem.supplierItems.length);
  const flows = laneFlows(problem);
  const transfers = grid(flows.length);
  const closing = grid(positions.length);
  const regular = grid(problem.resources.length);
  const overtime = grid(problem.resources.length);
  const groups = groupDemand(problem);
  const backlog = grid(groups.length);
  const lost = grid(groups.length);

  // Lookups built once: the simulation visits every record in every period.
  const optionAt = new Map(problem.production.map((o, i) => [stockKey(o.sku, o.plant), i]));
  const routed = problem.resources.map((resource) =>
    problem.routings.flatMap((x) => {
      const option = optionAt.get(stockKey(x.sku, x.plant));
      return x.resource === resource.code && option !== undefined ? [{ option, hours: x.hoursPerUnit }] : [];
    }),
  );
  const bomOf = groupBy(problem.bom, (b) => b.parent);
  const linesTo = groupBy(
    problem.supplierItems
      .map((line, k) => ({ line, k, price: line.unitCost + (line.expeditePremiumPerUnit ?? 0) }))
      .sort((a, b) => a.price - b.price),
    ({ line }) => stockKey(line.component, line.plant),
  );
  const inbound = groupBy(
    flows.map((f, h) => ({ ...f, h })),
    (f) => stockKey(f.sku, f.lane.to),
  );
  const demandAt = groupBy(
    groups.map((g, k) => ({ ...g, k })),
    (g) => stockKey(g.sku, g.location),
  );
  const safetyAt = new Map(problem.safetyStock.map((s) => [stockKey(s.sku, s.location), s.quantities]));
  const loadOf = (r: number, quantities: readonly number[]) =>
    routed[r]!.reduce((sum, x) => sum + x.hours * quantities[x.option]!, 0);

  for (let t = 0; t < T; t++) {
    // What is already on order arrives first, so components are bought only beyond it.
    for (const [key, quantities] of scheduled) put(key, quantities[t]!);
    const planned = problem.production.map((_, i) => proposal.make[i]![t]!);
    // Capacity: scale down every SKU on an overloaded resource by the same factor.
    problem.resources.forEach((_, r) => {
      const limit = hoursAvailable(problem, r, proposal.workers[r]?.[t] ?? 0, t);
      const load = loadOf(r, planned);
      if (load <= limit.regular + limit.overtime) return;
      const factor = (limit.regular + limit.overtime) / load;
      for (const x of routed[r]!) planned[x.option]! *= factor;
    });
    // Components: buy what is missing from the cheapest lines that can deliver now; make less if short.
    for (const [i, option] of problem.production.entries()) {
      const lines = bomOf.get(option.sku) ?? [];
      for (const line of lines) {
        const key = stockKey(line.component, option.plant);
        let missing = planned[i]! * line.quantityPer - stock.get(key)!;
        for (const { line: source, k } of linesTo.get(key) ?? []) {
          if (missing <= 0) break;
          if (!supplierCanDeliverAt(source, t)) continue;
          const units = Math.min(missing, supplierCapacityAt(source, t) - purchases[k]![t]!);
          if (units <= 0) continue;
          purchases[k]![t]! += units;
          put(key, units);
          missing -= units;
        }
        if (missing > 0) planned[i] = stock.get(key)! / line.quantityPer;
      }
      make[i]![t] = planned[i]!;
      for (const line of lines) take(stockKey(line.component, option.plant), planned[i]! * line.quantityPer);
      put(stockKey(option.sku, option.plant), planned[i]!);
      // Whatever capacity or components could not make is subcontracted, as far as allowed.
      const gap = Math.min(proposal.make[i]![t]! - planned[i]!, option.subcontract?.maxPerPeriod ?? 0);
      if (gap > 0) {
        subcontract[i]![t] = gap;
        put(stockKey(option.sku, option.plant), gap);
      }
    }
    problem.resources.forEach((_, r) => {
      const limit = hoursAvailable(problem, r, proposal.workers[r]?.[t] ?? 0, t);
      const load = loadOf(
        r,
        make.map((m) => m[t]!),
      );
      regular[r]![t] = Math.min(load, limit.regular);
      overtime[r]![t] = load - regular[r]![t]!;
    });

    // Ship to each DC what it will need until the shipment arrives, plus its safety stock, less
    // what it holds and what is already on the way.
    flows.forEach(({ sku, lane }, f) => {
      const arrival = t + lane.leadTimePeriods;
      if (arrival >= T) return;
      const dc = stockKey(sku, lane.to);
      const inTransit = (inbound.get(dc) ?? []).reduce(
        (sum, g) => sum + sumOf(transfers[g.h]!.slice(Math.max(0, t - g.lane.leadTimePeriods), t)),
        0,
      );
      const due = (demandAt.get(dc) ?? []).reduce(
        (sum, g) => sum + sumOf(g.quantities.slice(t, arrival + 1)) + (t > 0 ? backlog[g.k]![t - 1]! : 0),
        0,
      );
      const wanted = due + (safetyAt.get(dc)?.[arrival] ?? 0) - stock.get(dc)! - inTransit;
      const units = Math.max(0, Math.min(wanted, stock.get(stockKey(sku, lane.from))!));
      transfers[f]![t] = units;
      take(stockKey(sku, lane.from), units);
    });
    flows.forEach(({ sku, lane }, f) => {
      if (t - lane.leadTimePeriods >= 0)
        put(stockKey(sku, lane.to), transfers[f]![t - lane.leadTimePeriods]!);
    });

    // Serve demand from stock: what is owed first, then this period's demand.
    groups.forEach((g, k) => {
      const key = stockKey(g.sku, g.location);
      const policy = problem.segments.find((s) => s.code === g.segment)!.shortage;
      const due = g.quantities[t]! + (t > 0 ? backlog[k]![t - 1]! : 0);
      const served = Math.min(due, Math.max(0, stock.get(key)!));
      take(key, served);
      if (policy.kind === "backlog") backlog[k]![t] = due - served;
      else lost[k]![t] = due - served;
    });
    positions.forEach((p, i) => {
      closing[i]![t] = stock.get(stockKey(p.sku, p.location))!;
    });
  }

  const crews = problem.resources.map((_, r) => proposal.workers[r] ?? null);
  const decisions: PlanDecisions = {
    make,
    subcontract,
    purchases,
    transfers,
    closing,
    regular,
    overtime,
    workers: crews,
    hires: problem.resources.map((resource, r) =>
      crewChanges(resource.workforce?.openingWorkers, crews[r] ?? null, +1),
    ),
    layoffs: problem.resources.map((resource, r) =>
      crewChanges(resource.workforce?.openingWorkers, crews[r] ?? null, -1),
    ),
    backlog,
    lost,
  };
  return assemblePlan(problem, method, decisions);
}

function groupBy<X>(items: readonly X[], key: (x: X) => string): Map<string, X[]> {
  const groups = new Map<string, X[]>();
  for (const x of items) {
    const k = key(x);
    const group = groups.get(k);
    if (group) group.push(x);
    else groups.set(k, [x]);
  }
  return groups;
}

function sumOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Regular and overtime hours a resource has in a period, from its calendar or its crew. */
function hoursAvailable(problem: SupplyProblem, r: number, workers: number, t: number) {
  const resource = problem.resources[r]!;
  const crew = resource.workforce;
  if (!crew) return { regular: resource.regularHours[t]!, overtime: resource.maxOvertimeHours[t]! };
  return {
    regular: workers * crew.regularHoursPerWorker,
    overtime: workers * crew.maxOvertimeHoursPerWorker,
  };
}

/** Hires (direction +1) or layoffs (−1) that move the crew from one period's size to the next. */
function crewChanges(
  opening: number | undefined,
  crew: readonly number[] | null,
  direction: 1 | -1,
): number[] | null {
  if (opening === undefined || crew === null) return null;
  return crew.map((w, t) => Math.max(0, direction * (w - (t === 0 ? opening : crew[t - 1]!))));
}
