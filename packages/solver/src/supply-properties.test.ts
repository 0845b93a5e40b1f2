import {
  buildSupplyModel,
  checkPlan,
  type GeneratorSize,
  generateSupplyProblem,
  readSupplyPlan,
  validateSupplyProblem,
} from "@fulcrum/engines";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import { solveArrays } from "./highs-solve";

const highs = await loadHighs();

// Property: for generated networks the optimal plan balances every stock position in every period,
// keeps within capacity, supplier limits and lead times, honours firm commitments, and its
// costs — recomputed from the problem's prices — add up to the solver's objective.
describe("optimal plans on generated instances", () => {
  const cases: { seed: number; size: GeneratorSize }[] = [
    ...[1, 2, 3, 4].map((seed) => ({
      seed,
      size: { skus: 6, months: 12, plants: 2, dcs: 2, components: 4 },
    })),
    { seed: 9, size: { skus: 3, months: 6, plants: 1, dcs: 2, components: 3, integerWorkforce: true } },
    { seed: 10, size: { skus: 4, months: 6, plants: 2, dcs: 1, components: 3, minimumBatches: true } },
  ];
  for (const { seed, size } of cases) {
    it(`holds for seed ${seed} (${size.skus} SKUs${size.integerWorkforce ? ", integer crews" : ""}${size.minimumBatches ? ", minimum batches" : ""})`, () => {
      const problem = generateSupplyProblem(seed, size);
      expect(validateSupplyProblem(problem)).toEqual([]);
      const supply = buildSupplyModel(problem);
      const result = solveArrays(highs, supply.model.toArrays());
      expect(result.status).toBe("optimal");
      const plan = readSupplyPlan(supply, {
        columns: result.columns!,
        ...(result.duals ? { duals: result.duals } : {}),
      });
      expect(checkPlan(problem, plan)).toEqual([]);
      const roundingAllowance = 0.5 * Object.keys(plan.costs.byKind).length * problem.periods.length;
      expect(Math.abs(plan.costs.total - result.objective!)).toBeLessThanOrEqual(roundingAllowance);
      for (const s of plan.shortfalls) expect(s.causes.length).toBeGreaterThan(0);
    });
  }
});
