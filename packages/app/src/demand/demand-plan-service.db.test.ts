import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";

// Given a category with two families: FAM-A (S1, S2) and FAM-B (S3), a statistical forecast for
// December and January, and a price list.
let database: Database;
let fulcrum: Fulcrum;
let dana: User;
let sam: User;
let mia: User;

const FAM_A = { kind: "group", code: "FAM-A" } as const;
const CATEGORY = { kind: "group", code: "CAT" } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('CAT', 'Drinks', 'category', NULL), ('FAM-A', 'Juices', 'family', 'CAT'), ('FAM-B', 'Waters', 'family', 'CAT');
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM-A', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM-A', 'EA', 'active', NULL),
                             ('S3', 'Still', 'finished', 'FAM-B', 'EA', 'active', NULL);
    INSERT INTO prices VALUES ('S1', NULL, '2026-01-01', NULL, 200), ('S2', NULL, '2026-01-01', NULL, 300), ('S3', NULL, '2026-01-01', NULL, 100);`);
  const user = (username: string, role: User["role"]) =>
    fulcrum.auth.createUser({ username, displayName: username, role, password: `${username}-password` });
  dana = await user("dana", "demand_planner");
  sam = await user("sam", "sales");
  mia = await user("mia", "marketing");
});
afterAll(() => database.close());

async function newVersion(): Promise<number> {
  const scenarioId = await fulcrum.plans.baseScenario(dana);
  const version = await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null });
  const statistical = [
    ["S1", "2026-12", 60.4],
    ["S2", "2026-12", 40],
    ["S3", "2026-12", 100],
    ["S1", "2027-01", 70],
    ["S2", "2027-01", 30],
    ["S3", "2027-01", 90],
  ] as const;
  // The statistical layer is the forecast run's: written as the run writes it, not through an edit.
  for (const [sku, period, value] of statistical)
    await database.pool.query(
      "INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES ($1, 'demand.statistical', $2, $3, $4)",
      [version.id, sku, period, value],
    );
  return version.id;
}

async function values(versionId: number, measure: string, period: string): Promise<Record<string, number>> {
  const rows = await database.pool.query(
    "SELECT sku, value FROM plan_values WHERE version_id = $1 AND measure = $2 AND period = $3 ORDER BY sku",
    [versionId, measure, period],
  );
  return Object.fromEntries(rows.rows.map((r) => [r.sku, r.value]));
}

const revision = async (versionId: number) =>
  (await fulcrum.demand.grid({ versionId, node: { kind: "all" }, from: "2026-12", to: "2027-01" })).revision;

async function consensusFor(versionId: number) {
  return fulcrum.demand.proposeConsensus(
    {
      versionId,
      node: { kind: "all" },
      from: "2026-12",
      to: "2027-01",
      reason: "proposal",
      expectedRevision: await revision(versionId),
    },
    dana,
  );
}

describe("demand edits at any level of the hierarchy", () => {
  it("spreads a family's new total over its SKUs in proportion, keeping the total exact and auditing old → new", async () => {
    const versionId = await newVersion();
    await consensusFor(versionId);
    expect(await values(versionId, "demand.consensus", "2026-12")).toEqual({ S1: 60, S2: 40, S3: 100 });

    const result = await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.consensus",
        node: FAM_A,
        from: "2026-12",
        edit: { kind: "total", value: 151 },
        reason: "key account win",
        comment: "FreshMart listing",
        expectedRevision: await revision(versionId),
      },
      dana,
    );
    expect(result).toMatchObject({ changed: 2, before: 100, after: 151 });
    // 60:40 of 151 is 90.6 : 60.4 → 91 and 60 by largest remainder.
    expect(await values(versionId, "demand.consensus", "2026-12")).toEqual({ S1: 91, S2: 60, S3: 100 });

    const grid = await fulcrum.demand.grid({ versionId, node: CATEGORY, from: "2026-12", to: "2027-01" });
    expect(grid.rows.map((r) => [r.code, r.layers["demand.consensus"]])).toEqual([
      ["CAT", [251, 190]],
      ["FAM-A", [151, 100]],
      ["FAM-B", [100, 90]],
    ]);
    const family = await fulcrum.demand.grid({
      versionId,
      node: FAM_A,
      from: "2026-12",
      to: "2027-03",
      grain: "quarter",
    });
    expect(family.buckets).toEqual([
      { bucket: "2026-Q4", from: "2026-12", to: "2026-12" },
      { bucket: "2027-Q1", from: "2027-01", to: "2027-03" },
    ]);
    expect(family.rows.map((r) => [r.code, r.layers["demand.consensus"]])).toEqual([
      ["FAM-A", [151, 100]],
      ["S1", [91, 70]],
      ["S2", [60, 30]],
    ]);

    const audit = await database.pool.query(
      `SELECT c.sku, c.old_value, c.new_value, c.reason, c.comment, e.kind, e.amount, e.node_code
       FROM plan_changes c JOIN plan_edits e ON e.id = c.edit_id WHERE c.edit_id = $1 ORDER BY c.sku`,
      [result.editId],
    );
    expect(audit.rows).toEqual([
      {
        sku: "S1",
        old_value: 60,
        new_value: 91,
        reason: "key account win",
        comment: "FreshMart listing",
        kind: "total",
        amount: 151,
        node_code: "FAM-A",
      },
      {
        sku: "S2",
        old_value: 40,
        new_value: 60,
        reason: "key account win",
        comment: "FreshMart listing",
        kind: "total",
        amount: 151,
        node_code: "FAM-A",
      },
    ]);
  });

  it("keeps locked SKUs and lets the others absorb the change; refuses when nothing can move", async () => {
    const versionId = await newVersion();
    await consensusFor(versionId);
    const edit = async (value: number) =>
      fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.consensus",
          node: FAM_A,
          from: "2026-12",
          edit: { kind: "total", value },
          reason: "adjust",
          expectedRevision: await revision(versionId),
        },
        dana,
      );
    expect(
      await fulcrum.demand.setLocks(
        {
          versionId,
          measure: "demand.consensus",
          node: { kind: "item", code: "S1" },
          from: "2026-12",
          locked: true,
        },
        dana,
      ),
    ).toBe(1);
    await edit(200);
    expect(await values(versionId, "demand.consensus", "2026-12")).toMatchObject({ S1: 60, S2: 140 });
    await expect(edit(50)).rejects.toThrow(/locked cells already hold 60, more than the new total 50/);

    await fulcrum.demand.setLocks(
      { versionId, measure: "demand.consensus", node: FAM_A, from: "2026-12", locked: true },
      dana,
    );
    const grid = await fulcrum.demand.grid({ versionId, node: CATEGORY, from: "2026-12", to: "2027-01" });
    expect(grid.rows.find((r) => r.code === "FAM-A")!.locked["demand.consensus"]).toEqual([true, false]);
    expect(grid.rows[0]!.locked["demand.consensus"]).toEqual([false, false]);
    await expect(edit(300)).rejects.toThrow(/every cell is locked/);

    // Locks for one edit only hold S2 while the January total moves S1 alone.
    await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.consensus",
        node: FAM_A,
        from: "2027-01",
        edit: { kind: "percent", percent: 10 },
        locks: [{ sku: "S2" }],
        reason: "promotion",
        expectedRevision: await revision(versionId),
      },
      dana,
    );
    expect(await values(versionId, "demand.consensus", "2027-01")).toMatchObject({ S1: 80, S2: 30 });
  });

  it("takes percentage and revenue edits over a range, and a revenue target at today's revenue changes nothing", async () => {
    const versionId = await newVersion();
    await consensusFor(versionId);
    const request = async (edit: Parameters<Fulcrum["demand"]["edit"]>[0]["edit"]) =>
      fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.consensus",
          node: FAM_A,
          from: "2026-12",
          to: "2027-01",
          edit,
          reason: "finance alignment",
          expectedRevision: await revision(versionId),
        },
        dana,
      );
    // Revenue now: (60 + 70)·€2 + (40 + 30)·€3 = €470.00.
    expect(await request({ kind: "revenue", amount: 47_000 })).toMatchObject({
      changed: 0,
      before: 200,
      after: 200,
    });
    expect(await request({ kind: "percent", percent: 5 })).toMatchObject({ before: 200, after: 210 });
    await request({ kind: "revenue", amount: 94_000 });
    const december = await values(versionId, "demand.consensus", "2026-12");
    const january = await values(versionId, "demand.consensus", "2027-01");
    const revenue = (december.S1! + january.S1!) * 200 + (december.S2! + january.S2!) * 300;
    expect(Math.abs(revenue - 94_000)).toBeLessThanOrEqual(300);
  });

  it("combines sales' view and marketing's uplift into the consensus proposal; each role edits its own layer", async () => {
    const versionId = await newVersion();
    await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.sales",
        node: FAM_A,
        from: "2026-12",
        edit: { kind: "total", value: 120 },
        basis: "statistical",
        reason: "customer plans",
        expectedRevision: await revision(versionId),
      },
      sam,
    );
    await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.marketing",
        node: { kind: "item", code: "S3" },
        from: "2026-12",
        edit: { kind: "total", value: 25 },
        reason: "promotion",
        expectedRevision: await revision(versionId),
      },
      mia,
    );
    const refused = fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.consensus",
        node: FAM_A,
        from: "2026-12",
        edit: { kind: "total", value: 1 },
        reason: "x",
        expectedRevision: await revision(versionId),
      },
      sam,
    );
    await expect(refused).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.sales",
          node: FAM_A,
          from: "2026-12",
          edit: { kind: "total", value: 1 },
          reason: "x",
          expectedRevision: await revision(versionId),
        },
        mia,
      ),
    ).rejects.toBeInstanceOf(AppError);

    await consensusFor(versionId);
    // Sales' 120 spread 60.4 : 40 → 72 : 48; S3 keeps statistical 100 plus marketing's 25.
    expect(await values(versionId, "demand.sales", "2026-12")).toEqual({ S1: 72, S2: 48 });
    expect(await values(versionId, "demand.consensus", "2026-12")).toEqual({ S1: 72, S2: 48, S3: 125 });
    expect(await values(versionId, "demand.consensus", "2027-01")).toEqual({ S1: 70, S2: 30, S3: 90 });
  });
  it("spreads to last year's same month or evenly instead of the current split", async () => {
    const versionId = await newVersion();
    await database.pool.query(`
      INSERT INTO locations VALUES ('DC', 'Central', 'dc', 'North') ON CONFLICT DO NOTHING;
      INSERT INTO segments VALUES ('RETAIL', 'Retail', 1) ON CONFLICT DO NOTHING;
      INSERT INTO customers VALUES ('C1', 'Shop', 'RETAIL', 'retail', 'North') ON CONFLICT DO NOTHING;
      INSERT INTO sales_history VALUES
        ('H1', 1, 'S1', 'C1', 'DC', '2025-11-20', '2025-12-03', 10, NULL, 0, 0, NULL),
        ('H1', 2, 'S2', 'C1', 'DC', '2025-11-20', '2025-12-28', 30, NULL, 0, 0, NULL),
        ('H2', 1, 'S1', 'C1', 'DC', '2025-12-20', '2026-01-05', 99, NULL, 0, 0, NULL)
      ON CONFLICT DO NOTHING;`);
    const spread = async (basis: "history" | "even", value: number) =>
      fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.sales",
          node: FAM_A,
          from: "2026-12",
          edit: { kind: "total", value },
          basis,
          reason: "customer plans",
          expectedRevision: await revision(versionId),
        },
        sam,
      );
    // December 2025 asked for 10 of S1 and 30 of S2 (January's 99 is another month).
    await spread("history", 200);
    expect(await values(versionId, "demand.sales", "2026-12")).toEqual({ S1: 50, S2: 150 });
    await spread("even", 101);
    expect(await values(versionId, "demand.sales", "2026-12")).toEqual({ S1: 51, S2: 50 });
  });
});

describe("concurrency, undo and approval", () => {
  it("refuses an edit built on a stale revision with the other person's change, but not one elsewhere", async () => {
    const versionId = await newVersion();
    const seen = await revision(versionId);
    await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.sales",
        node: FAM_A,
        from: "2026-12",
        edit: { kind: "total", value: 100 },
        basis: "statistical",
        reason: "customer plans",
        expectedRevision: seen,
      },
      sam,
    );
    const now = await revision(versionId);
    const stale = fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.sales",
        node: { kind: "item", code: "S1" },
        from: "2026-12",
        edit: { kind: "total", value: 10 },
        reason: "mine",
        expectedRevision: seen,
      },
      dana,
    );
    await expect(stale).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/sam changed these numbers/),
      details: {
        revision: now,
        changes: [
          expect.objectContaining({ user: "sam", sku: "S1", newValue: 60, reason: "customer plans" }),
        ],
      },
    });
    // FAM-B was not touched: the same stale revision is fine there.
    await expect(
      fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.sales",
          node: { kind: "group", code: "FAM-B" },
          from: "2026-12",
          edit: { kind: "total", value: 10 },
          basis: "statistical",
          reason: "mine",
          expectedRevision: seen,
        },
        dana,
      ),
    ).resolves.toMatchObject({ changed: 1 });
  });

  it("undoes an edit as a new audited edit, once, and not over someone's later change", async () => {
    const versionId = await newVersion();
    await consensusFor(versionId);
    const first = await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.consensus",
        node: FAM_A,
        from: "2026-12",
        edit: { kind: "delta", value: 50 },
        reason: "event",
        expectedRevision: await revision(versionId),
      },
      dana,
    );
    expect(await values(versionId, "demand.consensus", "2026-12")).toMatchObject({ S1: 90, S2: 60 });
    const undo = await fulcrum.demand.undo(first.editId, dana);
    expect(undo).toMatchObject({ changed: 2, before: 150, after: 100 });
    expect(await values(versionId, "demand.consensus", "2026-12")).toMatchObject({ S1: 60, S2: 40 });
    const reverts = await database.pool.query("SELECT reverts, reason FROM plan_changes WHERE edit_id = $1", [
      undo.editId,
    ]);
    expect(reverts.rows.every((r) => r.reverts !== null && r.reason === "undo")).toBe(true);
    await expect(fulcrum.demand.undo(first.editId, dana)).rejects.toThrow(/undone already/);

    const second = await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.consensus",
        node: FAM_A,
        from: "2026-12",
        edit: { kind: "total", value: 200 },
        reason: "event",
        expectedRevision: await revision(versionId),
      },
      dana,
    );
    await fulcrum.demand.edit(
      {
        versionId,
        measure: "demand.consensus",
        node: { kind: "item", code: "S2" },
        from: "2026-12",
        edit: { kind: "total", value: 5 },
        reason: "later",
        expectedRevision: await revision(versionId),
      },
      dana,
    );
    await expect(fulcrum.demand.undo(second.editId, dana)).rejects.toThrow(/changed since/);
  });

  it("approving the consensus freezes the version: no edits, locks or undo afterwards", async () => {
    const versionId = await newVersion();
    await expect(fulcrum.demand.approveConsensus(versionId, dana)).rejects.toThrow(/no consensus/);
    const proposal = await consensusFor(versionId);
    await expect(fulcrum.demand.approveConsensus(versionId, sam)).rejects.toMatchObject({
      code: "forbidden",
    });
    await fulcrum.demand.approveConsensus(versionId, dana);
    const grid = await fulcrum.demand.grid({ versionId, node: { kind: "all" }, from: "2026-12" });
    expect(grid.status).toBe("approved");
    await expect(
      fulcrum.demand.edit(
        {
          versionId,
          measure: "demand.consensus",
          node: FAM_A,
          from: "2026-12",
          edit: { kind: "total", value: 1 },
          reason: "late",
          expectedRevision: grid.revision,
        },
        dana,
      ),
    ).rejects.toThrow(/approved and cannot change/);
    await expect(
      fulcrum.demand.setLocks(
        { versionId, measure: "demand.consensus", node: FAM_A, from: "2026-12", locked: true },
        dana,
      ),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(fulcrum.demand.undo(proposal.editId, dana)).rejects.toMatchObject({ code: "conflict" });
    await expect(database.pool.query("DELETE FROM plan_edits")).rejects.toThrow(/append-only/);
  });
});
