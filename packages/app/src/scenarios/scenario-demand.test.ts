import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { movedDemand } from "./scenario-demand";

const P = "2027-01" as PeriodKey;
const split = (segment: string, quantity: number) => ({
  sku: "A",
  location: "DC",
  segment,
  period: P,
  quantity,
  variance: null,
});

describe("movedDemand", () => {
  it("moves a SKU-level plan cell by the ratio its split cells moved, and leaves unmoved cells out", () => {
    const plan = [
      { sku: "A", location: null, segment: null, period: P, quantity: 100, p10: null, p90: null },
      { sku: "B", location: null, segment: null, period: P, quantity: 40, p10: null, p90: null },
    ];
    const before = [split("KEY", 30), split("RETAIL", 70), { ...split("KEY", 40), sku: "B" }];
    // RETAIL +50 %: 30 + 105 = 135 of 100 → the plan cell becomes 135
    const after = [split("KEY", 30), split("RETAIL", 105), { ...split("KEY", 40), sku: "B" }];
    expect(movedDemand(plan, before, after)).toEqual([
      { sku: "A", location: null, segment: null, period: P, quantity: 135 },
    ]);
  });
});
