import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// Given the December cycle's draft: S1's consensus of 150 lies above its statistical P90 of 120 and
// 50 % above the 100 November approved; S2 was planned at 120 in each of the last six cycles and
// customers asked for 100 every time.
let database: Database;
let fulcrum: Fulcrum;
let draft: number;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-12-05T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-12-05T09:00:00Z"));
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('FAM-A', 'Juices', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM-A', 'EA', 'active', NULL);
    INSERT INTO prices VALUES ('S1', NULL, '2026-01-01', NULL, 200), ('S2', NULL, '2026-01-01', NULL, 300);
    INSERT INTO locations VALUES ('DC', 'Central', 'dc', 'North');
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 1);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North');`);
  for (const [i, month] of ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"].entries())
    await database.pool.query(
      "INSERT INTO sales_history VALUES ($1, 1, 'S2', 'C1', 'DC', $2::date, $2::date, 100, NULL, 0, 0, NULL)",
      [`O${i}`, `${month}-10`],
    );
  const scenarioId = await fulcrum.plans.baseScenario(null);
  const approved = await fulcrum.plans.createVersion({
    scenarioId,
    kind: "demand",
    user: null,
    cyclePeriod: "2026-11",
  });
  const snapshot = async (cycle: string, rows: [string, string, string, number][]) => {
    const { rows: taken } = await database.pool.query(
      "INSERT INTO demand_snapshots (cycle_period, version_id, taken_at) VALUES ($1, $2, now()) RETURNING id",
      [cycle, approved.id],
    );
    for (const [layer, sku, period, value] of rows)
      await database.pool.query(
        "INSERT INTO demand_snapshot_values (snapshot_id, layer, sku, period, value) VALUES ($1, $2, $3, $4, $5)",
        [taken[0].id, layer, sku, period, value],
      );
  };
  for (const [cycle, month] of [
    ["2026-05", "2026-06"],
    ["2026-06", "2026-07"],
    ["2026-07", "2026-08"],
    ["2026-08", "2026-09"],
    ["2026-09", "2026-10"],
  ])
    await snapshot(cycle!, [
      ["statistical", "S2", month!, 120],
      ["consensus", "S2", month!, 120],
    ]);
  await snapshot("2026-10", [["statistical", "S2", "2026-11", 120]]);
  await snapshot("2026-11", [
    ["consensus", "S1", "2026-12", 100],
    ["statistical", "S1", "2026-12", 100],
    ["statistical", "S2", "2026-11", 120],
  ]);
  draft = (
    await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null, cyclePeriod: "2026-12" })
  ).id;
  for (const [measure, sku, period, value] of [
    ["demand.statistical", "S1", "2026-12", 100],
    ["demand.statistical.p10", "S1", "2026-12", 80],
    ["demand.statistical.p90", "S1", "2026-12", 120],
    ["demand.consensus", "S1", "2026-12", 150],
    ["demand.statistical", "S1", "2027-01", 100],
    ["demand.statistical", "S2", "2026-12", 100],
    ["demand.statistical.p10", "S2", "2026-12", 80],
    ["demand.statistical.p90", "S2", "2026-12", 120],
  ] as const)
    await database.pool.query(
      "INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES ($1, $2, $3, $4, $5)",
      [draft, measure, sku, period, value],
    );
});
afterAll(() => database.close());

describe("demand exceptions", () => {
  it("ranks the draft's exceptions by value at stake", async () => {
    const { total, exceptions } = await fulcrum.demandExceptions.exceptions(draft);
    expect(total).toBe(3);
    expect(exceptions.map((e) => [e.sku, e.kind, e.periods, e.units, e.valueAtStake])).toEqual([
      // 50 units over November's plan at 2.00.
      ["S1", "changed", ["2026-12"], 50, 10_000],
      // 30 units above P90 at 2.00.
      ["S1", "outside-band", ["2026-12"], 30, 6_000],
      // 20 a month over-planned, for the one month planned now, at 3.00.
      ["S2", "biased", ["2026-12"], 20, 6_000],
    ]);
    expect(exceptions[2]).toMatchObject({ percent: 20, trackingSignal: 6, name: "Apple", family: "FAM-A" });
  });

  it("answers not found for a version that is not a demand plan", async () => {
    await expect(fulcrum.demandExceptions.exceptions(99_999)).rejects.toThrow("no demand version 99999");
  });
});
