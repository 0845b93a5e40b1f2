import { cycleServiceSafetyStock } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { safetyStockTargets, serviceTarget } from "./safety-stock-targets";

const TARGETS = [
  { segment: null, sku: null, targetPct: 95, measure: "cycle" as const },
  { segment: "KEY", sku: null, targetPct: 98, measure: "cycle" as const },
  { segment: null, sku: "A", targetPct: 90, measure: "cycle" as const },
  { segment: "KEY", sku: "A", targetPct: 99, measure: "fill_rate" as const },
];
const PERIOD = "2026-11" as never;

describe("safety stock targets", () => {
  it("takes the most specific service-level target", () => {
    expect(serviceTarget(TARGETS, "A", "KEY")).toEqual({ level: 0.99, measure: "fill_rate" });
    expect(serviceTarget(TARGETS, "A", "RETAIL")).toEqual({ level: 0.9, measure: "cycle" });
    expect(serviceTarget(TARGETS, "B", "KEY")).toEqual({ level: 0.98, measure: "cycle" });
    expect(serviceTarget(TARGETS, "B", "RETAIL")).toEqual({ level: 0.95, measure: "cycle" });
  });

  it("sizes stock for the strictest segment a location serves, over one review period", () => {
    const [target] = safetyStockTargets(
      [
        { sku: "B", location: "DC-N", segment: "RETAIL", period: PERIOD, quantity: 300, variance: 900 },
        { sku: "B", location: "DC-N", segment: "KEY", period: PERIOD, quantity: 100, variance: 700 },
      ],
      ["2026-11"],
      TARGETS,
      0,
    );
    // σ over one period = √(900 + 700) = 40; the KEY target (98 %) is the strictest.
    expect(target!.safetyStock[0]).toBeCloseTo(cycleServiceSafetyStock(0.98, 40), 9);
    expect(target!.target[0]).toBeCloseTo(target!.safetyStock[0]! + 200, 9);
  });

  it("carries the first month's error, relative to demand, through a horizon whose band widens", () => {
    const month = (period: string, quantity: number, variance: number) => ({
      sku: "B",
      location: "DC-N",
      segment: "RETAIL",
      period: period as never,
      quantity,
      variance,
    });
    const [target] = safetyStockTargets(
      [month("2026-11", 100, 100), month("2026-12", 200, 10_000), month("2027-01", 0, 2_500)],
      ["2026-11", "2026-12", "2027-01"],
      TARGETS,
      0,
    );
    // σ ÷ demand = 10 % in the first month: σ = 10, then 20 (not the band's 100), then no demand.
    expect(target!.safetyStock[0]).toBeCloseTo(cycleServiceSafetyStock(0.95, 10), 9);
    expect(target!.safetyStock[1]).toBeCloseTo(cycleServiceSafetyStock(0.95, 20), 9);
    expect(target!.safetyStock[2]).toBe(0);
  });

  it("holds no safety stock where the forecast has no band", () => {
    const [target] = safetyStockTargets(
      [{ sku: "B", location: "DC-N", segment: "KEY", period: PERIOD, quantity: 100, variance: null }],
      ["2026-11"],
      TARGETS,
      0,
    );
    expect(target!.safetyStock).toEqual([0]);
  });
});
