import { describe, expect, it } from "vitest";
import { promotionRevenue } from "./promotion-revenue";

describe("promotionRevenue", () => {
  it("prices promoted units at the discount and charges lost sister and dip units at list price", () => {
    const effect = {
      code: "P",
      months: [],
      dipPeriod: "2026-08" as never,
      skus: [
        { sku: "A", baseline: 100, uplift: 50, cannibalised: 0, dip: 10 },
        { sku: "B", baseline: 0, uplift: 0, cannibalised: 15, dip: 0 },
      ],
      uplift: 50,
      cannibalised: 15,
      dip: 10,
    };
    const prices = new Map([
      ["A", 200],
      ["B", 100],
    ]);
    // A: 150 · 200 · 0.8 = 24,000; incremental 24,000 − 20,000 − 10 · 200 = 2,000. B: −15 · 100.
    expect(promotionRevenue(effect, 20, (sku) => prices.get(sku) ?? null)).toEqual({
      revenue: 24_000,
      incremental: 2_000 - 1_500,
    });
  });
});
