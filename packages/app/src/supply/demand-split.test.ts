import { describe, expect, it } from "vitest";
import { splitDemand } from "./demand-split";
import type { DemandCell } from "./supply-data";

const cell = (over: Partial<DemandCell>): DemandCell => ({
  sku: "A",
  location: null,
  segment: null,
  period: "2026-11" as DemandCell["period"],
  quantity: 100,
  p10: null,
  p90: null,
  ...over,
});
const MIX = [
  { sku: "A", location: "DC-N", segment: "KEY", quantity: 30 },
  { sku: "A", location: "DC-N", segment: "RETAIL", quantity: 10 },
  { sku: "A", location: "DC-S", segment: "RETAIL", quantity: 60 },
  { sku: "B", location: "DC-S", segment: "KEY", quantity: 50 },
];

describe("splitDemand", () => {
  it("splits a SKU's demand over its locations and segments by last year's mix, and its error variance alike", () => {
    const sigma = (90 - 10) / (2 * 1.2816);
    const { demand, unplaced } = splitDemand([cell({ p10: 10, p90: 90 })], MIX);
    expect(unplaced).toEqual([]);
    expect(demand.map((d) => [d.location, d.segment, d.quantity])).toEqual([
      ["DC-N", "KEY", 30],
      ["DC-N", "RETAIL", 10],
      ["DC-S", "RETAIL", 60],
    ]);
    expect(demand.reduce((sum, d) => sum + d.variance!, 0)).toBeCloseTo(sigma ** 2, 9);
    expect(demand[2]!.variance).toBeCloseTo(0.6 * sigma ** 2, 9);
  });

  it("keeps a cell's own location and splits only over the segments seen there", () => {
    const { demand } = splitDemand([cell({ location: "DC-N" })], MIX);
    expect(demand.map((d) => [d.segment, d.quantity])).toEqual([
      ["KEY", 75],
      ["RETAIL", 25],
    ]);
  });

  it("places a launch by the company's mix and reports demand no history can place", () => {
    const { demand, unplaced } = splitDemand(
      [cell({ sku: "NEW", segment: "KEY" }), cell({ sku: "NEW", segment: "HORECA" })],
      MIX,
    );
    expect(demand.map((d) => [d.location, d.quantity])).toEqual([
      ["DC-N", 37.5],
      ["DC-S", 62.5],
    ]);
    expect(unplaced.map((c) => c.segment)).toEqual(["HORECA"]);
  });
});
