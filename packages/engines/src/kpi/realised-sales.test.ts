import type { Money } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { realisedSales } from "./realised-sales";

const m = (n: number) => n as Money;

describe("realisedSales", () => {
  const line = {
    key: "2026-10",
    cancelled: 0,
    unitPrice: m(200),
    listPrice: m(250),
    realisedUnitCost: m(120),
    standardUnitCost: m(100),
  };
  const [october, november] = realisedSales([
    // In full at its own price and the realised cost: revenue 10·200 = 2,000, COGS 10·120 = 1,200.
    { ...line, requested: 10, delivered: 10 },
    // Partial, no price and no realised cost: 4 delivered at list 250 = 1,000, COGS 4·100 = 400;
    // lost 6 · 250 = 1,500.
    { ...line, requested: 10, delivered: 4, unitPrice: null, realisedUnitCost: null },
    // Part cancelled: 5 requested, 2 cancelled, 3 delivered → nothing lost; 600 revenue, 360 COGS.
    { ...line, requested: 5, delivered: 3, cancelled: 2 },
    // Zero demand, nothing delivered: adds nothing.
    { ...line, key: "2026-11", requested: 0, delivered: 0 },
  ]);

  it("values delivered units at the line's price, list price as fallback, and realised cost else standard", () => {
    expect(october).toEqual({
      key: "2026-10",
      unitsDelivered: 17,
      revenue: 3_600,
      cogs: 1_960,
      grossMargin: 1_640,
      lostUnits: 6,
      lostValue: 1_500,
    });
  });

  it("does not count a cancelled quantity or zero demand as lost", () => {
    expect(november).toEqual({
      key: "2026-11",
      unitsDelivered: 0,
      revenue: 0,
      cogs: 0,
      grossMargin: 0,
      lostUnits: 0,
      lostValue: 0,
    });
  });

  it("does not count an over-delivery as a negative loss", () => {
    const [row] = realisedSales([{ ...line, requested: 10, delivered: 12 }]);
    expect(row).toMatchObject({ revenue: 2_400, lostUnits: 0, lostValue: 0 });
  });
});
