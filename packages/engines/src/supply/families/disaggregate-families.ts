// From a plan on product families back to SKUs: each family's production in a period is split
// over its members in proportion to their net requirements in that period, and the split goes
// through the same simulation as the level and chase plans, so stock still balances per SKU and
// location, capacity and supplier limits hold, and costs are recomputed from the SKUs' own prices.

import { netRequirements, withCommitments } from "../heuristics/level-chase";
import { simulatePlan } from "../heuristics/simulate-plan";
import type { SupplyPlan } from "../supply-plan";
import type { SupplyProblem } from "../supply-problem";
import type { FamilyMap } from "./aggregate-families";
import { groupBy, key } from "./group-by";

/**
 * The SKU-level plan for `problem` from `familyPlan`, a plan of `aggregateFamilies(problem,
 * familyOf)`. Member i of a family at a plant makes, in period t,
 *   make[i][t] = (made[F][t] + subcontracted[F][t] − firm[F][t]) · need[i][t] / Σ need[F][t],
 * with the net requirements of `netRequirements` (its share over the horizon when the family
 * needs nothing that period, equal shares when it never does); firm quantities and the frozen
 * periods are then applied as in the heuristics. Crews are the family plan's.
 */
export function disaggregateFamilyPlan(
  problem: SupplyProblem,
  familyOf: FamilyMap,
  familyPlan: SupplyPlan,
): SupplyPlan {
  const T = problem.periods.length;
  const family = (sku: string) => familyOf.get(sku) ?? sku;
  const needs = netRequirements(problem);
  const planned = new Map(
    familyPlan.production.map((p) => [key(p.sku, p.plant), p.made.map((m, t) => m + p.subcontracted[t]!)]),
  );
  const periodOf = new Map(problem.periods.map((p, t) => [p, t]));
  const firm = new Map<string, number[]>();
  for (const f of problem.firmProduction) {
    const k = key(family(f.sku), f.plant);
    const series = firm.get(k) ?? Array.from({ length: T }, () => 0);
    series[periodOf.get(f.period)!]! += f.quantity;
    firm.set(k, series);
  }

  const make: number[][] = problem.production.map(() => []);
  const groups = groupBy([...problem.production.keys()], (i) => [
    family(problem.production[i]!.sku),
    problem.production[i]!.plant,
  ]);
  for (const [k, members] of groups) {
    const total = planned.get(k) ?? [];
    const horizon = members.map((i) => needs[i]!.reduce((a, b) => a + b, 0));
    for (const i of members) make[i] = Array.from({ length: T }, () => 0);
    for (let t = 0; t < T; t++) {
      const free = Math.max(0, (total[t] ?? 0) - (firm.get(k)?.[t] ?? 0));
      const weights =
        shares(members.map((i) => needs[i]![t]!)) ?? shares(horizon) ?? members.map(() => 1 / members.length);
      members.forEach((i, m) => {
        make[i]![t] = free * weights[m]!;
      });
    }
  }
  return simulatePlan(problem, "optimiser-by-family", {
    make: problem.production.map((_, i) =>
      withCommitments(problem, i, (free) => free.map((f, t) => (f ? make[i]![t]! : 0))),
    ),
    workers: familyPlan.capacity.map((row) => row.workers ?? null),
  });
}

/** Each value over their sum; null when they sum to nothing. */
function shares(values: readonly number[]): number[] | null {
  const total = values.reduce((a, b) => a + b, 0);
  return total > 0 ? values.map((v) => v / total) : null;
}
