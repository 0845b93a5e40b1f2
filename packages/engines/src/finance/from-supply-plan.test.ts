import type { Money } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { shortLinePlan, shortLineProblem } from "../supply/examples/short-line";
import { financialPlan } from "./financial-plan";
import { financialInputFromSupplyPlan } from "./from-supply-plan";

const m = (cents: number) => cents as Money;

describe("financialInputFromSupplyPlan", () => {
  const problem = shortLineProblem();
  const plan = shortLinePlan(problem);
  const input = financialInputFromSupplyPlan(
    problem,
    plan,
    [{ sku: "TOOL", material: m(300), labour: m(150), overhead: m(50) }],
    { groupOf: (sku) => (sku === "C" ? ["COMPONENTS"] : ["HAND"]), openingCash: m(0) },
  );
  const sku = (code: string) => input.skus.find((s) => s.sku === code)!;

  it("sells what the plan served at the problem's prices, and makes what it made", () => {
    expect(input.skus.map((s) => [s.sku, s.group])).toEqual([
      ["TOOL", ["HAND"]],
      ["PART", ["HAND"]],
      ["C", ["COMPONENTS"]],
    ]);
    expect(sku("TOOL").sales).toEqual([
      { segment: "RETAIL", units: [40, 90, 70], netPrice: [2000, 2000, 2000] },
      { segment: "WHOLESALE", units: [20, 40, 0], netPrice: [1500, 1500, 1500] },
    ]);
    expect(sku("TOOL").made).toEqual([60, 90, 70]);
    expect(input.paymentTerms).toEqual([
      { segment: "RETAIL", receivablesLagPeriods: 1 },
      { segment: "WHOLESALE", receivablesLagPeriods: 0 },
    ]);
  });

  it("buys parts, subcontracted units and outside material with their payment lags", () => {
    // Subcontract 10 × €9 in February; PART's €2 material × 40 a month; C 60 / 90 / 70 × €1.
    expect(sku("TOOL").purchases).toEqual([
      { supplier: "subcontract@P", paymentLagPeriods: 1, value: [0, 9000, 0] },
    ]);
    expect(sku("PART").purchases).toEqual([
      { supplier: "material@P", paymentLagPeriods: 1, value: [8000, 8000, 8000] },
    ]);
    expect(sku("C").purchases).toEqual([
      { supplier: "SUP", paymentLagPeriods: 1, value: [6000, 9000, 7000] },
    ]);
    // 30 TOOL at €5 held at the end of January.
    expect(sku("TOOL").inventoryValue).toEqual([15000, 0, 0]);
  });

  it("gives the standard cost as material where no split is known", () => {
    expect(sku("TOOL").standardCost).toEqual({ material: 300, labour: 150, overhead: 50 });
    expect(sku("PART").standardCost).toEqual({ material: 300, labour: 0, overhead: 0 });
  });

  it("feeds a financial plan whose revenue is the plan's revenue to the cent", () => {
    const finance = financialPlan(input);
    const planRevenue = problem.periods.map((_, t) =>
      plan.service.reduce((s, row) => s + row.revenue[t]!, 0),
    );
    expect(finance.total.byPeriod.map((f) => f.revenue)).toEqual(planRevenue);
    // TOOL January: 40 × €20 + 20 × €15 = €1,100; COGS 60 × €5 = €300; margin €800.
    const tool = finance.skus.find((s) => s.sku === "TOOL")!;
    expect(tool.byPeriod[0]).toMatchObject({ revenue: 110000, grossMargin: 80000 });
    // Cash in January: only WHOLESALE pays at once (€300); RETAIL pays a month later.
    expect(finance.total.byPeriod[0]!.cashIn).toBe(30000);
  });
});
