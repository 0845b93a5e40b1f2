import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// As of December 2026 (history to November). Family FAM-A:
// - S1, bought by C1 (Retail, retail channel, North): 10 a month from December 2024, 30 in
//   December; from December 2025 twice that (20, December 60). Year totals 140 and 280.
// - S2: 40 by C3 (Retail, online, South) in June 2025; 60 by C2 (Wholesale, wholesale, South) in
//   March 2026.
let database: Database;
let fulcrum: Fulcrum;
let versionId: number;

const FAMILY = { kind: "group", code: "FAM-A" } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-12-05T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-12-05T09:00:00Z"));
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('FAM-A', 'Juices', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM-A', 'EA', 'active', NULL);
    INSERT INTO locations VALUES ('DC', 'Central', 'dc', 'North');
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 1), ('WHOLESALE', 'Wholesale', 2);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North'), ('C2', 'Cash & Carry', 'WHOLESALE', 'wholesale', 'South'),
      ('C3', 'Web shop', 'RETAIL', 'online', 'South');
    INSERT INTO sales_history VALUES
      ('B1', 1, 'S2', 'C3', 'DC', '2025-06-01', '2025-06-10', 40, '2025-06-10', 40, 0, NULL),
      ('B2', 1, 'S2', 'C2', 'DC', '2026-03-01', '2026-03-10', 60, '2026-03-10', 60, 0, NULL);`);
  for (let m = 0; m < 24; m++) {
    const date = new Date(Date.UTC(2024, 11 + m, 10)).toISOString().slice(0, 10);
    const qty = (m < 12 ? 10 : 20) * (m % 12 === 0 ? 3 : 1);
    await database.pool.query(
      "INSERT INTO sales_history VALUES ($1, 1, 'S1', 'C1', 'DC', $2::date, $2::date, $3, $2::date, $3, 0, NULL)",
      [`A${m}`, date, qty],
    );
  }
  // The plan from December 2026: S1 25 a month (300); S2 5 a month, its December consensus 20 (75).
  const scenarioId = await fulcrum.plans.baseScenario(null);
  versionId = (
    await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null, cyclePeriod: "2026-12" })
  ).id;
  await database.pool.query(
    `INSERT INTO plan_values (version_id, measure, sku, period, value)
     SELECT $1::int, 'demand.statistical', s.sku, to_char(date '2026-12-01' + make_interval(months => m), 'YYYY-MM'), s.qty
     FROM (VALUES ('S1', 25), ('S2', 5)) AS s(sku, qty), generate_series(0, 11) AS m
     UNION ALL SELECT $1::int, 'demand.consensus', 'S2', '2026-12', 20`,
    [versionId],
  );
});
afterAll(() => database.close());

describe("demand analysis", () => {
  it("gives a SKU's seasonal profile and trend from its two years", async () => {
    const analysis = await fulcrum.demandAnalysis.analysis({ node: { kind: "item", code: "S1" } });
    expect(analysis.asOf).toBe("2026-12");
    expect(analysis.history.periods[0]).toBe("2023-12");
    expect(analysis.history.periods.at(-1)).toBe("2026-11");
    // Each year's December is 3 × its other months: ratios 30/(140/12) = 18/7 and 10/(140/12) = 6/7.
    expect(analysis.profile).toMatchObject({ years: 2, enough: true });
    expect(analysis.profile.indices[11]).toBeCloseTo(18 / 7, 12);
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(analysis.profile.indices[i]).toBeCloseTo(6 / 7, 12);
    // 140 → 280: +100 %. Adjusted, the years are flat at 35/3 and 70/3, a step D = 35/3; of the 276
    // pairwise slopes 132 are 0 and the 138th and 139th are D/21 and D/20: slope D·41/840 = 41/72
    // a month, 100 · 12 · (41/72) / 17.5 = 39.05 % of the mean a year.
    expect(analysis.trend).toMatchObject({ last12: 280, prior12: 140, months: 24 });
    expect(analysis.trend.growthPercent).toBeCloseTo(100, 12);
    expect(analysis.trend.slopePerMonth).toBeCloseTo(41 / 72, 12);
    expect(analysis.trend.slopePercentPerYear).toBeCloseTo(4100 / 105, 10);
  });

  it("splits the family's last twelve months by segment, channel and region, to exactly 100 %", async () => {
    const { mix } = await fulcrum.demandAnalysis.analysis({ node: FAMILY });
    // 280 of 340 is 82.3529 % → 8,235 bp; 60 is 17.6471 % → 1,764 bp + the leftover unit (larger
    // remainder) = 1,765.
    expect(mix.segment.map((m) => [m.key, m.name, m.quantity, m.basisPoints])).toEqual([
      ["RETAIL", "Retail", 280, 8235],
      ["WHOLESALE", "Wholesale", 60, 1765],
    ]);
    expect(mix.channel.map((m) => [m.key, m.basisPoints])).toEqual([
      ["retail", 8235],
      ["wholesale", 1765],
    ]);
    expect(mix.region.map((m) => [m.key, m.basisPoints])).toEqual([
      ["North", 8235],
      ["South", 1765],
    ]);
  });

  it("ranks the SKUs or customers that drive the change on last year, summing to it", async () => {
    const bySku = (await fulcrum.demandAnalysis.analysis({ node: FAMILY })).drivers;
    // 180 → 340: S1 +140, S2 40 → 60 +20.
    expect(bySku).toMatchObject({
      compare: "year-over-year",
      before: 180,
      after: 340,
      change: 160,
      beforeRange: { from: "2024-12", to: "2025-11" },
      afterRange: { from: "2025-12", to: "2026-11" },
    });
    expect(bySku.drivers.map((d) => [d.key, bySku.names[d.key], d.change])).toEqual([
      ["S1", "Orange", 140],
      ["S2", "Apple", 20],
    ]);
    const byCustomer = (await fulcrum.demandAnalysis.analysis({ node: FAMILY, by: "customer" })).drivers;
    // C1 +140, C2 0 → 60, C3 40 → 0: 140 + 60 − 40 = 160.
    expect(byCustomer.drivers.map((d) => [d.key, byCustomer.names[d.key], d.change])).toEqual([
      ["C1", "Shop", 140],
      ["C2", "Cash & Carry", 60],
      ["C3", "Web shop", -40],
    ]);
    expect(byCustomer.drivers.reduce((s, d) => s + d.change, 0)).toBe(byCustomer.change);
  });

  it("reads one segment's demand only, with the short-history rule when it has under two years", async () => {
    const retail = await fulcrum.demandAnalysis.analysis({ node: FAMILY, segment: "RETAIL" });
    // Retail: S1 +140, S2 40 (C3) → 0.
    expect(retail.drivers.drivers.map((d) => [d.key, d.change])).toEqual([
      ["S1", 140],
      ["S2", -40],
    ]);
    expect(retail.mix.segment.map((m) => [m.key, m.basisPoints])).toEqual([["RETAIL", 10_000]]);
    // Wholesale bought once, in March 2026: nine months from there — no profile, no growth.
    const wholesale = await fulcrum.demandAnalysis.analysis({ node: FAMILY, segment: "WHOLESALE" });
    expect(wholesale.profile).toMatchObject({ years: 0, enough: false });
    expect(wholesale.profile.indices.every((v) => v === 1)).toBe(true);
    expect(wholesale.trend).toMatchObject({ last12: null, growthPercent: null, months: 9 });
    await expect(fulcrum.demandAnalysis.analysis({ node: FAMILY, segment: "NOPE" })).rejects.toThrow(
      "no customer segment NOPE",
    );
  });

  it("compares a version's plan with the same months last year, SKU by SKU", async () => {
    const { drivers } = await fulcrum.demandAnalysis.analysis({
      node: FAMILY,
      compare: "plan-vs-last-year",
      versionId,
    });
    // Last year 280 + 60 = 340; plan 300 + (20 + 11 · 5) = 375.
    expect(drivers).toMatchObject({ before: 340, after: 375, change: 35 });
    expect(drivers.drivers.map((d) => [d.key, d.before, d.after, d.change])).toEqual([
      ["S1", 280, 300, 20],
      ["S2", 60, 75, 15],
    ]);
    expect(drivers.afterRange).toEqual({ from: "2026-12", to: "2027-11" });
    await expect(
      fulcrum.demandAnalysis.analysis({
        node: FAMILY,
        compare: "plan-vs-last-year",
        versionId,
        by: "customer",
      }),
    ).rejects.toThrow("it has no customers");
  });
});
