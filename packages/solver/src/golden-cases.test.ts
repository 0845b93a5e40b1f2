import type { Money, PeriodKey } from "@fulcrum/domain";
import {
  buildSupplyModel,
  COST_KINDS,
  checkPlan,
  objectiveAt,
  readSupplyPlan,
  redTomatoProblem,
  type SupplyProblem,
} from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { solveArrays } from "./highs-solve";
import { highs, solveSupply } from "./testing/solve-supply";

// Chopra & Meindl, "Supply Chain Management", ch. 8, Red Tomato Tools: the LP optimum costs
// $422,275; with whole workers it costs $422,660, for instance (the textbook's plan):
//   regular time 64 × $640 × 6 = 245,760   layoffs 16 × $500 = 8,000
//   material 2,560 × 6 × $10 = 153,600    subcontract 140 × $30 = 4,200
//   holding (1,960 + 1,520 + 880 + 0 + 140 + 500) × $2 = 10,000   backlog 220 × $5 = 1,100
describe("Red Tomato Tools (Chopra & Meindl, ch. 8) solved by HiGHS", () => {
  it("finds the textbook's optimal LP cost of $422,275 with every cost kind adding up to it", () => {
    const { plan, objective } = solveSupply(redTomatoProblem({ integerWorkforce: false }));
    expect(objective / 100).toBeCloseTo(422_275, 4);
    const sum = COST_KINDS.reduce((total, kind) => total + plan.costs.byKind[kind], 0);
    expect(sum).toBe(plan.costs.total);
    // Each period-kind cost is rounded to a cent: at most half a cent each.
    expect(Math.abs(plan.costs.total - objective)).toBeLessThanOrEqual(0.5 * COST_KINDS.length * 6);
    expect(checkPlan(redTomatoProblem({ integerWorkforce: false }), plan)).toEqual([]);
    expect(plan.shortfalls.length).toBeGreaterThan(0);
  });

  it("finds the integer optimum of $422,660: whole workers, 16 laid off, 220 units backlogged in April", () => {
    const problem = redTomatoProblem({ integerWorkforce: true });
    const supply = buildSupplyModel(problem);
    expect(supply.model.isMip).toBe(true);
    const result = solveArrays(highs, supply.model.toArrays(), { mipRelativeGap: 0 });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBeCloseTo(42_266_000, 2);
    expect(objectiveAt(supply.model, result.columns!)).toBeCloseTo(result.objective!, 3);
    const plan = readSupplyPlan(supply, { columns: result.columns! });
    expect(checkPlan(problem, plan)).toEqual([]);
    expect(plan.costs.total).toBe(42_266_000);
    // The optimum is not unique: the textbook's 64 workers all year ties with keeping 65 until
    // March (+$1,920 wages, +$1,200 material, +$480 holding, −$3,600 subcontracting). Every
    // optimum lays off 16 workers and backlogs 220 units in April, by choice rather than for lack
    // of capacity.
    const crew = plan.capacity[0]!;
    for (const w of crew.workers!) expect(Math.abs(w - Math.round(w))).toBeLessThan(1e-6);
    expect(crew.layoffs!.reduce((a, b) => a + b, 0)).toBeCloseTo(16, 6);
    expect(crew.hires!.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
    expect(plan.service[0]!.backlog[3]).toBeCloseTo(220, 6);
    expect(plan.shortfalls.map((s) => [s.period, s.causes])).toEqual([["2026-04", [{ kind: "cost" }]]]);
  });
});

// A plant makes A from one component C per unit and ships it to a DC; the supplier can deliver
// only 80 C a month, the line could make 100 A. DC demand is 100 a month in a lost-sales segment
// at €10. Serving a unit costs €2 (C) + €1 (transport) < €10, so the optimum makes and ships 80
// and loses 20 each month: material 2 × 80 × €2 = 320, transport 2 × 80 × €1 = 160, lost sales
// 2 × 20 × €10 = 400; total €880.
function supplierLimited(): SupplyProblem {
  const periods = ["2026-01", "2026-02"] as PeriodKey[];
  const euros = (n: number) => (n * 100) as Money;
  return {
    periods,
    locations: [
      { code: "P", kind: "plant" },
      { code: "D", kind: "dc" },
    ],
    items: [
      { sku: "A", standardCost: euros(5), holdingCostPerPeriod: euros(0.5) },
      { sku: "C", standardCost: euros(2), holdingCostPerPeriod: euros(0.1) },
    ],
    production: [{ sku: "A", plant: "P", materialCostPerUnit: euros(0) }],
    routings: [{ sku: "A", plant: "P", resource: "LINE", hoursPerUnit: 1 }],
    resources: [
      {
        code: "LINE",
        plant: "P",
        regularHours: [100, 100],
        regularCostPerHour: euros(0),
        maxOvertimeHours: [0, 0],
        overtimeCostPerHour: euros(0),
      },
    ],
    bom: [{ parent: "A", component: "C", quantityPer: 1 }],
    suppliers: [{ code: "S", paymentLagPeriods: 1 }],
    supplierItems: [
      {
        supplier: "S",
        component: "C",
        plant: "P",
        unitCost: euros(2),
        leadTimePeriods: 0,
        capacityPerPeriod: 80,
      },
    ],
    lanes: [{ from: "P", to: "D", leadTimePeriods: 0, costPerUnit: euros(1) }],
    segments: [
      { code: "WEB", shortage: { kind: "lost-sales", goodwillPerUnit: euros(0) }, receivablesLagPeriods: 0 },
    ],
    demand: periods.map((period) => ({ sku: "A", location: "D", segment: "WEB", period, quantity: 100 })),
    prices: [{ sku: "A", segment: "WEB", price: euros(10) }],
    openingInventory: [],
    closingInventory: [],
    safetyStock: [],
    firmProduction: [],
    frozenPeriods: 0,
    backlogAtHorizonEnd: "allowed",
    payablesLagPeriods: 0,
  };
}

describe("a supplier-limited two-echelon network, solved by hand", () => {
  it("loses what the supplier cannot cover, names the supplier, and costs €880", () => {
    const problem = supplierLimited();
    const { plan, objective } = solveSupply(problem);
    expect(objective).toBeCloseTo(88_000, 6);
    expect(plan.production[0]!.made).toEqual([80, 80]);
    expect(plan.purchases[0]!.received).toEqual([80, 80]);
    expect(plan.transfers[0]!.departures).toEqual([80, 80]);
    expect(plan.service[0]).toMatchObject({
      served: [80, 80],
      lost: [20, 20],
      lostRevenue: [20_000, 20_000],
    });
    expect(plan.costs.byKind).toMatchObject({ material: 32_000, transport: 16_000, "lost-sales": 40_000 });
    expect(plan.costs.total).toBe(88_000);
    // Cash: €800 of sales a month received at once; the supplier is paid a month later.
    expect(plan.cashFlow.map((c) => [c.receipts, c.materialPayments, c.overheadPayments])).toEqual([
      [80_000, 0, 8_000],
      [80_000, 16_000, 8_000],
    ]);
    expect(plan.cashAfterHorizon).toEqual({ receipts: 0, payments: 16_000 });
    // One more C in a month would save a lost sale (€10) less its own cost and transport (€3).
    const supplier = { kind: "supplier", supplier: "S", component: "C", shadowPrice: 700 };
    expect(plan.shortfalls.map((s) => [s.period, s.units, s.causes])).toEqual([
      ["2026-01", 20, [{ ...supplier, period: "2026-01" }]],
      [
        "2026-02",
        20,
        [
          { ...supplier, period: "2026-02" },
          { ...supplier, period: "2026-01" },
        ],
      ],
    ]);
  });
});
