import type { PeriodKey } from "@fulcrum/domain";
import {
  chasePlan,
  checkPlan,
  type GeneratorSize,
  generateSupplyProblem,
  levelPlan,
  type SupplyProblem,
  validateSupplyProblem,
} from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { expectCostsAddUp, solveCheckedSupply, solveSupply } from "./testing/solve-supply";

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
      const solved = solveCheckedSupply(problem);
      expectCostsAddUp(problem, solved);
      const { plan } = solved;
      for (const s of plan.shortfalls) expect(s.causes.length).toBeGreaterThan(0);
    });
  }
});

// The same properties when suppliers have confirmed limits that vary by month: capacity cut to
// 30–100 % of the import (500 a month where unlimited) and one month longer lead times in every
// other month, a different pattern per line — for the optimiser and both heuristics.
describe("plans with per-period supplier confirmations on generated instances", () => {
  const confirmed = (problem: SupplyProblem): SupplyProblem => ({
    ...problem,
    supplierItems: problem.supplierItems.map((line, k) => {
      const base = Number.isFinite(line.capacityPerPeriod) ? line.capacityPerPeriod : 500;
      return {
        ...line,
        capacityByPeriod: problem.periods.map((_, t) => base * (0.3 + (0.7 * ((t * 7 + k * 3) % 5)) / 4)),
        leadTimeByPeriod: problem.periods.map((_, t) => line.leadTimePeriods + ((t + k) % 2)),
      };
    }),
  });
  for (const seed of [1, 2, 3]) {
    it(`holds for seed ${seed}`, () => {
      const problem = confirmed(
        generateSupplyProblem(seed, { skus: 6, months: 12, plants: 2, dcs: 2, components: 4 }),
      );
      expect(validateSupplyProblem(problem)).toEqual([]);
      const solved = solveSupply(problem);
      expectCostsAddUp(problem, solved);
      const { plan } = solved;
      // The confirmations bind: some month's receipts sit at a confirmed limit below the import.
      const atConfirmedLimit = problem.supplierItems.filter((line, k) =>
        plan.purchases[k]!.received.some((q, t) => {
          const limit = line.capacityByPeriod![t]!;
          return limit < line.capacityPerPeriod && q >= limit - 1e-6;
        }),
      );
      expect(atConfirmedLimit.length).toBeGreaterThan(0);
      for (const candidate of [plan, levelPlan(problem), chasePlan(problem)]) {
        expect(checkPlan(problem, candidate)).toEqual([]);
        for (const s of candidate.shortfalls) expect(s.causes.length).toBeGreaterThan(0);
      }
    });
  }
});

// The same invariants with material and finished goods on order: a receipt of each supplier
// line's component in every third month, one overdue, and one of a finished SKU at a DC — for the
// optimiser and both heuristics. Costs still add up: receipts carry no cost of their own.
describe("plans with scheduled receipts on generated instances", () => {
  const onOrder = (problem: SupplyProblem): SupplyProblem => ({
    ...problem,
    scheduledReceipts: [
      ...problem.supplierItems.flatMap((line, k) =>
        problem.periods
          .filter((_, t) => (t + k) % 3 === 0)
          .map((period, i) => ({
            sku: line.component,
            location: line.plant,
            period: i === 0 && k === 0 ? ("2000-01" as PeriodKey) : period,
            quantity: 40 + 10 * k,
          })),
      ),
      ...problem.demand
        .slice(0, 1)
        .map((d) => ({ sku: d.sku, location: d.location, period: d.period, quantity: 25 })),
    ],
  });
  for (const seed of [1, 2, 3]) {
    it(`holds for seed ${seed}`, () => {
      const problem = onOrder(
        generateSupplyProblem(seed, { skus: 6, months: 12, plants: 2, dcs: 2, components: 4 }),
      );
      expect(validateSupplyProblem(problem)).toEqual([]);
      const solved = solveSupply(problem);
      expectCostsAddUp(problem, solved);
      const { plan } = solved;
      const onOrderTotal = problem.scheduledReceipts!.reduce((sum, r) => sum + r.quantity, 0);
      const inPlan = plan.inventory.reduce(
        (sum, row) => sum + row.scheduledReceipts.reduce((a, b) => a + b, 0),
        0,
      );
      expect(inPlan).toBeCloseTo(onOrderTotal, 6);
      for (const candidate of [plan, levelPlan(problem), chasePlan(problem)])
        expect(checkPlan(problem, candidate), candidate.method).toEqual([]);
    });
  }
});
