// The alignment and finance views on generated networks (plants, DCs, lanes, components, two
// segments) planned by the heuristics: fractional units, transfers and both shortage policies.

import { describe, expect, it } from "vitest";
import { financialPlan } from "../finance/financial-plan";
import { financialInputFromSupplyPlan } from "../finance/from-supply-plan";
import { validateFinancialPlanInput } from "../finance/validate-financial-plan";
import { generateSupplyProblem } from "../supply/examples/generate-supply-problem";
import { chasePlan, levelPlan } from "../supply/heuristics/level-chase";
import { ALLOCATION_RULES } from "./allocation";
import { demandSupplyGap } from "./demand-supply-gap";
import { reallocatePlanService } from "./reallocate-plan-service";

const cases = [1, 2, 3].flatMap((seed) =>
  [chasePlan, levelPlan].map((method) => {
    const problem = generateSupplyProblem(seed, { skus: 6, months: 6, plants: 2, dcs: 2, components: 3 });
    return { name: `seed ${seed}, ${method.name}`, problem, plan: method(problem) };
  }),
);

describe.each(cases)("on a generated plan ($name)", ({ problem, plan }) => {
  const family = (sku: string) => `F${Number(sku.replace(/\D/g, "")) % 2}`;

  it("gives a valid financial input whose revenue is the plan's", () => {
    const input = financialInputFromSupplyPlan(problem, plan, [], { groupOf: (sku) => [family(sku)] });
    expect(validateFinancialPlanInput(input)).toEqual([]);
    const finance = financialPlan(input);
    const planRevenue = plan.service.reduce((s, r) => s + r.revenue.reduce((a, b) => a + b, 0), 0);
    expect(finance.total.horizon.revenue).toBe(planRevenue);
    const h = finance.total.horizon;
    expect(h.revenue - h.cogs.total).toBe(h.grossMargin);
  });

  it("accounts in the gap view for every cent of overtime and subcontracting", () => {
    const gap = demandSupplyGap(problem, plan, family);
    plan.periods.forEach((period, t) => {
      const rows = gap.rows.filter((r) => r.period === period);
      const rest = gap.unattributed[t]!;
      expect(rows.reduce((s, r) => s + r.overtimeCost, 0) + rest.overtimeCost).toBe(
        plan.capacity.reduce(
          (s, c, r) => s + Math.round(c.overtimeHours[t]! * problem.resources[r]!.overtimeCostPerHour),
          0,
        ),
      );
      const subcontracted = plan.production.reduce((s, p) => {
        const option = problem.production.find((o) => o.sku === p.sku && o.plant === p.plant);
        return s + Math.round(p.subcontracted[t]! * (option?.subcontract?.costPerUnit ?? 0));
      }, 0);
      expect(rows.reduce((s, r) => s + r.subcontractCost, 0) + rest.subcontractCost).toBe(subcontracted);
      const served = plan.service.reduce((s, r) => s + r.served[t]!, 0);
      expect(rows.reduce((s, r) => s + r.servedUnits, 0)).toBeCloseTo(served, 6);
      for (const r of rows) expect(r.prebuildUnits).toBeLessThanOrEqual(r.servedUnits + 1e-9);
    });
  });

  it("re-divides the served units under every rule without exceeding what is owed", () => {
    const segments = problem.segments.map((s, i) => ({ code: s.code, priority: i + 1 }));
    for (const rule of ALLOCATION_RULES) {
      const result = reallocatePlanService(problem, plan, rule, { segments });
      for (const line of result.lines) {
        expect(line.allocated + line.unallocated).toBe(line.served);
        for (const s of line.segments) expect(s.allocated).toBeLessThanOrEqual(s.demand + s.carriedIn);
      }
    }
  });
});
