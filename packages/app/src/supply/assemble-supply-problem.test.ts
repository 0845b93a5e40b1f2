import { checkPlan, levelPlan, validateSupplyProblem } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { assembleSupplyProblem } from "./assemble-supply-problem";
import { phantomIntermediates } from "./phantom-intermediates";
import { SMALL_COMPANY } from "./supply-data.fixture";

describe("assembleSupplyProblem", () => {
  const { problem, stockTargets, issues } = assembleSupplyProblem(SMALL_COMPANY);

  it("assembles a problem the engine accepts, with demand per DC and segment", () => {
    expect(issues).toEqual([]);
    expect(validateSupplyProblem(problem)).toEqual([]);
    expect(problem.demand.filter((d) => d.period === "2026-11").map((d) => [d.segment, d.quantity])).toEqual([
      ["KEY", 30],
      ["RETAIL", 70],
    ]);
    expect(problem.items.map((i) => i.sku).sort()).toEqual(["BOTTLE", "CONC", "JUICE"]);
  });

  it("derives the lanes, costs and policies the catalogue does not hold", () => {
    // Plant and DC lie in different regions: 2 × 1 % of the plant's mean finished-goods cost (300).
    expect(problem.lanes).toEqual([{ from: "PLANT", to: "DC", leadTimePeriods: 0, costPerUnit: 6 }]);
    expect(problem.items.find((i) => i.sku === "JUICE")).toMatchObject({
      standardCost: 300,
      holdingCostPerPeriod: 5,
    });
    // Materials of a made item enter through its BOM; 35 days is one monthly period.
    expect(problem.production.find((o) => o.sku === "JUICE")?.materialCostPerUnit).toBe(0);
    expect(problem.supplierItems).toEqual([
      {
        supplier: "S1",
        component: "CONC",
        plant: "PLANT",
        unitCost: 55,
        leadTimePeriods: 1,
        capacityPerPeriod: 1000,
      },
    ]);
    expect(problem.bom.find((b) => b.component === "CONC")?.quantityPer).toBeCloseTo(1.02, 12);
    expect(problem.suppliers).toEqual([{ code: "S1", paymentLagPeriods: 2 }]);
    expect(problem.segments).toEqual([
      // RETAIL: 5 % of 600. KEY pays 500 but ranks first: 600 + 30 − 500, plus 5 % of 500.
      { code: "KEY", receivablesLagPeriods: 1, shortage: { kind: "lost-sales", goodwillPerUnit: 155 } },
      { code: "RETAIL", receivablesLagPeriods: 1, shortage: { kind: "lost-sales", goodwillPerUnit: 30 } },
    ]);
    expect(problem.prices).toEqual([
      { sku: "JUICE", segment: "KEY", price: 500 },
      { sku: "JUICE", segment: "RETAIL", price: 600 },
    ]);
  });

  it("sizes safety stock at the DC from the forecast band and stores a target above it", () => {
    expect(problem.safetyStock).toHaveLength(1);
    const [target] = stockTargets;
    expect(target).toMatchObject({ sku: "JUICE", location: "DC" });
    // σ = 40 / 2.5632 ≈ 15.6 per month, z(95 %) ≈ 1.645 → about 25.7 units.
    expect(target!.safetyStock[0]).toBeCloseTo(1.6449 * (40 / 2.5632), 2);
    expect(target!.target[0]).toBeCloseTo(target!.safetyStock[0]! + 50, 9);
  });

  it("plans the phantom problem with a heuristic into a plan that keeps every invariant", () => {
    const flat = phantomIntermediates(problem);
    expect(checkPlan(flat, levelPlan(flat))).toEqual([]);
  });

  it("turns the supplier's responses in force into per-period capacity and lead time", () => {
    const response = (id: string, period: string, capacity: number, leadTimeDays: number) => ({
      id,
      supplier: "S1",
      sku: "CONC",
      period,
      capacity,
      leadTimeDays,
      status: "counter" as const,
      comment: "",
      respondedAt: "2026-11-20T10:00:00.000Z",
    });
    const answered = assembleSupplyProblem({
      ...SMALL_COMPANY,
      // A response for another supplier's item is ignored: S2 has no line here.
      supplierResponses: [
        response("4", "2026-12", 400, 70),
        { ...response("5", "2026-12", 1, 0), supplier: "S2" },
      ],
    });
    // December: 400 units, 70 days → 2 periods; the other months keep 1,000 and 35 days → 1.
    expect(answered.problem.supplierItems).toEqual([
      {
        supplier: "S1",
        component: "CONC",
        plant: "PLANT",
        unitCost: 55,
        leadTimePeriods: 1,
        capacityPerPeriod: 1000,
        capacityByPeriod: [1000, 400, 1000],
        leadTimeByPeriod: [1, 2, 1],
      },
    ]);
    expect(answered.supplierResponsesUsed).toEqual(["4"]);
    expect(validateSupplyProblem(answered.problem)).toEqual([]);
  });

  it("names the rows behind data it cannot plan", () => {
    const { issues: bad } = assembleSupplyProblem({
      ...SMALL_COMPANY,
      capacity: SMALL_COMPANY.capacity.filter((c) => !(c.resource === "FILL" && c.period === "2026-12")),
      prices: [],
    });
    expect(bad).toEqual([
      { entity: "resource_capacity", key: "FILL/2026-12", message: "no capacity for this period" },
      { entity: "prices", key: "JUICE/KEY", message: "no price valid at the as-of date" },
      { entity: "prices", key: "JUICE/RETAIL", message: "no price valid at the as-of date" },
    ]);
  });
});

describe("open purchase orders", () => {
  it("become scheduled receipts in their promised month, overdue ones in the first", () => {
    const { problem } = assembleSupplyProblem({
      ...SMALL_COMPANY,
      openOrders: [
        { sku: "CONC", location: "PLANT", promisedDate: "2026-10-10", quantity: 40 },
        { sku: "CONC", location: "PLANT", promisedDate: "2026-12-10", quantity: 300 },
        // Not an item of the plan: left out.
        { sku: "OTHER", location: "PLANT", promisedDate: "2026-12-10", quantity: 5 },
      ],
    });
    expect(problem.scheduledReceipts).toEqual([
      { sku: "CONC", location: "PLANT", period: "2026-11", quantity: 40 },
      { sku: "CONC", location: "PLANT", period: "2026-12", quantity: 300 },
    ]);
    expect(validateSupplyProblem(problem)).toEqual([]);
  });
});
