// The optimiser for companies too big for one flat LP (ADR 0400: the WebAssembly heap caps a
// model at about 1.3M columns): plan product families with the LP, then split the families'
// production over their SKUs and simulate the SKU plan, so every SKU-level invariant still holds.

import {
  aggregateFamilies,
  disaggregateFamilyPlan,
  type FamilyMap,
  type SupplyProblem,
  validateSupplyProblem,
} from "@fulcrum/engines";
import { planSupply, type SupplyPlanResult } from "./plan-supply";
import type { SolveOptions } from "./solve-result";
import type { Solver } from "./solver";

/**
 * Like `planSupply`, with the LP on `aggregateFamilies(problem, familyOf)`. The returned plan is
 * per SKU (method `optimiser-by-family`); `objective` is the family LP's, and the SKU plan's own
 * cost — what compares with the flat LP — is `plan.costs.total`.
 */
export async function planSupplyByFamily(
  solver: Solver,
  problem: SupplyProblem,
  familyOf: FamilyMap,
  options: SolveOptions = {},
): Promise<SupplyPlanResult> {
  const issues = validateSupplyProblem(problem);
  if (issues.length > 0) return { status: "invalid", issues };
  const families = await planSupply(solver, aggregateFamilies(problem, familyOf), options);
  if (families.status !== "optimal" && families.status !== "time-limit") return families;
  if (!families.plan) return families;
  return { ...families, plan: disaggregateFamilyPlan(problem, familyOf, families.plan) };
}
