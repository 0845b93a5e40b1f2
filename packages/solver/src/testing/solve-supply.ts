// The solver tests' one way to solve a supply problem: build the LP, solve it with HiGHS, expect
// an optimum and read the plan back, so each test states only what it checks about the plan.

import { buildSupplyModel, checkPlan, readSupplyPlan, type SupplyProblem } from "@fulcrum/engines";
import loadHighs from "highs";
import { expect } from "vitest";
import { solveArrays } from "../highs-solve";

export const highs = await loadHighs();

export function solveSupply(problem: SupplyProblem) {
  const supply = buildSupplyModel(problem);
  const result = solveArrays(highs, supply.model.toArrays());
  expect(result.status).toBe("optimal");
  const plan = readSupplyPlan(supply, {
    columns: result.columns!,
    ...(result.duals ? { duals: result.duals } : {}),
  });
  return { plan, objective: result.objective! };
}

/** `solveSupply`, and the plan passes every check of the problem (balance, capacity, limits…). */
export function solveCheckedSupply(problem: SupplyProblem) {
  const solved = solveSupply(problem);
  expect(checkPlan(problem, solved.plan)).toEqual([]);
  return solved;
}

/**
 * The plan's costs add up to the solver's objective, within the rounding of each period and cost
 * kind to a cent (half a cent each).
 */
export function expectCostsAddUp(
  problem: SupplyProblem,
  { plan, objective }: ReturnType<typeof solveSupply>,
): void {
  const roundingAllowance = 0.5 * Object.keys(plan.costs.byKind).length * problem.periods.length;
  expect(Math.abs(plan.costs.total - objective)).toBeLessThanOrEqual(roundingAllowance);
}
