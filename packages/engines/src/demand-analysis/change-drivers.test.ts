import { describe, expect, it } from "vitest";
import { changeDrivers, OTHERS_KEY } from "./change-drivers";

describe("changeDrivers", () => {
  // S1 100 → 150 (+50), S2 200 → 170 (−30), S3 50 → 55 (+5), S4 10 → 10: the node 360 → 385, +25.
  const children = [
    { key: "S3", before: 50, after: 55 },
    { key: "S1", before: 100, after: 150 },
    { key: "S4", before: 10, after: 10 },
    { key: "S2", before: 200, after: 170 },
  ];

  it("ranks the children by the size of their contribution, either way", () => {
    const result = changeDrivers(children);
    expect([result.before, result.after, result.change]).toEqual([360, 385, 25]);
    expect(result.drivers.map((d) => [d.key, d.change, d.shareOfChange])).toEqual([
      ["S1", 50, 2],
      ["S2", -30, -1.2],
      ["S3", 5, 0.2],
      ["S4", 0, 0],
    ]);
    expect(result.others).toBe(0);
  });

  it("adds the rest into one row, so the contributions listed still sum to the change", () => {
    const result = changeDrivers(children, 2);
    expect(result.drivers.map((d) => [d.key, d.before, d.after, d.change])).toEqual([
      ["S1", 100, 150, 50],
      ["S2", 200, 170, -30],
      [OTHERS_KEY, 60, 65, 5],
    ]);
    expect(result.others).toBe(2);
    expect(result.drivers.reduce((s, d) => s + d.change, 0)).toBe(result.change);
    expect(result.change).toBe(result.after - result.before);
  });

  it("has no share of a change that did not happen", () => {
    const result = changeDrivers([
      { key: "A", before: 10, after: 20 },
      { key: "B", before: 20, after: 10 },
    ]);
    expect(result.change).toBe(0);
    expect(result.drivers.map((d) => d.shareOfChange)).toEqual([null, null]);
  });
});
