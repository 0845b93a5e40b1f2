import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { planAttainment } from "../kpi/plan-attainment";
import { attainmentExceptions, maximumStock, stockExceptions } from "./supply-exceptions";

const p = (text: string) => text as PeriodKey;

describe("attainmentExceptions", () => {
  // SKU-1 planned 100 a month, made 90, 97, 80: Σ min(made, planned) = 267 of 300 = 89 % < 95 %.
  // Not made: 33 units × 400 = 13,200; the months below 95 % are July and September.
  // SKU-4 made 90 then 110 of 100: capped at plan, 190 of 200 = 95 % — exactly at target, so none.
  const { byKey } = planAttainment(
    [
      { key: "SKU-1", period: p("2026-07"), planned: 100, actual: 90 },
      { key: "SKU-1", period: p("2026-08"), planned: 100, actual: 97 },
      { key: "SKU-1", period: p("2026-09"), planned: 100, actual: 80 },
      { key: "SKU-2", period: p("2026-09"), planned: 0, actual: 10 },
      { key: "SKU-3", period: p("2026-09"), planned: 100, actual: 95 },
      { key: "SKU-4", period: p("2026-08"), planned: 100, actual: 90 },
      { key: "SKU-4", period: p("2026-09"), planned: 100, actual: 110 },
    ],
    0.05,
  );
  const found = attainmentExceptions(
    byKey.map((attainment) => ({ attainment, target: 0.95, unitCost: 400 as Money })),
  );

  it("values a plan missed over the months at the units not made × standard cost", () => {
    expect(found).toEqual([
      {
        key: "plan-attainment:SKU-1:2026-09",
        kind: "plan-attainment",
        title: "SKU-1 made 89 % of plan (target 95 %) over 3 months",
        subject: { type: "sku", code: "SKU-1" },
        periods: ["2026-07", "2026-09"],
        valueAtStake: 13_200,
        measured: 0.89,
        limit: 0.95,
        units: 33,
      },
    ]);
  });

  it("leaves out nothing planned, exactly at target, and a short month made up the next", () => {
    // SKU-2 had nothing planned (no attainment); SKU-3 made exactly 95 %; SKU-4 caught up.
    expect(found.map((f) => f.subject.code)).toEqual(["SKU-1"]);
  });
});

const observation = (
  period: string,
  actual: number,
  extra: Partial<{ target: number; safetyStock: number; next: number }> = {},
) => ({
  key: "SKU-1@DC",
  period: p(period),
  actual,
  planned: 100,
  target: extra.target ?? 100,
  safetyStock: extra.safetyStock ?? 40,
  unitCost: 300 as Money,
  demandAfter: extra.next === undefined ? [50, 60] : [extra.next],
});

describe("stockExceptions", () => {
  it("defines the maximum as target plus the next period's demand", () => {
    expect(maximumStock(observation("2026-09", 0))).toBe(150);
    expect(maximumStock({ ...observation("2026-09", 0), demandAfter: [] })).toBe(100);
  });

  it("values stock above its maximum at the latest month's excess × standard cost", () => {
    // Max 150 each month. July 170 (+20), August 150 (at max, fine), September 180 (+30):
    // 30 × 300 = 9,000 — the run in breach ending in September is September alone.
    const found = stockExceptions([
      {
        unitPrice: 500 as Money,
        observations: [observation("2026-07", 170), observation("2026-08", 150), observation("2026-09", 180)],
      },
    ]);
    expect(found).toEqual([
      {
        key: "inventory-above-max:SKU-1@DC:2026-09",
        kind: "inventory-above-max",
        title: "SKU-1@DC holds 30 units above its maximum of 150",
        subject: { type: "position", code: "SKU-1@DC" },
        periods: ["2026-09"],
        valueAtStake: 9_000,
        measured: 180,
        limit: 150,
        units: 30,
      },
    ]);
  });

  it("values stock below safety stock at the latest month's shortfall × unit margin", () => {
    // August 25 and September 30 of a 40 safety stock: the run is August–September, and
    // September's 10 short × (500 − 300) = 2,000.
    const [below] = stockExceptions([
      {
        unitPrice: 500 as Money,
        observations: [observation("2026-07", 40), observation("2026-08", 25), observation("2026-09", 30)],
      },
    ]);
    expect(below).toMatchObject({
      key: "inventory-below-safety-stock:SKU-1@DC:2026-09",
      periods: ["2026-08", "2026-09"],
      units: 10,
      valueAtStake: 2_000,
      limit: 40,
    });
    // Sold below cost: the shortfall is still an exception, but puts no margin at risk.
    const [loss] = stockExceptions([{ unitPrice: 200 as Money, observations: [observation("2026-08", 25)] }]);
    expect(loss).toMatchObject({ kind: "inventory-below-safety-stock", valueAtStake: 0 });
  });

  it("leaves out a position that has recovered by the latest month, and stock exactly at its limit", () => {
    // Below safety stock in August (25 < 40), back above it in September; 40 exactly is not below.
    const recovered = stockExceptions([
      {
        unitPrice: 500 as Money,
        observations: [observation("2026-07", 40), observation("2026-08", 25), observation("2026-09", 60)],
      },
    ]);
    expect(recovered).toEqual([]);
  });

  it("flags dead stock: with no demand after it, anything above target is above the maximum", () => {
    // Zero demand follows: max = target 100; 130 → 30 × 300 = 9,000.
    const [dead] = stockExceptions([
      { unitPrice: 500 as Money, observations: [observation("2026-09", 130, { next: 0 })] },
    ]);
    expect(dead).toMatchObject({ kind: "inventory-above-max", units: 30, valueAtStake: 9_000 });
  });
});
