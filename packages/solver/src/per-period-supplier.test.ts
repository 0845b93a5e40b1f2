import { confirmedSupplierProblem } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { solveCheckedSupply as solve } from "./testing/solve-supply";

// 100 A a month at €10; C costs €2, transport €1, holding C €0.10 a month (see the example).
describe("per-period supplier confirmations, solved by hand", () => {
  it("pre-builds when March's confirmed capacity drops to 40: buys 60 C more in February", () => {
    // Serving all 300 units: material 300 × €2 + transport 300 × €1 + 60 C held a month × €0.10
    // = €906. Buying the 60 in January would hold them two months (€12); losing them costs €420.
    const { plan, objective } = solve(confirmedSupplierProblem({ capacityByPeriod: [200, 200, 40] }));
    expect(plan.purchases[0]!.received).toEqual([100, 160, 40]);
    expect(plan.service[0]!.lost).toEqual([0, 0, 0]);
    expect(objective).toBeCloseTo(90_600, 6);
  });

  it("loses January's sales beyond the 40 C confirmed for it, and names the supplier", () => {
    // Nothing can arrive earlier than January: 60 lost (€600), the rest served at €3 a unit.
    const { plan, objective } = solve(confirmedSupplierProblem({ capacityByPeriod: [40, 200, 200] }));
    expect(plan.purchases[0]!.received).toEqual([40, 100, 100]);
    expect(plan.service[0]!.lost).toEqual([60, 0, 0]);
    expect(objective).toBeCloseTo(240 * 300 + 60 * 1000, 6);
    expect(plan.shortfalls).toHaveLength(1);
    expect(plan.shortfalls[0]!.causes).toEqual([
      // One more C in January saves a lost sale (€10) less its cost and transport (€3).
      { kind: "supplier", supplier: "S", component: "C", period: "2026-01", shadowPrice: 700 },
    ]);
  });

  it("pre-buys for a month the quoted lead time cannot reach", () => {
    // February's receipts quoted at 2 months cannot be ordered: January buys 200 and holds 100.
    const { plan } = solve(confirmedSupplierProblem({ leadTimeByPeriod: [0, 2, 0] }));
    expect(plan.purchases[0]!.received).toEqual([200, 0, 100]);
    expect(plan.service[0]!.lost).toEqual([0, 0, 0]);
  });
});
