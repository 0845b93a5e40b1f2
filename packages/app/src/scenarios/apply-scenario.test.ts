import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { assembleSupplyProblem } from "../supply/assemble-supply-problem";
import type { SplitDemand } from "../supply/demand-split";
import { SMALL_COMPANY } from "../supply/supply-data.fixture";
import { type NodeSkus, priceFactor, scenarioData, scenarioDemand, scenarioProblem } from "./apply-scenario";
import { parseScenarioChange, type ScenarioChange } from "./scenario-change";

const P = ["2026-11", "2026-12", "2027-01"] as PeriodKey[];
const juiceFamily: NodeSkus = new Map([["group:FAM-JUICE", new Set(["JUICE"])]]);
const family = { kind: "group", code: "FAM-JUICE" } as const;
const span = (from: string, to: string) => ({ from: from as PeriodKey, to: to as PeriodKey });

const cell = (segment: string, period: PeriodKey, quantity: number, sku = "JUICE"): SplitDemand => ({
  sku,
  location: "DC",
  segment,
  period,
  quantity,
  variance: quantity,
});
const quantities = (cells: readonly SplitDemand[], segment = "RETAIL", sku = "JUICE") =>
  P.map((p) => cells.find((c) => c.sku === sku && c.segment === segment && c.period === p)?.quantity);

const demand = [
  ...P.map((p, t) => cell("RETAIL", p, [10, 20, 30][t]!)),
  ...P.map((p) => cell("KEY", p, 5)),
  ...P.map((p) => cell("RETAIL", p, 7, "OTHER")),
];

describe("scenarioDemand", () => {
  it("scales the node's cells in the segment and months given, and the error variance with the square", () => {
    const change: ScenarioChange = {
      kind: "demand",
      node: family,
      segment: "RETAIL",
      periods: span("2026-12", "2027-01"),
      percent: 50,
    };
    const cells = scenarioDemand(demand, [change], juiceFamily);
    expect(quantities(cells)).toEqual([10, 30, 45]);
    expect(quantities(cells, "KEY")).toEqual([5, 5, 5]);
    expect(quantities(cells, "RETAIL", "OTHER")).toEqual([7, 7, 7]);
    // variance 20 × 1.5² = 45
    expect(
      cells.find((c) => c.segment === "RETAIL" && c.period === "2026-12" && c.sku === "JUICE")?.variance,
    ).toBe(45);
  });

  it("spreads added units in proportion and exactly, and never takes a cell below zero", () => {
    const add = (units: number): ScenarioChange => ({
      kind: "demand",
      node: family,
      segment: "RETAIL",
      periods: span("2026-11", "2027-01"),
      units,
    });
    // 12 units over 10 : 20 : 30 → 2 : 4 : 6
    expect(quantities(scenarioDemand(demand, [add(12)], juiceFamily))).toEqual([12, 24, 36]);
    // 7 over 10 : 20 : 30 → 1.17, 2.33, 3.5 → floors 1, 2, 3 and the unit left to the largest fraction (3.5)
    expect(quantities(scenarioDemand(demand, [add(7)], juiceFamily))).toEqual([11, 22, 34]);
    expect(quantities(scenarioDemand(demand, [add(-500)], juiceFamily))).toEqual([0, 0, 0]);
  });

  it("answers a price move through the elasticity from its month on", () => {
    const change: ScenarioChange = {
      kind: "price",
      node: family,
      segment: null,
      from: "2027-01" as PeriodKey,
      percent: 10,
      elasticity: -2,
    };
    const cells = scenarioDemand(demand, [change], juiceFamily);
    // 30 × 1.1^−2 = 24.79…
    expect(quantities(cells)[2]).toBeCloseTo(30 / 1.21, 9);
    expect(quantities(cells).slice(0, 2)).toEqual([10, 20]);
    expect(quantities(cells, "KEY")[2]).toBeCloseTo(5 / 1.21, 9);
  });

  it("moves a launch later or earlier within the horizon", () => {
    const later = scenarioDemand(demand, [{ kind: "launch", sku: "JUICE", shiftMonths: 1 }], juiceFamily);
    expect(quantities(later)).toEqual([0, 10, 20]);
    const earlier = scenarioDemand(demand, [{ kind: "launch", sku: "JUICE", shiftMonths: -1 }], juiceFamily);
    expect(quantities(earlier)).toEqual([20, 30, 30]);
    expect(quantities(earlier, "RETAIL", "OTHER")).toEqual([7, 7, 7]);
  });

  it("applies changes in the order they were made", () => {
    const plus10: ScenarioChange = {
      kind: "demand",
      node: family,
      segment: "RETAIL",
      periods: span("2026-11", "2026-11"),
      units: 10,
    };
    const double: ScenarioChange = { ...plus10, units: undefined, percent: 100 };
    expect(quantities(scenarioDemand(demand, [plus10, double], juiceFamily))[0]).toBe(40);
    expect(quantities(scenarioDemand(demand, [double, plus10], juiceFamily))[0]).toBe(30);
  });
});

