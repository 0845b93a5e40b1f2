import type { PeriodKey } from "@fulcrum/domain";
import { checkPlan, levelPlan, validateSupplyProblem } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { assembleSupplyProblem } from "./assemble-supply-problem";
import { phantomIntermediates } from "./phantom-intermediates";
import { SMALL_COMPANY } from "./supply-data.fixture";
import { applySupplyInputs } from "./supply-inputs";

const { problem } = assembleSupplyProblem(SMALL_COMPANY);
const p = (text: string) => text as PeriodKey;

describe("applySupplyInputs", () => {
  it("replaces the calendar's hours only where an edit says so", () => {
    const { problem: edited, applied } = applySupplyInputs(problem, {
      frozenPeriods: 0,
      firmProduction: [],
      capacity: [
        // An extra shift on the labelling line in December; overtime stopped in January.
        { resource: "LABEL", period: p("2026-12"), regularHours: 18, overtimeHours: null },
        { resource: "LABEL", period: p("2027-01"), regularHours: null, overtimeHours: 0 },
        // Before the horizon, and a resource no routing uses: both left out.
        { resource: "LABEL", period: p("2026-10"), regularHours: 99, overtimeHours: 99 },
        { resource: "PACK", period: p("2026-12"), regularHours: 5, overtimeHours: 5 },
      ],
    });
    const label = edited.resources.find((r) => r.code === "LABEL")!;
    expect(label.regularHours).toEqual([10, 18, 10]);
    expect(label.maxOvertimeHours).toEqual([2, 2, 0]);
    expect(edited.resources.find((r) => r.code === "FILL")).toBe(
      problem.resources.find((r) => r.code === "FILL"),
    );
    expect(applied).toEqual({ frozenPeriods: 0, firmCommitments: 0, capacityEdits: 2 });
  });

  it("fixes committed production in the frozen months, and a plan keeps it", () => {
    // Concentrate delivered within the month, so that November's commitment can be made at all.
    const quick = assembleSupplyProblem({
      ...SMALL_COMPANY,
      supplierItems: SMALL_COMPANY.supplierItems.map((s) => ({ ...s, leadTimeDays: 0 })),
    }).problem;
    const { problem: firm, applied } = applySupplyInputs(quick, {
      frozenPeriods: 1,
      firmProduction: [
        { sku: "JUICE", plant: "PLANT", period: p("2026-11"), quantity: 120 },
        { sku: "BOTTLE", plant: "PLANT", period: p("2026-11"), quantity: 200 },
        { sku: "JUICE", plant: "PLANT", period: p("2026-01"), quantity: 500 },
      ],
      capacity: [],
    });
    expect(applied).toEqual({ frozenPeriods: 1, firmCommitments: 2, capacityEdits: 0 });
    expect(validateSupplyProblem(firm)).toEqual([]);
    const planned = phantomIntermediates(firm);
    const plan = levelPlan(planned);
    expect(checkPlan(planned, plan)).toEqual([]);
    expect(plan.production.find((o) => o.sku === "JUICE")?.made[0]).toBe(120);
  });

  it("cuts the frozen horizon to the planned months, and lets validation name a commitment nothing can make", () => {
    const { problem: firm } = applySupplyInputs(problem, {
      frozenPeriods: 12,
      firmProduction: [{ sku: "CONC", plant: "PLANT", period: p("2026-12"), quantity: 10 }],
      capacity: [],
    });
    expect(firm.frozenPeriods).toBe(3);
    expect(validateSupplyProblem(firm).map((i) => `${i.entity} ${i.key}`)).toContain(
      "firmProduction CONC@PLANT/2026-12",
    );
  });
});
