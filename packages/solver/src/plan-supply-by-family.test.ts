import { checkPlan, generatedFamilies, generateSupplyProblem } from "@fulcrum/engines";
import { afterAll, describe, expect, it } from "vitest";
import { planSupply } from "./plan-supply";
import { planSupplyByFamily } from "./plan-supply-by-family";
import { createSolver } from "./solver";

describe("planning by product family", () => {
  const solver = createSolver();
  afterAll(() => solver.close());

  it("returns a consistent SKU plan that costs no less than the flat LP's optimum", async () => {
    const size = { skus: 12, months: 6, plants: 2, dcs: 2, components: 3, resources: 4 };
    const problem = generateSupplyProblem(4, size);
    const families = generatedFamilies(size);
    expect(new Set(families.values()).size).toBe(4);
    const [flat, byFamily] = [
      await planSupply(solver, problem),
      await planSupplyByFamily(solver, problem, families),
    ];
    if (flat.status !== "optimal" || byFamily.status !== "optimal") throw new Error("expected two plans");
    expect(byFamily.plan.method).toBe("optimiser-by-family");
    expect(byFamily.plan.production).toHaveLength(problem.production.length);
    expect(checkPlan(problem, byFamily.plan)).toEqual([]);
    // Every SKU plan is feasible for the flat LP, so none beats its optimum (costs rounded per cent,
    // period and kind).
    expect(byFamily.plan.costs.total).toBeGreaterThanOrEqual(flat.plan.costs.total - 60);
  });

  it("plans nothing when the SKU-level problem is invalid", async () => {
    const problem = generateSupplyProblem(1, { skus: 2, months: 3, plants: 1, dcs: 1, components: 1 });
    const result = await planSupplyByFamily(solver, { ...problem, periods: [] }, new Map());
    expect(result.status).toBe("invalid");
  });
});
