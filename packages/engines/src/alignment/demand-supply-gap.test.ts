import { describe, expect, it } from "vitest";
import { assemblePlan } from "../supply/assemble-plan";
import { shortLinePlan, shortLineProblem } from "../supply/examples/short-line";
import { demandSupplyGap } from "./demand-supply-gap";

// The short-line case (see supply/examples/short-line.ts): TOOL in group TOOLS, PART in PARTS.
// February is the short month: 30 TOOL from January's stock, 10 overtime hours (€300) on a line
// loaded 90 h by TOOL and 20 h by PART, 10 TOOL subcontracted (€90); TOOL served RETAIL 90 of 100
// and WHOLESALE 40 of 40. March catches up RETAIL's 10 and loses WHOLESALE's 20.
const problem = shortLineProblem();
const plan = shortLinePlan(problem);
const gap = demandSupplyGap(problem, plan, (sku) => (sku === "TOOL" ? "TOOLS" : "PARTS"));
const row = (group: string, segment: string, period: string) =>
  gap.rows.find((r) => r.group === group && r.segment === segment && r.period === period)!;

describe("demandSupplyGap", () => {
  it("has a row per group, segment and period in plan order", () => {
    expect(gap.rows.map((r) => `${r.group}/${r.segment}/${r.period}`)).toEqual([
      "TOOLS/RETAIL/2026-01",
      "TOOLS/RETAIL/2026-02",
      "TOOLS/RETAIL/2026-03",
      "TOOLS/WHOLESALE/2026-01",
      "TOOLS/WHOLESALE/2026-02",
      "TOOLS/WHOLESALE/2026-03",
      "PARTS/RETAIL/2026-01",
      "PARTS/RETAIL/2026-02",
      "PARTS/RETAIL/2026-03",
    ]);
  });

  it("shows February's gap and the levers that filled it, shared by units served", () => {
    // TOOL's February levers go 90/130 to RETAIL and 40/130 to WHOLESALE.
    // Pre-build: stock 30 → 0, all 30 served: RETAIL 30·90/130 = 20.77, WHOLESALE 9.23.
    // Overtime: TOOL's share 10 h · 90/110 = 8.18 h; €300 split 90:20 → 245.45 + 54.55 → the cent
    //   left to PART's larger fraction: TOOL 24545, PART 5455. TOOL's 24545 split 90:40 → 16992.69 +
    //   7552.31 → RETAIL 16993, WHOLESALE 7552. Hours RETAIL 8.18·90/130 = 5.66.
    // Subcontract: 10 units · 90/130 = 6.92; €90 → 6230.77 + 2769.23 → 6231 and 2769.
    const retail = row("TOOLS", "RETAIL", "2026-02");
    expect(retail).toMatchObject({
      demandUnits: 100,
      demandRevenue: 200000,
      servedUnits: 90,
      servedRevenue: 180000,
      gapUnits: 10,
      overtimeCost: 16993,
      subcontractCost: 6231,
      backlogUnits: 10,
      lostUnits: 0,
    });
    expect(retail.prebuildUnits).toBeCloseTo((30 * 90) / 130, 9);
    expect(retail.overtimeHours).toBeCloseTo((((10 * 90) / 110) * 90) / 130, 9);
    expect(retail.subcontractUnits).toBeCloseTo((10 * 90) / 130, 9);
    expect(row("TOOLS", "WHOLESALE", "2026-02")).toMatchObject({
      gapUnits: 0,
      overtimeCost: 7552,
      subcontractCost: 2769,
    });
    const part = row("PARTS", "RETAIL", "2026-02");
    expect(part).toMatchObject({ gapUnits: 0, overtimeCost: 5455, prebuildUnits: 0, subcontractCost: 0 });
    expect(part.overtimeHours).toBeCloseTo((10 * 20) / 110, 9);
  });

  it("shows catch-up as a negative gap and what stays unfilled", () => {
    // March: RETAIL asks 60 and gets 70 (10 owed); WHOLESALE asks 20 at €15 and loses them.
    expect(row("TOOLS", "RETAIL", "2026-03")).toMatchObject({ gapUnits: -10, backlogUnits: 0 });
    expect(row("TOOLS", "WHOLESALE", "2026-03")).toMatchObject({
      demandRevenue: 30000,
      servedUnits: 0,
      gapUnits: 20,
      lostUnits: 20,
      lostRevenue: 30000,
      prebuildUnits: 0,
      overtimeHours: 0,
    });
    // January builds the stock: nothing is drawn down and no lever is pulled.
    expect(row("TOOLS", "RETAIL", "2026-01")).toMatchObject({
      prebuildUnits: 0,
      overtimeCost: 0,
      gapUnits: 0,
    });
  });

  it("sums the gap over the horizon to the units lost plus the backlog left", () => {
    for (const key of ["TOOLS/RETAIL", "TOOLS/WHOLESALE", "PARTS/RETAIL"]) {
      const own = gap.rows.filter((r) => `${r.group}/${r.segment}` === key);
      const lost = own.reduce((s, r) => s + r.lostUnits, 0);
      expect(own.reduce((s, r) => s + r.gapUnits, 0)).toBeCloseTo(lost + own.at(-1)!.backlogUnits, 9);
    }
  });

  it("puts every cent of overtime and subcontracting in one row or in unattributed", () => {
    plan.periods.forEach((period, t) => {
      const inPeriod = gap.rows.filter((r) => r.period === period);
      const rest = gap.unattributed[t]!;
      expect(inPeriod.reduce((s, r) => s + r.overtimeCost, 0) + rest.overtimeCost).toBe(
        plan.costs.byPeriod[t]!.overtime,
      );
      expect(inPeriod.reduce((s, r) => s + r.subcontractCost, 0) + rest.subcontractCost).toBe(
        plan.costs.byPeriod[t]!["subcontract-expedite"],
      );
      expect(inPeriod.reduce((s, r) => s + r.overtimeHours, 0) + rest.overtimeHours).toBeCloseTo(
        plan.capacity[0]!.overtimeHours[t]!,
        9,
      );
    });
    expect(gap.unattributed.every((u) => u.overtimeCost === 0)).toBe(true);
  });

  it("reports overtime on stock built with no sales in the period as unattributed", () => {
    // A variant where PART is also made in March on 10 overtime hours (€300) but PART has neither
    // sales nor demand there: PART's share 20/(70 + 20) of the hours goes unattributed.
    const noPartDemand = {
      ...problem,
      demand: problem.demand.filter((d) => !(d.sku === "PART" && d.period === "2026-03")),
    };
    const none = [0, 0, 0];
    const variant = assemblePlan(noPartDemand, "optimiser", {
      make: [
        [60, 90, 70],
        [40, 40, 40],
      ],
      subcontract: [[0, 10, 0], none],
      purchases: [[60, 90, 70]],
      transfers: [],
      closing: [[30, 0, 0], none, [0, 0, 40]],
      regular: [[80, 100, 80]],
      overtime: [[0, 10, 10]],
      workers: [null],
      hires: [null],
      layoffs: [null],
      backlog: [[0, 10, 0], none, none],
      lost: [none, [0, 0, 20], none],
    });
    const view = demandSupplyGap(noPartDemand, variant, (sku) => sku);
    // €300 over 70 h (TOOL) and 20 h (PART): 233.33 → 23333, 66.67 → 6667 (the left cent to .67).
    expect(view.unattributed[2]).toMatchObject({ overtimeCost: 6667 });
    expect(view.unattributed[2]!.overtimeHours).toBeCloseTo((10 * 20) / 90, 9);
  });
});
