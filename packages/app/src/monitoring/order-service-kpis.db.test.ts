import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";

let database: Database;
let fulcrum: Fulcrum;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-12-05T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-12-05T09:00:00Z"));
  // October: a retail line in full on time, a key-account line late but complete, a retail line
  // partly cancelled. November: a retail line never delivered. December is still open.
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('FAM-A', 'Juices', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL);
    INSERT INTO locations VALUES ('DC', 'Central', 'dc', 'North');
    INSERT INTO segments VALUES ('KEY', 'Key accounts', 1), ('RETAIL', 'Retail', 2);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North'), ('C2', 'Chain', 'KEY', 'retail', 'North');
    INSERT INTO sales_history VALUES
      ('O1', 1, 'S1', 'C1', 'DC', '2026-09-20', '2026-10-05', 100, '2026-10-05', 100, 0, NULL),
      ('O2', 1, 'S1', 'C2', 'DC', '2026-09-20', '2026-10-10', 50, '2026-10-14', 50, 0, NULL),
      ('O3', 1, 'S1', 'C1', 'DC', '2026-09-25', '2026-10-20', 50, '2026-10-19', 30, 20, NULL),
      ('O4', 1, 'S1', 'C1', 'DC', '2026-10-25', '2026-11-03', 40, NULL, 0, 40, NULL),
      ('O5', 1, 'S1', 'C1', 'DC', '2026-11-25', '2026-12-03', 40, NULL, 0, 0, NULL);`);
});
afterAll(() => database.close());

describe("order service from the order history", () => {
  it("measures closed months in total, by month and by segment", async () => {
    const report = await fulcrum.orderService.orderService({ from: "2026-10" });
    expect([report.from, report.to]).toEqual(["2026-10", "2026-11"]);
    // 180 of 240 units filled; 2 of 4 lines in full, 1 on time; 60 units cancelled on 2 lines.
    expect(report.total).toEqual({
      key: "all",
      lines: 4,
      requested: 240,
      unitFillRate: 0.75,
      lineFillRate: 0.5,
      otif: 0.25,
      cancelledLines: 2,
      cancelledUnits: 60,
      cancelledShare: 0.25,
    });
    expect(report.byMonth.map((m) => [m.key, m.unitFillRate, m.otif])).toEqual([
      ["2026-10", 0.9, 1 / 3],
      ["2026-11", 0, 0],
    ]);
    expect(report.bySegment.map((s) => [s.key, s.lineFillRate, s.otif])).toEqual([
      ["KEY", 1, 0],
      ["RETAIL", 1 / 3, 1 / 3],
    ]);
  });
});
