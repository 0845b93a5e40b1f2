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
