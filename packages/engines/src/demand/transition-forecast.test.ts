import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import type { DemandCell } from "./demand-cell";
import { type TransitionInput, transitionForecast } from "./transition-forecast";

const cell = (sku: string, period: string, value: number): DemandCell => ({
  sku,
  location: null,
  segment: null,
  period: period as PeriodKey,
  value,
});
const months = (...periods: string[]) => periods as PeriodKey[];
const Q1 = months("2027-01", "2027-02", "2027-03", "2027-04");
const flat = (sku: string, value: number) => Q1.map((p) => cell(sku, p, value));
const unitsOf = (cells: readonly DemandCell[], sku: string, period: string) =>
  cells.find((c) => c.sku === sku && c.period === period)?.value;
const ramp: Omit<TransitionInput, "kind" | "sku" | "predecessor"> = {
  start: "2027-01-01",
  end: "2027-03-31",
  scalePct: null,
};

describe("transitionForecast", () => {
  it("starts a launch from its like-for-like SKU, scaled, from the launch day", () => {
    // Launch on 17 July: 15 of July's 31 days on sale. 50 % of 310 × 15/31 = 75; August 50 % of 620.
    const periods = months("2027-06", "2027-07", "2027-08");
    const result = transitionForecast({
      transitions: [
        {
          kind: "launch",
          sku: "NEW",
          predecessor: "LIKE",
          start: "2027-07-17",
          end: "2027-07-17",
          scalePct: 50,
        },
      ],
      baseline: [cell("LIKE", "2027-06", 310), cell("LIKE", "2027-07", 310), cell("LIKE", "2027-08", 620)],
      periods,
    });
    expect(unitsOf(result.cells, "NEW", "2027-06")).toBe(0);
    expect(unitsOf(result.cells, "NEW", "2027-07")).toBeCloseTo(75, 9);
    expect(unitsOf(result.cells, "NEW", "2027-08")).toBeCloseTo(310, 9);
    expect(unitsOf(result.cells, "LIKE", "2027-07")).toBeUndefined();
  });

  it("hands a launch over to its own forecast as its own history grows, and leaves it alone after a year", () => {
    // 3 months of its own history: w = 3/12. ¼ · 200 + ¾ · 100 % · 400 = 350.
    const launch = (ownHistoryMonths: number): TransitionInput => ({
      kind: "launch",
      sku: "NEW",
      predecessor: "LIKE",
      start: "2027-01-01",
      end: "2027-01-01",
      scalePct: null,
      ownHistoryMonths,
    });
    const baseline = [cell("LIKE", "2027-04", 400), cell("NEW", "2027-04", 200)];
    const periods = months("2027-04");
    const young = transitionForecast({ transitions: [launch(3)], baseline, periods });
    expect(unitsOf(young.cells, "NEW", "2027-04")).toBeCloseTo(350, 9);
    expect(transitionForecast({ transitions: [launch(12)], baseline, periods }).cells).toEqual([]);
  });

  it("ramps a phase-out down linearly to zero at its end date", () => {
    // 90 days from 1 January: mean remaining share (90+60)/2/90, (59+32)/2/90, (31+1)/2/90, then 0.
    const result = transitionForecast({
      transitions: [{ kind: "phase_out", sku: "OLD", predecessor: null, ...ramp }],
      baseline: flat("OLD", 900),
      periods: Q1,
    });
    expect(unitsOf(result.cells, "OLD", "2027-01")).toBeCloseTo(750, 9);
    expect(unitsOf(result.cells, "OLD", "2027-02")).toBeCloseTo(455, 9);
    expect(unitsOf(result.cells, "OLD", "2027-03")).toBeCloseTo(160, 9);
    expect(unitsOf(result.cells, "OLD", "2027-04")).toBe(0);
    expect(result.transitions[0]!.months[0]!.factor).toBeCloseTo(75 / 90, 12);
  });

  it("moves a superseded SKU's demand to its successor over the ramp, conserving the total", () => {
    const result = transitionForecast({
      transitions: [{ kind: "supersession", sku: "NEW", predecessor: "OLD", ...ramp }],
      baseline: [...flat("OLD", 900), ...flat("NEW", 90)],
      periods: Q1,
    });
    expect(unitsOf(result.cells, "OLD", "2027-01")).toBeCloseTo(750, 9);
    expect(unitsOf(result.cells, "NEW", "2027-01")).toBeCloseTo(240, 9);
    expect(unitsOf(result.cells, "NEW", "2027-04")).toBeCloseTo(990, 9);
    for (const period of Q1)
      expect(unitsOf(result.cells, "OLD", period)! + unitsOf(result.cells, "NEW", period)!).toBeCloseTo(
        990,
        9,
      );
    expect(result.transitions[0]).toMatchObject({ before: 360 });
    expect(result.transitions[0]!.after).toBeCloseTo(360 + 900 * 4 - (750 + 455 + 160), 9);
  });

  it("creates the successor's cells where only the old SKU had a forecast", () => {
    const result = transitionForecast({
      transitions: [{ kind: "supersession", sku: "NEW", predecessor: "OLD", ...ramp }],
      baseline: flat("OLD", 900),
      periods: Q1,
    });
    expect(unitsOf(result.cells, "NEW", "2027-04")).toBeCloseTo(900, 9);
  });
});
