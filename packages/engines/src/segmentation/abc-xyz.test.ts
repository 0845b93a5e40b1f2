import { describe, expect, it } from "vitest";
import { abcXyzMatrix, classifyAbcXyz, coefficientOfVariation } from "./abc-xyz";

describe("coefficientOfVariation", () => {
  it("is σ / μ with the population σ, and none without demand", () => {
    // Mean 10, deviations ±5: σ = 5.
    expect(coefficientOfVariation([5, 15, 5, 15])).toBe(0.5);
    expect(coefficientOfVariation([7, 7, 7])).toBe(0);
    expect(coefficientOfVariation([0, 0])).toBeNull();
    expect(coefficientOfVariation([])).toBeNull();
  });
});

describe("classifyAbcXyz", () => {
  // Values 500, 300, 100, 60, 40 of 1,000: cumulative before each 0, 50, 80, 90, 96 %.
  const items = [
    { key: "E", value: 40, monthlyDemand: [0, 0, 0, 12] },
    { key: "A", value: 500, monthlyDemand: [10, 10, 10, 10] },
    { key: "C", value: 100, monthlyDemand: [5, 15, 5, 15] },
    { key: "B", value: 300, monthlyDemand: [4, 16, 4, 16] },
    { key: "D", value: 60, monthlyDemand: [] },
  ];
  const classified = classifyAbcXyz(items);

  it("ranks by value and closes A at 80 % and B at 95 % of the value before each item", () => {
    expect(classified.map((c) => [c.key, c.abc, c.cumulativeShare])).toEqual([
      ["A", "A", 0.5],
      ["B", "A", 0.8],
      ["C", "B", 0.9],
      ["D", "B", 0.96],
      ["E", "C", 1],
    ]);
  });

  it("classes variability: CV 0 is X, 0.5 still X, 0.6 Y, 1.73 Z, no demand Z", () => {
    expect(classified.map((c) => c.class)).toEqual(["AX", "AY", "BX", "BZ", "CZ"]);
    expect(classified[1]!.cv).toBeCloseTo(0.6, 12);
    expect(classified[4]!.cv).toBeCloseTo(Math.sqrt(3), 12);
  });

  it("sums the matrix to every item and the whole value", () => {
    const matrix = abcXyzMatrix(classified);
    expect(matrix).toHaveLength(9);
    expect(matrix.reduce((s, m) => s + m.items, 0)).toBe(5);
    expect(matrix.reduce((s, m) => s + m.share, 0)).toBeCloseTo(1, 12);
    expect(matrix.find((m) => m.class === "AX")).toEqual({ class: "AX", items: 1, value: 500, share: 0.5 });
  });
});
