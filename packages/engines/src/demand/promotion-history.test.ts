import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { groupPromotionLift, promotionHistoryLift } from "./promotion-history";
import type { PromotionInput } from "./promotion-uplift";

const window = ["2026-01", "2026-02", "2026-03", "2026-04"] as PeriodKey[];
const products = {
  itemGroups: new Map([
    ["A", "FAM"],
    ["B", "FAM"],
  ]),
  groupParents: new Map([
    ["FAM", "CAT"],
    ["CAT", null],
  ]),
};
const promo = (over: Partial<PromotionInput>): PromotionInput => ({
  code: "P",
  sku: null,
  group: "FAM",
  segment: null,
  start: "2026-01-01",
  end: "2026-01-31",
  upliftPct: 30,
  upliftUnits: null,
  cannibalisationPct: null,
  postDipPct: null,
  ...over,
});
const noShares = new Map<string, Map<string, number>>();

describe("promotionHistoryLift", () => {
  it("gives each month the factor its promotions multiplied demand by, across a month boundary", () => {
    // 29 Jan – 9 Feb at +31 %: 3/31 of January, 9/28 of February. B's 10 % dip falls in April.
    const [a, b, c] = promotionHistoryLift(
      [
        { sku: "A", segment: null },
        { sku: "B", segment: null },
        { sku: "C", segment: null },
      ],
      [
        promo({ start: "2026-01-29", end: "2026-02-09", upliftPct: 31 }),
        promo({
          sku: "B",
          group: null,
          start: "2026-03-02",
          end: "2026-03-31",
          upliftPct: 0,
          postDipPct: 10,
        }),
      ],
      products,
      window,
      noShares,
    );
    expect(a![0]).toBeCloseTo(1 + 0.31 * (3 / 31), 12);
    expect(a![1]).toBeCloseTo(1 + 0.31 * (9 / 28), 12);
    expect(a!.slice(2)).toEqual([1, 1]);
    expect(b![3]).toBeCloseTo(0.9, 12);
    expect(c).toEqual([1, 1, 1, 1]);
  });

  it("counts a one-segment promotion on that segment's series, or by its share of the SKU", () => {
    const p = [promo({ sku: "A", group: null, segment: "RETAIL", upliftPct: 50 })];
    const shares = new Map([["A", new Map([["RETAIL", 0.4]])]]);
    const [retail, horeca, whole] = promotionHistoryLift(
      [
        { sku: "A", segment: "RETAIL" },
        { sku: "A", segment: "HORECA" },
        { sku: "A", segment: null },
      ],
      p,
      products,
      window,
      shares,
    );
    expect(retail![0]).toBeCloseTo(1.5, 12);
    expect(horeca![0]).toBe(1);
    expect(whole![0]).toBeCloseTo(1.2, 12);
  });
});

describe("groupPromotionLift", () => {
  it("lifts a group for promotions on it or above it, not for promotions on single SKUs", () => {
    const [fam, cat] = groupPromotionLift(
      ["FAM", "CAT"],
      [
        promo({ group: "CAT", start: "2026-04-01", end: "2026-04-30", upliftPct: 20 }),
        promo({}),
        promo({ sku: "A", group: null }),
      ],
      products,
      window,
      noShares,
    );
    expect(fam).toEqual([1.3, 1, 1, 1.2]);
    expect(cat).toEqual([1, 1, 1, 1.2]);
  });
});
