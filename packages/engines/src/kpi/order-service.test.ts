import { describe, expect, it } from "vitest";
import { orderService } from "./order-service";

describe("orderService", () => {
  const [october, november] = orderService([
    // October: one line in full and on time, one late but complete, one short with the rest cancelled.
    { key: "2026-10", requested: 100, delivered: 100, cancelled: 0, onTime: true },
    { key: "2026-10", requested: 50, delivered: 50, cancelled: 0, onTime: false },
    { key: "2026-10", requested: 50, delivered: 30, cancelled: 20, onTime: true },
    // November: over-delivery on one line does not cover the other's shortfall.
    { key: "2026-11", requested: 10, delivered: 15, cancelled: 0, onTime: true },
    { key: "2026-11", requested: 10, delivered: 5, cancelled: 0, onTime: true },
  ]);

  it("fills units line by line, and counts late but complete as filled, not OTIF", () => {
    expect(october).toEqual({
      key: "2026-10",
      lines: 3,
      requested: 200,
      unitFillRate: 180 / 200,
      lineFillRate: 2 / 3,
      otif: 1 / 3,
      cancelledLines: 1,
      cancelledUnits: 20,
      cancelledShare: 0.1,
    });
  });

  it("does not let one line's extra cover another's shortfall", () => {
    expect(november).toMatchObject({
      unitFillRate: 15 / 20,
      lineFillRate: 0.5,
      otif: 0.5,
      cancelledShare: 0,
    });
  });

  it("has no rates without demand, and counts a line asking nothing as in full", () => {
    expect(orderService([{ key: "x", requested: 0, delivered: 0, cancelled: 0, onTime: false }])).toEqual([
      {
        key: "x",
        lines: 1,
        requested: 0,
        unitFillRate: null,
        lineFillRate: 1,
        otif: 0,
        cancelledLines: 0,
        cancelledUnits: 0,
        cancelledShare: null,
      },
    ]);
    expect(orderService([])).toEqual([]);
  });
});
