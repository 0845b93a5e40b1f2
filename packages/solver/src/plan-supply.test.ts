import { redTomatoProblem, type SupplyProblem } from "@fulcrum/engines";
import { afterAll, describe, expect, it } from "vitest";
import { planSupply } from "./plan-supply";
import { createSolver } from "./solver";

// Red Tomato with a fixed assembly line instead of a workforce: 2,000 hours a month (500 units),
// no overtime and no subcontractor, so demand can only be met late.
function fixedLine(backlogAtHorizonEnd: "allowed" | "forbidden"): SupplyProblem {
  const problem = redTomatoProblem({ integerWorkforce: false });
  const { workforce: _, ...line } = problem.resources[0]!;
  return {
    ...problem,
    resources: [{ ...line, regularHours: problem.periods.map(() => 2000), regularCostPerHour: 400 as never }],
    production: problem.production.map(({ subcontract: _s, ...option }) => option),
    backlogAtHorizonEnd,
  };
}

describe("planning supply end to end", () => {
  const solver = createSolver();
  afterAll(() => solver.close());

  it("names the binding resource, with its shadow price, as the cause of every shortfall", async () => {
    const result = await planSupply(solver, fixedLine("allowed"));
    if (result.status !== "optimal") throw new Error(`expected a plan, got ${result.status}`);
    const { shortfalls, capacity } = result.plan;
    expect(capacity[0]!.utilisation.every((u) => Math.abs(u - 100) < 1e-6)).toBe(true);
    expect(shortfalls.length).toBeGreaterThan(0);
    for (const s of shortfalls) {
      expect(s.causes).toContainEqual(
        expect.objectContaining({ kind: "resource", resource: "ASSEMBLY", period: s.period }),
      );
    }
    // An hour makes ¼ unit that would otherwise wait in backlog at $5 a month (and pays $4 wages,
    // $10 material): its value is positive.
    const cause = shortfalls[0]!.causes.find((c) => c.kind === "resource");
    expect(cause?.kind === "resource" && cause.shadowPrice !== null && cause.shadowPrice > 0).toBe(true);
  });

  it("reports infeasible, naming the rows in conflict, when backlog must be cleared but cannot", async () => {
    const result = await planSupply(solver, fixedLine("forbidden"));
    expect(result.status).toBe("infeasible");
    if (result.status !== "infeasible") return;
    expect(result.conflict.some((name) => name.startsWith("balance[TOOLS@PLANT]"))).toBe(true);
  });

  it("plans nothing, at no cost, when there is no demand", async () => {
    const idle = { ...redTomatoProblem({ integerWorkforce: false }), demand: [], closingInventory: [] };
    const result = await planSupply(solver, idle);
    if (result.status !== "optimal") throw new Error(`expected a plan, got ${result.status}`);
    // The crew is laid off at once (80 × $500) rather than paid for six idle months.
    expect(result.plan.costs.byKind["hiring-layoff"]).toBe(4_000_000);
    expect(result.plan.production[0]!.made.every((q) => q === 0)).toBe(true);
    expect(result.plan.shortfalls).toEqual([]);
  });

  it("returns the validation issues and solves nothing when the data is bad", async () => {
    const problem = {
      ...redTomatoProblem({ integerWorkforce: false }),
      lanes: [{ from: "PLANT", to: "NOWHERE", leadTimePeriods: -2, costPerUnit: 0 as never }],
    };
    const result = await planSupply(solver, problem);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.issues.map((i) => i.message)).toEqual([
      'unknown location "NOWHERE"',
      "lead time is -2, not a whole number of periods ≥ 0",
    ]);
  });
});
