import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// December's plan: S1 (juices) 10 by consensus at 2.00, S2 (waters) 20 statistical at 1.00. Last
// December customers asked for 8 S1 at the 1.90 charged and 5 S2 (no price on the line: list 1.00).
// The brand's budget is 35 units / 50.00; the juices' own 12 / 24.00; the markets 100 and 200 units.
let database: Database;
let fulcrum: Fulcrum;
let versionId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-12-05T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-12-05T09:00:00Z"));
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('BRAND', 'Sunny', 'brand', NULL), ('FAM-A', 'Juices', 'family', 'BRAND'), ('FAM-B', 'Waters', 'family', 'BRAND');
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL), ('S2', 'Still', 'finished', 'FAM-B', 'EA', 'active', NULL);
    INSERT INTO prices VALUES ('S1', NULL, '2025-01-01', NULL, 200), ('S2', NULL, '2025-01-01', NULL, 100);
    INSERT INTO locations VALUES ('DC', 'Central', 'dc', 'North');
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 1);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North');
    INSERT INTO sales_history VALUES
      ('L1', 1, 'S1', 'C1', 'DC', '2025-11-20', '2025-12-05', 8, '2025-12-05', 8, 0, 190),
      ('L1', 2, 'S2', 'C1', 'DC', '2025-11-20', '2025-12-05', 5, '2025-12-05', 5, 0, NULL);
    INSERT INTO budgets VALUES ('BRAND', '2026-12', 35, 5000), ('FAM-A', '2026-12', 12, 2400);
    INSERT INTO market_sizes VALUES ('FAM-A', '2026-12', 100), ('FAM-B', '2026-12', 200);`);
  const scenarioId = await fulcrum.plans.baseScenario(null);
  versionId = (
    await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null, cyclePeriod: "2026-12" })
  ).id;
  await database.pool.query(
    `INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES
       ($1, 'demand.statistical', 'S1', '2026-12', 9), ($1, 'demand.consensus', 'S1', '2026-12', 10),
       ($1, 'demand.statistical', 'S2', '2026-12', 20)`,
    [versionId],
  );
});
afterAll(() => database.close());

describe("unit and revenue plan", () => {
  it("sets the company's plan beside last year, the budget counted once, and its market share", async () => {
    const { months } = await fulcrum.revenuePlan.revenuePlan({ versionId, node: { kind: "all" } });
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({
      period: "2026-12",
      units: 30,
      revenue: 4_000,
      lastYearUnits: 13,
      lastYearRevenue: 2_020,
      // The brand's budget covers the juices' own.
      budgetUnits: 35,
      budgetRevenue: 5_000,
      marketShare: 0.1,
    });
    expect(months[1]).toMatchObject({ period: "2027-01", units: 0, budgetUnits: null, marketShare: null });
  });

  it("uses a family's own budget and market, and gives a SKU no budget", async () => {
    const family = await fulcrum.revenuePlan.revenuePlan({
      versionId,
      node: { kind: "group", code: "FAM-A" },
    });
    expect(family.months[0]).toMatchObject({
      units: 10,
      revenue: 2_000,
      lastYearRevenue: 1_520,
      budgetUnits: 12,
      marketShare: 0.1,
    });
    const sku = await fulcrum.revenuePlan.revenuePlan({ versionId, node: { kind: "item", code: "S2" } });
    expect(sku.months[0]).toMatchObject({
      units: 20,
      lastYearRevenue: 500,
      budgetUnits: null,
      marketShare: null,
    });
  });
});
