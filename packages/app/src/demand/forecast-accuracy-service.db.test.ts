import type { PeriodKey } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// Given a company of three SKUs whose November cycle planned December: the statistical forecast
// said S1 90, S2 55, S3 100; Sam (sales) raised S1 to 110, Mia (marketing) added 10 to S2, and Dana
// settled the consensus of S1 at 105. Customers then asked for S1 100, S2 50, S3 100 in December,
// after S1 80, S2 60, S3 90 in October (the last month known in November: the naive forecast).
let database: Database;
let fulcrum: Fulcrum;
let dana: User;
let versionId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-11-22T09:00:00Z"));
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('CAT', 'Drinks', 'category', NULL), ('FAM-A', 'Juices', 'family', 'CAT'), ('FAM-B', 'Waters', 'family', 'CAT');
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM-A', 'EA', 'active', NULL),
                             ('S3', 'Still', 'finished', 'FAM-B', 'EA', 'active', NULL);
    INSERT INTO locations VALUES ('DC', 'Central', 'dc', 'North');
    INSERT INTO segments VALUES ('RETAIL', 'Retail', 1);
    INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North');
    INSERT INTO sales_history VALUES
      ('O1', 1, 'S1', 'C1', 'DC', '2026-10-01', '2026-10-10', 80, NULL, 0, 0, NULL),
      ('O1', 2, 'S2', 'C1', 'DC', '2026-10-01', '2026-10-10', 60, NULL, 0, 0, NULL),
      ('O1', 3, 'S3', 'C1', 'DC', '2026-10-01', '2026-10-10', 90, NULL, 0, 0, NULL),
      ('D1', 1, 'S1', 'C1', 'DC', '2026-12-01', '2026-12-05', 100, NULL, 0, 0, NULL),
      ('D1', 2, 'S2', 'C1', 'DC', '2026-12-01', '2026-12-05', 50, NULL, 0, 0, NULL),
      ('D1', 3, 'S3', 'C1', 'DC', '2026-12-01', '2026-12-05', 100, NULL, 0, 0, NULL);`);
  const user = (username: string, displayName: string, role: User["role"]) =>
    fulcrum.auth.createUser({ username, displayName, role, password: `${username}-password` });
  dana = await user("dana", "Dana Demand", "demand_planner");
  const sam = await user("sam", "Sam Sales", "sales");
  const mia = await user("mia", "Mia Marketing", "marketing");

  const scenarioId = await fulcrum.plans.baseScenario(dana);
  versionId = (
    await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null, cyclePeriod: "2026-11" })
  ).id;
  for (const [sku, value] of [
    ["S1", 90],
    ["S2", 55],
    ["S3", 100],
  ] as const)
    await database.pool.query(
      "INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES ($1, 'demand.statistical', $2, '2026-12', $3)",
      [versionId, sku, value],
    );
  const revision = async () =>
    (await fulcrum.demand.grid({ versionId, node: { kind: "all" }, from: "2026-12", to: "2026-12" }))
      .revision;
  const edit = async (measure: string, sku: string, value: number, who: User) =>
    fulcrum.demand.edit(
      {
        versionId,
        measure: measure as "demand.sales",
        node: { kind: "item", code: sku },
        from: "2026-12",
        edit: { kind: "total", value },
        reason: "market intelligence",
        expectedRevision: await revision(),
      },
      who,
    );
  await edit("demand.sales", "S1", 110, sam);
  await edit("demand.marketing", "S2", 10, mia);
  await fulcrum.demand.proposeConsensus(
    {
      versionId,
      node: { kind: "all" },
      from: "2026-12",
      to: "2026-12",
      reason: "proposal",
      expectedRevision: await revision(),
    },
    dana,
  );
  await edit("demand.consensus", "S1", 105, dana);
  await fulcrum.demand.approveConsensus(versionId, dana);
  await fulcrum.workspace.updateCompany({ currentPeriod: "2027-01" as PeriodKey, asOf: "2027-01-04" });
});
afterAll(() => database.close());

describe("forecast accuracy from the cycles' snapshots", () => {
  it("snapshots every layer with its last editor when the consensus is approved", async () => {
    const { rows } = await database.pool.query(
      `SELECT v.layer, v.sku, v.value, u.username FROM demand_snapshot_values v
       JOIN demand_snapshots s ON s.id = v.snapshot_id LEFT JOIN users u ON u.id = v.editor
       WHERE s.cycle_period = '2026-11' ORDER BY v.layer, v.sku`,
    );
    expect(rows.map((r) => `${r.layer} ${r.sku} ${r.value} ${r.username ?? "-"}`)).toEqual([
      "consensus S1 105 dana",
      "consensus S2 65 dana",
      "consensus S3 100 dana",
      "marketing S2 10 mia",
      "sales S1 110 sam",
      "statistical S1 90 -",
      "statistical S2 55 -",
      "statistical S3 100 -",
    ]);
    await expect(database.pool.query("DELETE FROM demand_snapshot_values")).rejects.toThrow(/append-only/);
  });

  it("scores each step at lag 1 by SKU, and what each one added (hand-worked over 250 units)", async () => {
    const result = await fulcrum.accuracy.accuracy({ lag: 1, from: "2026-12" });
    expect(result.months).toEqual([{ period: "2026-12", cycle: "2026-11", snapshotId: expect.any(Number) }]);
    const step = Object.fromEntries(result.steps.map((s) => [s.step, s]));
    // Errors: naive 20 + 10 + 10, statistical 10 + 5 + 0, sales 10 + 5, marketing 10 + 15, consensus 5 + 15.
    expect(step.naive!.wape).toBeCloseTo(16, 9);
    expect(step.statistical!.wape).toBeCloseTo(6, 9);
    expect(step.sales!.wape).toBeCloseTo(6, 9);
    expect(step.marketing!.wape).toBeCloseTo(10, 9);
    expect(step.consensus!.wape).toBeCloseTo(8, 9);
    expect(step.consensus!.fvaVsPrevious).toBeCloseTo(2, 9);
    expect(step.consensus!.fvaVsStatistical).toBeCloseTo(-2, 9);
    expect(step.consensus!.fvaVsNaive).toBeCloseTo(8, 9);
    expect(result.people.map((p) => [p.person, p.step, p.cells, p.fva])).toEqual([
      ["Dana Demand", "consensus", 1, 5],
      ["Sam Sales", "sales", 1, 0],
      ["Mia Marketing", "marketing", 1, -20],
    ]);
    // Over time: one cycle measured, each person's FVA in it the same as over the window.
    expect(
      result.peopleTrend.map((p) => [p.person, p.periods.map((q) => [q.period, q.cycle, q.cells, q.fva])]),
    ).toEqual([
      ["Dana Demand", [["2026-12", "2026-11", 1, 5]]],
      ["Sam Sales", [["2026-12", "2026-11", 1, 0]]],
      ["Mia Marketing", [["2026-12", "2026-11", 1, -20]]],
    ]);
  });

  it("measures a family on its own total, and nothing at a lag no snapshot covers", async () => {
    const family = await fulcrum.accuracy.accuracy({ lag: 1, level: "family", from: "2026-12" });
    // FAM-A planned 145 statistical and 170 consensus against 150; FAM-B exactly 100.
    const step = Object.fromEntries(family.steps.map((s) => [s.step, s]));
    expect(step.statistical!.wape).toBeCloseTo(2, 9);
    expect(step.consensus!.wape).toBeCloseTo(8, 9);
    const lag3 = await fulcrum.accuracy.accuracy({ lag: 3, from: "2026-12" });
    expect(lag3.cells).toBe(0);
    expect(lag3.months[0]!.snapshotId).toBeNull();
    await expect(fulcrum.accuracy.accuracy({ level: "galaxy" })).rejects.toThrow(
      /no product-group level galaxy/,
    );
  });
});
