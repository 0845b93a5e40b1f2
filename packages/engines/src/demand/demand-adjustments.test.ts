import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { demandAdjustments } from "./demand-adjustments";
import type { DemandCell } from "./demand-cell";
import type { PromotionInput } from "./promotion-uplift";

const cell = (sku: string, period: string, value: number): DemandCell => ({
  sku,
  location: null,
  segment: null,
  period: period as PeriodKey,
  value,
});
const products = {
  itemGroups: new Map([
    ["A", "FAM"],
    ["B", "FAM"],
    ["OLD", "FAM2"],
  ]),
  groupParents: new Map([
    ["FAM", null],
    ["FAM2", null],
  ]),
};
const promo: PromotionInput = {
  code: "P1",
  sku: "A",
  group: null,
  segment: null,
  start: "2026-07-01",
  end: "2026-07-31",
  upliftPct: 20,
  upliftUnits: null,
  cannibalisationPct: 50,
  postDipPct: 10,
};
const find = (cells: readonly DemandCell[], sku: string, period: string) =>
  cells.find((c) => c.sku === sku && c.period === period);

describe("demandAdjustments", () => {
  const periods = ["2026-07", "2026-08"] as PeriodKey[];
  const statistical = [
    cell("A", "2026-07", 500),
    cell("A", "2026-08", 500),
    cell("B", "2026-07", 40),
    cell("OLD", "2026-07", 300),
    cell("OLD", "2026-08", 300),
  ];
  const result = demandAdjustments({
    statistical,
    periods,
    promotions: [promo],
    transitions: [
      {
        kind: "phase_out",
        sku: "OLD",
        predecessor: null,
        start: "2026-07-01",
        end: "2026-07-31",
        scalePct: null,
      },
    ],
    products,
    segmentShares: new Map(),
  });

  it("writes the uplift to marketing and the dip as the lower demand in the product layer", () => {
    expect(find(result.marketing, "A", "2026-07")).toMatchObject({ value: 100, reason: "promotion" });
    expect(find(result.product, "A", "2026-08")).toMatchObject({ value: 450, reason: "promotion" });
  });

  it("clamps a cannibalised sister at zero rather than storing a negative value", () => {
    // 50 % of A's 100 extra units would take 50 from B, which only has 40.
    expect(find(result.product, "B", "2026-07")).toMatchObject({ value: 0, reason: "promotion" });
    expect([...result.marketing, ...result.product].every((c) => c.value >= 0)).toBe(true);
  });

  it("keeps transitions in the product layer and leaves untouched cells out", () => {
    // 31-day ramp over July: mean remaining share (31 + 1)/2/31 = 16/31.
    expect(find(result.product, "OLD", "2026-07")!.value).toBeCloseTo((300 * 16) / 31, 9);
    expect(find(result.product, "OLD", "2026-08")).toMatchObject({ value: 0, reason: "transition" });
    expect(find(result.marketing, "B", "2026-07")).toBeUndefined();
  });
});
