import { describe, expect, it } from "vitest";
import type { PlanCells } from "../supply/supply-output";
import { overlayCells } from "./plan-overlay";

const cells = (rows: [string, string, number][]): PlanCells => ({
  measure: rows.map(() => "supply.production"),
  sku: rows.map((r) => r[0]),
  location: rows.map(() => "P1"),
  segment: rows.map(() => null),
  period: rows.map((r) => r[1]),
  value: rows.map((r) => r[2]),
});
const stored = (rows: [string, string, number][]) =>
  rows.map(([sku, period, value]) => ({
    measure: "supply.production",
    sku,
    location: "P1",
    segment: null,
    period,
    value,
  }));

describe("overlayCells", () => {
  it("keeps changed and new cells, zeroes the base's cells the new plan lacks, and drops the same ones", () => {
    const base = stored([
      ["A", "2027-01", 10],
      ["A", "2027-02", 20],
      ["B", "2027-01", 5],
    ]);
    const next = cells([
      ["A", "2027-01", 10 + 1e-9],
      ["A", "2027-02", 25],
      ["C", "2027-01", 3],
    ]);
    const overlay = overlayCells(base, next);
    const read = overlay.sku.map((sku, i) => `${sku} ${overlay.period[i]} ${overlay.value[i]}`);
    expect(read).toEqual(["A 2027-02 25", "C 2027-01 3", "B 2027-01 0"]);
    expect(overlay.location).toEqual(["P1", "P1", "P1"]);
  });
});
