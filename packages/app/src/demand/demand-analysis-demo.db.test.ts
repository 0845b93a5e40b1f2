import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// The demo company (30 SKUs, seed 7, as of 22 November 2026): the analysis of its first brand,
// checked against the order history read directly.
let database: Database;
let fulcrum: Fulcrum;
let brand: string;

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 30, seed: 7, asOf: "2026-11-22" });
  brand = (
    await database.pool.query(
      "SELECT code FROM product_groups WHERE parent_code IS NULL ORDER BY code LIMIT 1",
    )
  ).rows[0].code;
});
afterAll(() => database.close());

/** Requested units of the brand's finished SKUs from `from` (inclusive) to `to` (exclusive), by a column. */
async function demand(from: string, to: string, by = "'all'") {
  const rows = await database.pool.query(
    `WITH RECURSIVE below AS (SELECT code FROM product_groups WHERE code = $1
                              UNION ALL SELECT g.code FROM product_groups g JOIN below ON g.parent_code = below.code)
     SELECT ${by} AS key, sum(h.requested_qty)::float8 AS qty
     FROM sales_history h JOIN items i ON i.sku = h.sku AND i.item_type = 'finished' JOIN customers c ON c.code = h.customer
     WHERE i.group_code IN (SELECT code FROM below) AND h.requested_date >= $2::date AND h.requested_date < $3::date
     GROUP BY 1 ORDER BY 1`,
    [brand, from, to],
  );
  return Object.fromEntries(rows.rows.map((r) => [r.key, r.qty])) as Record<string, number>;
}

describe("demand analysis of the demo company", () => {
  it("reads the brand's last three years, with a profile from all three", async () => {
    const analysis = await fulcrum.demandAnalysis.analysis({ node: { kind: "group", code: brand } });
    expect(analysis.history.periods).toHaveLength(36);
    expect([analysis.history.periods[0], analysis.history.periods.at(-1)]).toEqual(["2023-11", "2026-10"]);
    const last12 = (await demand("2025-11-01", "2026-11-01")).all!;
    const prior12 = (await demand("2024-11-01", "2025-11-01")).all!;
    expect(analysis.trend.last12).toBeCloseTo(last12, 6);
    expect(analysis.trend.prior12).toBeCloseTo(prior12, 6);
    expect(analysis.trend.growthPercent).toBeCloseTo((100 * (last12 - prior12)) / prior12, 9);
    expect(sum(analysis.history.values.slice(24))).toBeCloseTo(last12, 6);
    expect(analysis.profile).toMatchObject({ years: 3, enough: true });
    expect(sum(analysis.profile.indices) / 12).toBeCloseTo(1, 12);
    expect(analysis.trend.slopePerMonth).not.toBeNull();
  });

  it("splits the last twelve months by segment, channel and region, each to 10,000 basis points", async () => {
    const { mix } = await fulcrum.demandAnalysis.analysis({ node: { kind: "group", code: brand } });
    const bySegment = await demand("2025-11-01", "2026-11-01", "c.segment");
    const byChannel = await demand("2025-11-01", "2026-11-01", "c.channel");
    const byRegion = await demand("2025-11-01", "2026-11-01", "c.region");
    const total = sum(Object.values(bySegment));
    for (const [shares, expected] of [
      [mix.segment, bySegment],
      [mix.channel, byChannel],
      [mix.region, byRegion],
    ] as const) {
      expect(shares.length).toBeGreaterThan(1);
      expect(sum(shares.map((m) => m.basisPoints))).toBe(10_000);
      for (const share of shares) {
        expect(share.quantity).toBeCloseTo(expected[share.key]!, 6);
        // Within one basis point of the exact share.
        expect(Math.abs(share.basisPoints - (10_000 * share.quantity) / total)).toBeLessThan(1);
      }
    }
  });

  it("lists the customers behind the change on last year, their contributions adding up to it", async () => {
    const { drivers } = await fulcrum.demandAnalysis.analysis({
      node: { kind: "group", code: brand },
      by: "customer",
    });
    const after = await demand("2025-11-01", "2026-11-01", "h.customer");
    const before = await demand("2024-11-01", "2025-11-01", "h.customer");
    expect(drivers.after).toBeCloseTo(sum(Object.values(after)), 6);
    expect(drivers.before).toBeCloseTo(sum(Object.values(before)), 6);
    expect(drivers.change).toBeCloseTo(drivers.after - drivers.before, 6);
    expect(sum(drivers.drivers.map((d) => d.change))).toBe(drivers.change);
    const top = drivers.drivers[0]!;
    expect(top.change).toBeCloseTo((after[top.key] ?? 0) - (before[top.key] ?? 0), 6);
    const sizes = drivers.drivers.filter((d) => d.key !== "(others)").map((d) => Math.abs(d.change));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