describe("scenarioProblem", () => {
  const { problem } = assembleSupplyProblem(SMALL_COMPANY);

  it("takes a lost line's hours away in its months and adds or removes hours elsewhere", () => {
    const lost = scenarioProblem(problem, [
      { kind: "capacity", resource: "FILL", periods: span("2026-12", "2026-12"), lineLost: true },
      { kind: "capacity", resource: "LABEL", periods: span("2026-11", "2026-12"), hours: -15 },
    ]);
    const fill = lost.resources.find((r) => r.code === "FILL")!;
    expect(fill.regularHours).toEqual([10, 0, 10]);
    expect(fill.maxOvertimeHours).toEqual([2, 0, 2]);
    expect(lost.resources.find((r) => r.code === "LABEL")!.regularHours).toEqual([0, 0, 10]);
  });

  it("cuts a supplier's capacity and lengthens its lead time in the disrupted months only", () => {
    const disrupted = scenarioProblem(problem, [
      {
        kind: "supplier",
        supplier: "S1",
        periods: span("2027-01", "2027-01"),
        capacityPercent: 40,
        extraLeadTimeMonths: 1,
      },
    ]);
    const line = disrupted.supplierItems.find((s) => s.supplier === "S1")!;
    const before = problem.supplierItems.find((s) => s.supplier === "S1")!;
    expect(line.capacityByPeriod).toEqual([
      before.capacityPerPeriod,
      before.capacityPerPeriod,
      before.capacityPerPeriod * 0.4,
    ]);
    expect(line.leadTimeByPeriod).toEqual([
      before.leadTimePeriods,
      before.leadTimePeriods,
      before.leadTimePeriods + 1,
    ]);
  });
});

describe("scenarioData", () => {
  it("moves material cost on the products and on the parts their bills of material buy", () => {
    const data = scenarioData(
      SMALL_COMPANY,
      [{ kind: "cost", node: family, element: "material", percent: 10 }],
      juiceFamily,
    );
    const juice = data.standardCosts.find((c) => c.sku === "JUICE")!;
    expect(juice.material).toBeCloseTo(220, 9);
    expect(juice.labour).toBe(60);
    // CONC is two levels below JUICE: 55 × 1.1
    expect(data.supplierItems[0]!.unitCost).toBeCloseTo(60.5, 9);
  });

  it("sets the service level of the node's finished SKUs ahead of the company default", () => {
    const data = scenarioData(
      SMALL_COMPANY,
      [{ kind: "inventory_target", node: family, serviceLevelPercent: 99 }],
      juiceFamily,
    );
    expect(data.serviceTargets[0]).toEqual({ segment: null, sku: "JUICE", targetPct: 99, measure: "cycle" });
    expect(data.serviceTargets).toHaveLength(2);
  });

  it("puts a price move in force from the first month into the price list, and a later one into the factor", () => {
    const now: ScenarioChange = {
      kind: "price",
      node: family,
      segment: "KEY",
      from: P[0]!,
      percent: 10,
      elasticity: 0,
    };
    const later: ScenarioChange = { ...now, from: P[2]!, segment: null };
    const data = scenarioData(SMALL_COMPANY, [now, later], juiceFamily);
    expect(data.prices.map((p) => p.unitPrice)).toEqual([600, 550]);
    const promotion: ScenarioChange = {
      kind: "promotion",
      node: family,
      segment: null,
      periods: span("2027-01", "2027-01"),
      upliftPercent: 30,
      discountPercent: 20,
    };
    const f = priceFactor([now, later, promotion], juiceFamily, P[0]!);
    expect(f("JUICE", "KEY", "2026-12")).toBe(1);
    expect(f("JUICE", "KEY", "2027-01")).toBeCloseTo(1.1 * 0.8, 12);
    expect(f("OTHER", "KEY", "2027-01")).toBe(1);
  });
});

describe("parseScenarioChange", () => {
  it("names the field at fault", () => {
    expect(() =>
      parseScenarioChange({
        kind: "demand",
        node: { kind: "all" },
        periods: { from: "2027-03", to: "2027-01" },
        percent: 5,
      }),
    ).toThrow(/periods: the span must end/);
    expect(() =>
      parseScenarioChange({
        kind: "capacity",
        resource: "FILL",
        periods: { from: "2027-01", to: "2027-01" },
      }),
    ).toThrow(/give either hours or lineLost/);
    expect(
      parseScenarioChange({
        kind: "supplier",
        supplier: "S1",
        periods: { from: "2027-01", to: "2027-02" },
        capacityPercent: 50,
      }),
    ).toMatchObject({ kind: "supplier", capacityPercent: 50 });
  });
});
