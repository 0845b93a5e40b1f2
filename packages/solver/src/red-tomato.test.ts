import {
  buildSupplyModel,
  COST_KINDS,
  objectiveAt,
  readSupplyPlan,
  redTomatoProblem,
} from "@fulcrum/engines";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import { solveArrays } from "./highs-solve";

const highs = await loadHighs();

// Chopra & Meindl, "Supply Chain Management", ch. 8, Red Tomato Tools: the LP optimum costs
// $422,275 (workforce cut to 64.58 in January and held); with whole workers it costs $422,660:
//   regular time 64 × $640 × 6 = 245,760   layoffs 16 × $500 = 8,000
//   material 2,560 × 6 × $10 = 153,600    subcontract 140 × $30 = 4,200
//   holding (1,960 + 1,520 + 880 + 0 + 140 + 500) × $2 = 10,000   backlog 220 × $5 = 1,100
describe("Red Tomato Tools (Chopra & Meindl, ch. 8) solved by HiGHS", () => {
  it("finds the textbook's optimal LP cost of $422,275 with every cost kind adding up to it", () => {
    const supply = buildSupplyModel(redTomatoProblem({ integerWorkforce: false }));
    const result = solveArrays(highs, supply.model.toArrays());
    expect(result.status).toBe("optimal");
    expect(result.objective! / 100).toBeCloseTo(422_275, 4);
    const plan = readSupplyPlan(supply, { columns: result.columns!, rowDuals: result.rowDuals! });
    const sum = COST_KINDS.reduce((total, kind) => total + plan.costs.byKind[kind], 0);
    expect(sum).toBe(plan.costs.total);
    // Each period-kind cost is rounded to a cent: at most half a cent each.
    expect(Math.abs(plan.costs.total - result.objective!)).toBeLessThanOrEqual(0.5 * COST_KINDS.length * 6);
    expect(plan.capacity[0]!.workers![0]).toBeCloseTo(10_333.333 / 160, 3);
    expect(plan.shortfalls.length).toBeGreaterThan(0);
  });

  it("finds the integer plan: 16 layoffs in January, 140 units subcontracted and 220 backlogged in April, $422,660", () => {
    const supply = buildSupplyModel(redTomatoProblem({ integerWorkforce: true }));
    expect(supply.model.isMip).toBe(true);
    const result = solveArrays(highs, supply.model.toArrays(), { mipRelativeGap: 0 });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBeCloseTo(42_266_000, 2);
    expect(objectiveAt(supply.model, result.columns!)).toBeCloseTo(result.objective!, 3);
    const plan = readSupplyPlan(supply, { columns: result.columns! });
    const crew = plan.capacity[0]!;
    expect(crew.workers).toEqual([64, 64, 64, 64, 64, 64]);
    expect(crew.layoffs![0]).toBe(16);
    expect(plan.production[0]!.made.every((q) => Math.abs(q - 2560) < 1e-6)).toBe(true);
    expect(plan.production[0]!.subcontracted[3]).toBeCloseTo(140, 6);
    expect(plan.service[0]!.backlog[3]).toBeCloseTo(220, 6);
    expect(plan.inventory[0]!.closing.map((q) => Math.round(q))).toEqual([1960, 1520, 880, 0, 140, 500]);
    expect(plan.costs.byKind).toMatchObject({
      labour: 24_576_000,
      "hiring-layoff": 800_000,
      material: 15_360_000,
      "subcontract-expedite": 420_000,
      holding: 1_000_000,
      backlog: 110_000,
    });
    expect(plan.costs.total).toBe(42_266_000);
    // April's shortfall is a choice, not a limit: overtime and hiring were possible but dearer.
    const april = plan.shortfalls.find((s) => s.period === "2026-04")!;
    expect(april.units).toBeCloseTo(220, 6);
    expect(april.causes).toEqual([{ kind: "cost" }]);
  });
});
