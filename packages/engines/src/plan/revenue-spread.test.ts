import { describe, expect, it } from "vitest";
import { uniformGenerator } from "../forecast/numeric/prng";
import { revenueOf, spreadRevenue } from "./revenue-spread";

describe("spreadRevenue", () => {
  it("turns a revenue target into units at each SKU's price, keeping the mix", () => {
    // 10 units at €2.00 and 10 at €3.00 earn €50.00; €100.00 doubles both.
    const result = spreadRevenue({ current: [10, 10], prices: [200, 300], revenue: 10_000 });
    expect(result).toEqual({ ok: true, values: [20, 20] });
  });

  it("keeps locked cells and their revenue", () => {
    const result = spreadRevenue({
      current: [10, 10],
      locked: [true, false],
      prices: [200, 300],
      revenue: 8000,
    });
    // Locked earn €20.00; the €60.00 left buys 20 units at €3.00.
    expect(result).toEqual({ ok: true, values: [10, 20] });
  });

  it("refuses cells without a price and targets below the locked revenue", () => {
    expect(spreadRevenue({ current: [5, 5], prices: [100, null], revenue: 5000 })).toMatchObject({
      ok: false,
      issue: expect.stringMatching(/no price/),
    });
    expect(
      spreadRevenue({ current: [10, 10], locked: [true, false], prices: [200, 300], revenue: 1000 }),
    ).toMatchObject({ ok: false, issue: expect.stringMatching(/already earn 2000/) });
  });

  it("property: units → revenue → units gives back the same units", () => {
    const random = uniformGenerator(42);
    for (let n = 0; n < 300; n++) {
      const size = 1 + Math.floor(random() * 25);
      const units = Array.from({ length: size }, () => Math.floor(random() * 800));
      const prices = units.map(() => 50 + Math.floor(random() * 5000));
      const locked = units.map(() => random() < 0.25);
      const result = spreadRevenue({ current: units, locked, prices, revenue: revenueOf(units, prices) });
      if (!result.ok) throw new Error(result.issue);
      expect(result.values).toEqual(units);
    }
  });

  it("property: the revenue reached is within half a unit's price per cell of the target", () => {
    const random = uniformGenerator(9);
    for (let n = 0; n < 300; n++) {
      const size = 1 + Math.floor(random() * 25);
      const units = Array.from({ length: size }, () => 1 + Math.floor(random() * 800));
      const prices = units.map(() => 50 + Math.floor(random() * 5000));
      const target = Math.floor(random() * 10_000_000);
      const result = spreadRevenue({ current: units, prices, revenue: target });
      if (!result.ok) throw new Error(result.issue);
      const maxPrice = Math.max(...prices);
      expect(Math.abs(revenueOf(result.values, prices) - target)).toBeLessThanOrEqual(maxPrice * (size + 1));
      for (const v of result.values) expect(v).toBeGreaterThanOrEqual(0);
    }
  });
});
