import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import type { DemandCell } from "./demand-cell";
import { type ProductTree, type PromotionInput, promotionUplift } from "./promotion-uplift";

const cell = (sku: string, period: string, value: number, segment: string | null = null): DemandCell => ({
  sku,
  location: null,
  segment,
  period: period as PeriodKey,
  value,
});
const promo = (over: Partial<PromotionInput>): PromotionInput => ({
  code: "P1",
  sku: "A",
  group: null,
  segment: null,
  start: "2026-07-01",
  end: "2026-07-31",
  upliftPct: 0,
  upliftUnits: null,
  cannibalisationPct: null,
  postDipPct: null,
  ...over,
});
// FAM ⊃ SUB; A in SUB, B and C in FAM, D elsewhere.
const products: ProductTree = {
  itemGroups: new Map([
    ["A", "SUB"],
    ["B", "FAM"],
    ["C", "FAM"],
    ["D", "OTHER"],
  ]),
  groupParents: new Map([
    ["FAM", null],
    ["SUB", "FAM"],
    ["OTHER", null],
  ]),
};
const noShares = new Map<string, Map<string, number>>();
const effect = (result: ReturnType<typeof promotionUplift>, sku: string, period: string) =>
  result.cells.find((c) => c.sku === sku && c.period === period);

describe("promotionUplift", () => {
  it("splits a two-week promotion over a month boundary by its days in each month", () => {
    // 25 July – 7 August: 7 of July's 31 days, 7 of August's 31. 50 % on 310 and 620 → 35 and 70.
    const result = promotionUplift({
      promotions: [promo({ start: "2026-07-25", end: "2026-08-07", upliftPct: 50 })],
      products,
      baseline: [cell("A", "2026-07", 310), cell("A", "2026-08", 620), cell("A", "2026-09", 620)],
      segmentShares: noShares,
    });
    expect(effect(result, "A", "2026-07")?.uplift).toBeCloseTo(35, 9);
    expect(effect(result, "A", "2026-08")?.uplift).toBeCloseTo(70, 9);
    expect(effect(result, "A", "2026-09")).toBeUndefined();
    const p = result.promotions[0]!;
    expect(p.months.map((m) => m.period)).toEqual(["2026-07", "2026-08"]);
    expect(p.uplift).toBeCloseTo(105, 9);
    expect(p.skus[0]!.baseline).toBeCloseTo(70 + 140, 9);
  });

  it("adds uplift units spread by days, on top of the percentage", () => {
    // 62 units over 14 days: 31 in July, 31 in August.
    const result = promotionUplift({
      promotions: [promo({ start: "2026-07-25", end: "2026-08-07", upliftPct: 50, upliftUnits: 62 })],
      products,
      baseline: [cell("A", "2026-07", 310), cell("A", "2026-08", 620)],
      segmentShares: noShares,
    });
    expect(effect(result, "A", "2026-07")?.uplift).toBeCloseTo(35 + 31, 9);
    expect(effect(result, "A", "2026-08")?.uplift).toBeCloseTo(70 + 31, 9);
  });

  it("applies a group promotion to every SKU below the group at any depth, and to no other", () => {
    const result = promotionUplift({
      promotions: [promo({ sku: null, group: "FAM", upliftPct: 10 })],
      products,
      baseline: [cell("A", "2026-07", 310), cell("B", "2026-07", 100), cell("D", "2026-07", 500)],
      segmentShares: noShares,
    });
    expect(effect(result, "A", "2026-07")?.uplift).toBeCloseTo(31, 9);
    expect(effect(result, "B", "2026-07")?.uplift).toBeCloseTo(10, 9);
    expect(effect(result, "D", "2026-07")).toBeUndefined();
  });

  it("takes the cannibalised share of the uplift from the sisters in proportion to their baseline", () => {
    // B promoted: 20 % of 500 = 100 units, 30 of them taken from its sisters in FAM — C (200)
    // and E (100), so 20 and 10. A sits in the subgroup SUB, not in B's own group: untouched.
    const tree: ProductTree = {
      itemGroups: new Map([...products.itemGroups, ["E", "FAM"]]),
      groupParents: products.groupParents,
    };
    const result = promotionUplift({
      promotions: [promo({ sku: "B", upliftPct: 20, cannibalisationPct: 30 })],
      products: tree,
      baseline: [
        cell("B", "2026-07", 500),
        cell("C", "2026-07", 200),
        cell("E", "2026-07", 100),
        cell("A", "2026-07", 1000),
      ],
      segmentShares: noShares,
    });
    expect(effect(result, "B", "2026-07")?.uplift).toBeCloseTo(100, 9);
    expect(effect(result, "C", "2026-07")?.cannibalised).toBeCloseTo(20, 9);
    expect(effect(result, "E", "2026-07")?.cannibalised).toBeCloseTo(10, 9);
    expect(effect(result, "A", "2026-07")).toBeUndefined();
    expect(result.promotions[0]!.cannibalised).toBeCloseTo(30, 9);
  });

  it("does not cannibalise within a group promotion: every sister is promoted too", () => {
    const result = promotionUplift({
      promotions: [promo({ sku: null, group: "FAM", upliftPct: 20, cannibalisationPct: 50 })],
      products,
      baseline: [cell("B", "2026-07", 500), cell("C", "2026-07", 200)],
      segmentShares: noShares,
    });
    expect(result.promotions[0]!.cannibalised).toBe(0);
  });

  it("dips the month after the promotion by its share of that month's baseline", () => {
    const result = promotionUplift({
      promotions: [promo({ start: "2026-07-06", end: "2026-07-20", upliftPct: 40, postDipPct: 25 })],
      products,
      baseline: [cell("A", "2026-07", 310), cell("A", "2026-08", 400), cell("A", "2026-09", 400)],
      segmentShares: noShares,
    });
    // 15 of 31 days at 40 % of 310 = 60; August loses 25 % of 400.
    expect(effect(result, "A", "2026-07")?.uplift).toBeCloseTo(60, 9);
    expect(effect(result, "A", "2026-08")?.dip).toBeCloseTo(100, 9);
    expect(effect(result, "A", "2026-09")).toBeUndefined();
    expect(result.promotions[0]!.dipPeriod).toBe("2026-08");
  });

  it("lifts one segment: its own cells when split by segment, else the SKU by the segment's share", () => {
    const segmented = promotionUplift({
      promotions: [promo({ segment: "RETAIL", upliftPct: 10 })],
      products,
      baseline: [cell("A", "2026-07", 300, "RETAIL"), cell("A", "2026-07", 700, "HORECA")],
      segmentShares: noShares,
    });
    expect(segmented.cells).toHaveLength(1);
    expect(segmented.cells[0]).toMatchObject({ segment: "RETAIL", uplift: 30 });
    const whole = promotionUplift({
      promotions: [promo({ segment: "RETAIL", upliftPct: 10 })],
      products,
      baseline: [cell("A", "2026-07", 1000)],
      segmentShares: new Map([["A", new Map([["RETAIL", 0.3]])]]),
    });
    expect(whole.cells[0]!.uplift).toBeCloseTo(30, 9);
  });
});
