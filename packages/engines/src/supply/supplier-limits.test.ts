import { describe, expect, it } from "vitest";
import { buildSupplyModel } from "./build-supply-model";
import { checkPlan } from "./check-plan";
import { confirmedSupplierProblem } from "./examples/confirmed-supplier";
import { chasePlan } from "./heuristics/level-chase";
import type { SupplyPlan } from "./supply-plan";
import { validateSupplyProblem } from "./validate-supply-problem";

const buyColumns = (problem: ReturnType<typeof confirmedSupplierProblem>) => {
  const supply = buildSupplyModel(problem);
  return supply.purchases[0]!.receipts.map((c) => (c === null ? null : supply.model.variables[c]!.upper));
};

describe("per-period supplier limits", () => {
  it("bounds each month's buy column by the capacity confirmed for it, the import elsewhere", () => {
    expect(buyColumns(confirmedSupplierProblem())).toEqual([200, 200, 200]);
    expect(buyColumns(confirmedSupplierProblem({ capacityByPeriod: [200, 200, 40] }))).toEqual([
      200, 200, 40,
    ]);
  });

  it("has no buy column for a month the quoted lead time cannot reach from the first month", () => {
    // Receipts in 2026-02 quoted at 2 months would need an order in 2025-12: no column.
    expect(buyColumns(confirmedSupplierProblem({ leadTimeByPeriod: [0, 2, 1] }))).toEqual([200, null, 200]);
  });

  it("chase loses the sales a month's confirmed capacity cannot cover, naming the supplier", () => {
    // Given 40 C confirmed for January, When chase plans, Then it makes 40 A and loses 60 there.
    const problem = confirmedSupplierProblem({ capacityByPeriod: [40, 200, 200] });
    const plan = chasePlan(problem);
    expect(plan.purchases[0]!.received).toEqual([40, 100, 100]);
    expect(plan.service[0]!.lost).toEqual([60, 0, 0]);
    expect(plan.shortfalls.map((s) => [s.period, s.units, s.causes])).toEqual([
      [
        "2026-01",
        60,
        [{ kind: "supplier", supplier: "S", component: "C", period: "2026-01", shadowPrice: null }],
      ],
    ]);
    expect(checkPlan(problem, plan)).toEqual([]);
  });

  it("chase buys nothing in a month the quoted lead time cannot reach", () => {
    const problem = confirmedSupplierProblem({ leadTimeByPeriod: [0, 2, 0] });
    const plan = chasePlan(problem);
    expect(plan.purchases[0]!.received).toEqual([100, 0, 100]);
    expect(plan.shortfalls.map((s) => [s.period, s.causes[0]?.kind])).toEqual([["2026-02", "supplier"]]);
    expect(checkPlan(problem, plan)).toEqual([]);
  });

  it("checkPlan flags receipts above a month's confirmed capacity or inside its lead time", () => {
    const plan = chasePlan(confirmedSupplierProblem());
    const received = plan.purchases[0]!.received;
    expect(received).toEqual([100, 100, 100]);
    const tighter = confirmedSupplierProblem({
      capacityByPeriod: [200, 200, 40],
      leadTimeByPeriod: [1, 0, 0],
    });
    const asIs: SupplyPlan = plan;
    expect(checkPlan(tighter, asIs)).toEqual([
      "C from S arrives in 2026-01, before its lead time allows",
      "S ships more C than it can in 2026-03",
    ]);
  });

  it("reports per-period limits of the wrong length, negative, NaN or fractional, naming the line", () => {
    const messages = validateSupplyProblem(
      confirmedSupplierProblem({ capacityByPeriod: [10, -1, Number.NaN, 5], leadTimeByPeriod: [0, 0.5] }),
    ).map((i) => `${i.entity} ${i.key}: ${i.message}`);
    expect(messages).toEqual([
      "supplierItems S/C@P: capacity by period has 4 values for 3 periods",
      "supplierItems S/C@P: capacity in 2026-02 is -1, not ≥ 0",
      "supplierItems S/C@P: capacity in 2026-03 is NaN, not ≥ 0",
      "supplierItems S/C@P: lead time by period has 2 values for 3 periods",
      "supplierItems S/C@P: lead time in 2026-02 is 0.5, not a whole number of periods ≥ 0",
    ]);
  });
});
