import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { groupPromotionFlags, promotionHistoryFlags } from "./promotion-history";
import type { PromotionInput } from "./promotion-uplift";

const window = ["2026-01", "2026-02", "2026-03", "2026-04"] as PeriodKey[];
const products = {
  itemGroups: new Map([
    ["A", "FAM"],
    ["B", "FAM"],
  ]),
  groupParents: new Map([["FAM", null]]),
};
const promo = (over: Partial<PromotionInput>): PromotionInput => ({
  code: "P",
  sku: null,
  group: "FAM",
  segment: null,
  start: "2026-01-25",
  end: "2026-02-05",
  upliftPct: 30,
  upliftUnits: null,
  cannibalisationPct: null,
  postDipPct: null,
  ...over,
});

describe("promotionHistoryFlags", () => {
  it("flags every month a promotion touches for the SKUs below its group, and the dip month", () => {
    const flags = promotionHistoryFlags(
      [
        { sku: "A", segment: null },
        { sku: "C", segment: null },
      ],
      [promo({}), promo({ sku: "B", group: null, start: "2026-03-02", end: "2026-03-12", postDipPct: 20 })],
      products,
      window,
    );
    expect(flags[0]).toEqual([true, true, false, false]);
    expect(flags[1]).toEqual([false, false, false, false]);
  });

  it("flags a segment's series only for promotions on that segment or on all", () => {
    const flags = promotionHistoryFlags(
      [
        { sku: "B", segment: "RETAIL" },
        { sku: "B", segment: "HORECA" },
      ],
      [
        promo({
          sku: "B",
          group: null,
          segment: "RETAIL",
          start: "2026-03-02",
          end: "2026-03-12",
          postDipPct: 20,
        }),
      ],
      products,
      window,
    );
    expect(flags[0]).toEqual([false, false, true, true]);
    expect(flags[1]).toEqual([false, false, false, false]);
  });

  it("flags a group's history for promotions on it or on a group above it, not on single SKUs", () => {
    const tree = {
      ...products,
      groupParents: new Map([
        ["FAM", "CAT"],
        ["CAT", null],
      ]),
    };
    const flags = groupPromotionFlags(
      ["FAM", "CAT"],
      [
        promo({ group: "CAT", start: "2026-04-01", end: "2026-04-10" }),
        promo({}),
        promo({ sku: "A", group: null, start: "2026-03-01", end: "2026-03-05" }),
      ],
      tree,
      window,
    );
    expect(flags[0]).toEqual([true, true, false, true]);
    expect(flags[1]).toEqual([false, false, false, true]);
  });
});
