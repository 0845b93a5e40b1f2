import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// Over December 2025–November 2026 at a list price of 1.00: S1 sold 10 every month (12,000), S2 30
// in one month (3,000), S3 20 in one month (2,000) — S1 and S2 carry 88 % of revenue.
let database: Database;
let fulcrum: Fulcrum;
let planner: number;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-12-05T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-12-05T09:00:00Z"));
  planner = (
    await fulcrum.auth.createUser({
      username: "dana",
      displayName: "Dana",
      role: "demand_planner",
      password: "dana-password",
    })
  ).id;
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('FAM-A', 'Juices', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL),
      ('S2', 'Apple', 'finished', 'FAM-A', 'EA', 'active', NULL), ('S3', 'Pear', 'finished', 'FAM-A', 'EA', 'active', NULL);
    INSERT INTO prices VALUES ('S1', NULL, '2025-01-01', NULL, 100), ('S2', NULL, '2025-01-01', NULL, 100), ('S3', NULL, '2025-01-01', NULL, 100);
    INSERT INTO locations VALUES ('PLANT', 'Plant', 'plant', 'North'), ('DC', 'Central', 'dc', 'North');
    INSERT INTO standard_costs VALUES ('S1', 'PLANT', '2025-01-01', NULL, 60, 20, 10), ('S2', 'PLANT', '2025-01-01', NULL, 5, 3, 2),
      ('S3', 'PLANT', '2025-01-01', NULL, 30, 10, 10);
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 1);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North');
    INSERT INTO sales_history VALUES
      ('X2', 1, 'S2', 'C1', 'DC', '2026-03-01', '2026-03-10', 30, '2026-03-10', 30, 0, NULL),
      ('X3', 1, 'S3', 'C1', 'DC', '2026-05-01', '2026-05-10', 20, '2026-05-10', 20, 0, NULL);`);
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2025, 11 + m, 10)).toISOString().slice(0, 10);
    await database.pool.query(
      "INSERT INTO sales_history VALUES ($1, 1, 'S1', 'C1', 'DC', $2::date, $2::date, 10, $2::date, 10, 0, NULL)",
      [`S1-${m}`, date],
    );
  }
});
afterAll(() => database.close());

describe("ABC–XYZ segmentation", () => {
  it("classes SKUs by revenue and demand variability, with the matrix", async () => {
    const result = await fulcrum.segmentation.classification({ by: "revenue" });
    expect([result.from, result.to]).toEqual(["2025-12", "2026-11"]);
    expect(result.items.map((i) => [i.key, i.value, i.class])).toEqual([
      ["S1", 12_000, "AX"],
      ["S2", 3_000, "AZ"],
      ["S3", 2_000, "BZ"],
    ]);
    expect(result.matrix.filter((m) => m.items > 0).map((m) => [m.class, m.items])).toEqual([
      ["AX", 1],
      ["AZ", 1],
      ["BZ", 1],
    ]);
  });

  it("ranks by margin when asked: S2's 2,700 before S1's 1,200 and S3's 1,000", async () => {
    const result = await fulcrum.segmentation.classification({ by: "margin" });
    expect(result.items.map((i) => [i.key, i.value])).toEqual([
      ["S2", 2_700],
      ["S1", 1_200],
      ["S3", 1_000],
    ]);
  });

  it("hands a service-level target per class to inventory planning through the import", async () => {
    const targets = { AX: 98, AY: 97, AZ: 95, BX: 97, BY: 95, BZ: 93, CX: 95, CY: 92, CZ: 90 };
    const summary = await fulcrum.segmentation.applyTargets({ targets }, planner);
    expect(summary).toMatchObject({ status: "imported", entity: "service_level_targets", inserted: 3 });
    const result = await fulcrum.segmentation.classification();
    expect(result.items.map((i) => [i.key, i.targetPct])).toEqual([
      ["S1", 98],
      ["S2", 95],
      ["S3", 93],
    ]);
    const refused = await fulcrum.segmentation
      .applyTargets({ targets: { ...targets, AX: 100 } }, planner)
      .catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details?.issues?.[0]).toMatchObject({ row: 2, column: "target_pct" });
  });
});
