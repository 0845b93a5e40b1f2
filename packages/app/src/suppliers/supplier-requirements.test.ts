import { chasePlan, confirmedSupplierProblem } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { supplierRequirements } from "./supplier-requirements";

describe("supplierRequirements", () => {
  it("lists the plan's receipts per supplier line and month, ordered the quoted lead time earlier", () => {
    // 100 C a month; March's receipts quoted at 2 months, so ordered in January.
    const problem = confirmedSupplierProblem({ leadTimeByPeriod: [0, 0, 2] });
    expect(supplierRequirements(problem, chasePlan(problem))).toEqual([
      { supplier: "S", sku: "C", plant: "P", period: "2026-01", quantity: 100, orderPeriod: "2026-01" },
      { supplier: "S", sku: "C", plant: "P", period: "2026-02", quantity: 100, orderPeriod: "2026-02" },
      { supplier: "S", sku: "C", plant: "P", period: "2026-03", quantity: 100, orderPeriod: "2026-01" },
    ]);
  });

  it("leaves out months with nothing to receive", () => {
    const problem = confirmedSupplierProblem({ capacityByPeriod: [200, 0, 200] });
    expect(supplierRequirements(problem, chasePlan(problem)).map((r) => r.period)).toEqual([
      "2026-01",
      "2026-03",
    ]);
  });
});
