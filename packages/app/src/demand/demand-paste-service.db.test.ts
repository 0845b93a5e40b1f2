import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// Given two families — FAM-A (S1, S2) and FAM-B (S3) — with a consensus of 60, 40 and 100 in
// December and 70, 30 and 90 in January (proposed from the statistical forecast).
let database: Database;
let fulcrum: Fulcrum;
let dana: User;
let sam: User;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('CAT', 'Drinks', 'category', NULL), ('FAM-A', 'Juices', 'family', 'CAT'), ('FAM-B', 'Waters', 'family', 'CAT');
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM-A', 'EA', 'active', NULL),
                             ('S3', 'Still', 'finished', 'FAM-B', 'EA', 'active', NULL);`);
  const user = (username: string, role: User["role"]) =>
    fulcrum.auth.createUser({ username, displayName: username, role, password: `${username}-password` });
  dana = await user("dana", "demand_planner");
  sam = await user("sam", "sales");
});
afterAll(() => database.close());

async function newVersion(): Promise<number> {
  const scenarioId = await fulcrum.plans.baseScenario(dana);
  const version = await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null });
  for (const [sku, period, value] of [
    ["S1", "2026-12", 60],
    ["S2", "2026-12", 40],
    ["S3", "2026-12", 100],
    ["S1", "2027-01", 70],
    ["S2", "2027-01", 30],
    ["S3", "2027-01", 90],
  ] as const)
    await database.pool.query(
      "INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES ($1, 'demand.statistical', $2, $3, $4)",
      [version.id, sku, period, value],
    );
  await fulcrum.demand.proposeConsensus(
    {
      versionId: version.id,
      node: { kind: "all" },
      from: "2026-12",
      to: "2027-01",
      reason: "proposal",
      expectedRevision: await revision(version.id),
    },
    dana,
  );
  return version.id;
}

const revision = async (versionId: number) =>
  (await fulcrum.demand.grid({ versionId, node: { kind: "all" }, from: "2026-12", to: "2027-01" })).revision;

async function consensus(versionId: number): Promise<Record<string, number>> {
  const rows = await database.pool.query(
    "SELECT sku || '@' || period AS cell, value FROM plan_values WHERE version_id = $1 AND measure = 'demand.consensus' ORDER BY 1",
    [versionId],
  );
  return Object.fromEntries(rows.rows.map((r) => [r.cell, r.value]));
}

const FAM_A = { kind: "group", code: "FAM-A" } as const;
const S3 = { kind: "item", code: "S3" } as const;

describe("pasting a block of figures into the demand review", () => {
  it("spreads each pasted cell as its own audited edit, in one go, and each can be undone", async () => {
    const versionId = await newVersion();
    const result = await fulcrum.demandPaste.paste(
      {
        versionId,
        measure: "demand.consensus",
        // A 2 × 2 block: Juices Dec, Jan / Still Dec, Jan.
        cells: [
          { node: FAM_A, from: "2026-12", edit: { kind: "total", value: 150 } },
          { node: FAM_A, from: "2027-01", edit: { kind: "total", value: 100 } },
          { node: S3, from: "2026-12", edit: { kind: "total", value: 110 } },
          { node: S3, from: "2027-01", edit: { kind: "total", value: 90 } },
        ],
        reason: "Market intelligence",
        comment: "pasted from the key-account sheet",
        expectedRevision: await revision(versionId),
      },
      dana,
    );
    // Juices Dec 100 → 150 at 60:40 = 90 + 60; Jan stays 100 (nothing to change); Still 100 → 110.
    expect(await consensus(versionId)).toEqual({
      "S1@2026-12": 90,
      "S1@2027-01": 70,
      "S2@2026-12": 60,
      "S2@2027-01": 30,
      "S3@2026-12": 110,
      "S3@2027-01": 90,
    });
    expect(result.edits.map((e) => [e.changed, e.before, e.after])).toEqual([
      [2, 100, 150],
      [0, 100, 100],
      [1, 100, 110],
      [0, 90, 90],
    ]);
    expect(result.changed).toBe(3);
    expect(result.revision).toBe(await revision(versionId));

    const audit = await database.pool.query(
      `SELECT e.id, e.node_code, e.first_period, e.amount, e.reason, e.comment, e.cells FROM plan_edits e
       WHERE e.version_id = $1 AND e.kind = 'total' ORDER BY e.id`,
      [versionId],
    );
    expect(audit.rows.map((r) => [r.node_code, r.first_period, r.amount, r.cells])).toEqual([
      ["FAM-A", "2026-12", 150, 2],
      ["FAM-A", "2027-01", 100, 0],
      ["S3", "2026-12", 110, 1],
      ["S3", "2027-01", 90, 0],
    ]);
    expect(audit.rows[0]).toMatchObject({
      reason: "Market intelligence",
      comment: "pasted from the key-account sheet",
    });

    // Undo only the Juices December cell: Still keeps its pasted 110.
    await fulcrum.demand.undo(result.edits[0]!.editId, dana);
    expect(await consensus(versionId)).toMatchObject({
      "S1@2026-12": 60,
      "S2@2026-12": 40,
      "S3@2026-12": 110,
    });
  });

  it("writes nothing when one cell cannot be spread, and names that cell", async () => {
    const versionId = await newVersion();
    const before = await consensus(versionId);
    const paste = fulcrum.demandPaste.paste(
      {
        versionId,
        measure: "demand.consensus",
        cells: [
          { node: FAM_A, from: "2026-12", edit: { kind: "total", value: 150 }, label: "Juices, Dec 2026" },
          { node: S3, from: "2027-01", edit: { kind: "delta", value: -500 }, label: "Still, Jan 2027" },
        ],
        reason: "Correction",
        expectedRevision: await revision(versionId),
      },
      dana,
    );
    await expect(paste).rejects.toThrow(
      "pasted cell 2 (Still, Jan 2027): the new total would be -410, below zero",
    );
    expect(await consensus(versionId)).toEqual(before);
  });

  it("refuses the whole paste when someone changed one of its cells since the planner loaded them", async () => {
    const versionId = await newVersion();
    const seen = await revision(versionId);
    await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.consensus",
        node: S3,
        from: "2027-01",
        edit: { kind: "delta", value: 5 },
        reason: "Correction",
        expectedRevision: seen,
      },
      dana,
    );
    const paste = fulcrum.demandPaste.paste(
      {
        versionId,
        measure: "demand.consensus",
        cells: [
          { node: FAM_A, from: "2026-12", edit: { kind: "total", value: 150 } },
          { node: S3, from: "2027-01", edit: { kind: "total", value: 80 } },
        ],
        reason: "Correction",
        expectedRevision: seen,
      },
      dana,
    );
    await expect(paste).rejects.toMatchObject({ code: "conflict" });
    expect(await consensus(versionId)).toMatchObject({ "S1@2026-12": 60, "S3@2027-01": 95 });
  });

  it("refuses a layer the role may not edit", async () => {
    const versionId = await newVersion();
    const paste = fulcrum.demandPaste.paste(
      {
        versionId,
        measure: "demand.consensus",
        cells: [{ node: FAM_A, from: "2026-12", edit: { kind: "total", value: 150 } }],
        reason: "Correction",
        expectedRevision: await revision(versionId),
      },
      sam,
    );
    await expect(paste).rejects.toBeInstanceOf(AppError);
    await expect(paste).rejects.toMatchObject({ code: "forbidden" });
  });
});
