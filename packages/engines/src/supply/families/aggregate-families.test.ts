import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../check-plan";
import { chasePlan } from "../heuristics/level-chase";
import type { SupplyProblem } from "../supply-problem";
import { validateSupplyProblem } from "../validate-supply-problem";
import { aggregateFamilies } from "./aggregate-families";
import { disaggregateFamilyPlan } from "./disaggregate-families";

const periods = ["2026-01", "2026-02"] as PeriodKey[];
const euros = (n: number) => (n * 100) as Money;
const family = new Map([
  ["A", "F"],
  ["B", "F"],
]);

// Two SKUs of family F made at plant P on LINE and sold at P. A needs 2 C a unit, bought at €3
// (or €5 from a second line); demand A 30 + 10, B 10 + 30 units, so A weighs 40/80 = ½.
function twoSkus(): SupplyProblem {
  return {
    periods,
    locations: [{ code: "P", kind: "plant" }],
    items: [
      { sku: "A", standardCost: euros(10), holdingCostPerPeriod: euros(1) },
      { sku: "B", standardCost: euros(20), holdingCostPerPeriod: euros(2) },
      { sku: "C", standardCost: euros(3), holdingCostPerPeriod: euros(0.1) },
    ],
    production: [
      { sku: "A", plant: "P", materialCostPerUnit: euros(1) },
      {
        sku: "B",
        plant: "P",
        materialCostPerUnit: euros(4),
        subcontract: { costPerUnit: euros(30), maxPerPeriod: 5 },
      },
    ],
    routings: [
      { sku: "A", plant: "P", resource: "LINE", hoursPerUnit: 2 },
      { sku: "B", plant: "P", resource: "LINE", hoursPerUnit: 1 },
    ],
    resources: [
      {
        code: "LINE",
        plant: "P",
        regularHours: [1000, 1000],
        regularCostPerHour: euros(0),
        maxOvertimeHours: [0, 0],
        overtimeCostPerHour: euros(0),
      },
    ],
    bom: [{ parent: "A", component: "C", quantityPer: 2 }],
    suppliers: [{ code: "S", paymentLagPeriods: 0 }],
    supplierItems: [
      {
        supplier: "S",
        component: "C",
        plant: "P",
        unitCost: euros(5),
        leadTimePeriods: 0,
        capacityPerPeriod: 1000,
      },
      {
        supplier: "S",
        component: "C",
        plant: "P",
        unitCost: euros(3),
        leadTimePeriods: 0,
        capacityPerPeriod: 1000,
      },
    ],
    lanes: [],
    segments: [
      { code: "ALL", shortage: { kind: "backlog", costPerUnitPeriod: euros(1) }, receivablesLagPeriods: 0 },
    ],
    demand: [
      ...[30, 10].map((quantity, t) => ({
        sku: "A",
        location: "P",
        segment: "ALL",
        period: periods[t]!,
        quantity,
      })),
      ...[10, 30].map((quantity, t) => ({
        sku: "B",
        location: "P",
        segment: "ALL",
        period: periods[t]!,
        quantity,
      })),
    ],
    prices: [
      { sku: "A", segment: "ALL", price: euros(100) },
      { sku: "B", segment: "ALL", price: euros(200) },
    ],
    openingInventory: [
      { sku: "A", location: "P", quantity: 0 },
      { sku: "B", location: "P", quantity: 0 },
      { sku: "C", location: "P", quantity: 50 },
    ],
    closingInventory: [],
    safetyStock: [],
    firmProduction: [],
    frozenPeriods: 0,
    backlogAtHorizonEnd: "allowed",
    payablesLagPeriods: 0,
  };
}

describe("aggregateFamilies", () => {
  const families = aggregateFamilies(twoSkus(), family);

  it("sums quantities and weights per-unit figures by the members' demand", () => {
    expect(validateSupplyProblem(families)).toEqual([]);
    expect(families.items).toEqual([{ sku: "F", standardCost: euros(15), holdingCostPerPeriod: euros(1.5) }]);
    expect(families.demand.map((d) => [d.sku, d.period, d.quantity])).toEqual([
      ["F", "2026-01", 40],
      ["F", "2026-02", 40],
    ]);
    // ½ · 2 h + ½ · 1 h; ½ · €100 + ½ · €200.
    expect(families.routings).toEqual([{ sku: "F", plant: "P", resource: "LINE", hoursPerUnit: 1.5 }]);
    expect(families.prices).toEqual([{ sku: "F", segment: "ALL", price: euros(150) }]);
    expect(families.openingInventory).toEqual([{ sku: "F", location: "P", quantity: 0 }]);
  });

  it("turns the members' components into material cost at the cheapest line, and drops them", () => {
    // A: €1 + 2 × €3 = €7; B: €4; the family ½ · 7 + ½ · 4 = €5.50. Only B subcontracts: its price, its limit.
    expect(families.production).toEqual([
      {
        sku: "F",
        plant: "P",
        materialCostPerUnit: euros(5.5),
        subcontract: { costPerUnit: euros(30), maxPerPeriod: 5 },
      },
    ]);
    expect(families.bom).toEqual([]);
    expect(families.supplierItems).toEqual([]);
  });
});

describe("disaggregateFamilyPlan", () => {
  it("splits each period's family production by the members' net requirements, and the SKU plan balances", () => {
    const problem = twoSkus();
    // Chase on the family makes its 40 units a month.
    const familyPlan = chasePlan(aggregateFamilies(problem, family));
    expect(familyPlan.production[0]!.made).toEqual([40, 40]);
    const plan = disaggregateFamilyPlan(problem, family, familyPlan);
    expect(plan.method).toBe("optimiser-by-family");
    // A needs 30 then 10 of the 40, B 10 then 30: each makes exactly its demand.
    expect(plan.production.map((p) => [p.sku, p.made])).toEqual([
      ["A", [30, 10]],
      ["B", [10, 30]],
    ]);
    // C: 50 in stock covers January's 60 but for 10 bought at €3; February's 20 are all bought.
    expect(plan.purchases.find((b) => b.received.some((q) => q > 0))!.received).toEqual([10, 20]);
    expect(plan.service.map((s) => s.backlog)).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(checkPlan(problem, plan)).toEqual([]);
  });

  it("keeps firm quantities and the frozen periods as they are", () => {
    const problem: SupplyProblem = {
      ...twoSkus(),
      frozenPeriods: 1,
      firmProduction: [{ sku: "B", plant: "P", period: periods[0]!, quantity: 12 }],
    };
    const familyPlan = chasePlan(aggregateFamilies(problem, family));
    const plan = disaggregateFamilyPlan(problem, family, familyPlan);
    expect(plan.production.map((p) => p.made[0])).toEqual([0, 12]);
    expect(checkPlan(problem, plan)).toEqual([]);
  });
});
