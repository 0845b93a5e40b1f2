import { ENTITIES } from "@fulcrum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { createTestDatabase } from "./testing/test-database";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const SQL_TYPE: Record<string, string> = {
  code: "text",
  text: "text",
  enum: "text",
  period: "text",
  integer: "integer",
  quantity: "double precision",
  percent: "double precision",
  money: "bigint",
  date: "date",
  boolean: "boolean",
};

describe("schema", () => {
  /** An item, a demand planner and a scenario to hang plan versions on, for the SQL-level tests. */
  async function planFixture(sku: string, username: string) {
    const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
    await q(
      `INSERT INTO units_of_measure VALUES ('EA', 'Each') ON CONFLICT DO NOTHING;
       INSERT INTO product_groups VALUES ('G', 'Group', 'family', NULL) ON CONFLICT DO NOTHING;
       INSERT INTO items VALUES ('${sku}', 'Item', 'finished', 'G', 'EA', 'active', NULL)`,
    );
    const user = (
      await q(
        "INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $1, 'demand_planner', 'x') RETURNING id",
        [username],
      )
    ).rows[0].id;
    const scenario = (await q("INSERT INTO scenarios (name) VALUES ($1) RETURNING id", [username])).rows[0]
      .id;
    return { q, user, scenario };
  }

  it("has a table for every catalogue entity with matching column types and nullability", async () => {
    const { rows } = await database.pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>(
      "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
    );
    for (const entity of ENTITIES) {
      const columns = rows.filter((r) => r.table_name === entity.name);
      expect(columns.map((c) => c.column_name).sort(), entity.name).toEqual(
        entity.columns.map((c) => c.name).sort(),
      );
      for (const col of entity.columns) {
        const found = columns.find((c) => c.column_name === col.name)!;
        expect(`${entity.name}.${col.name} ${found.data_type}`).toBe(
          `${entity.name}.${col.name} ${SQL_TYPE[col.type.kind]}`,
        );
        expect(`${entity.name}.${col.name} nullable=${found.is_nullable}`).toBe(
          `${entity.name}.${col.name} nullable=${col.required ? "NO" : "YES"}`,
        );
      }
    }
  });

  it("refuses to change a plan value once its version is approved, and never rewrites the audit trail", async () => {
    const { db } = database;
    await database.pool.query(
      "INSERT INTO units_of_measure VALUES ('EA', 'Each'); INSERT INTO product_groups VALUES ('G', 'Group', 'family', NULL); INSERT INTO items VALUES ('S1', 'Item', 'finished', 'G', 'EA', 'active', NULL)",
    );
    const user = await db
      .insertInto("users")
      .values({ username: "u", display_name: "U", role: "admin", password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const scenario = await db
      .insertInto("scenarios")
      .values({ name: "Base", parent_id: null, created_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    const version = await db
      .insertInto("plan_versions")
      .values({
        scenario_id: scenario.id,
        kind: "demand",
        number: 1,
        based_on: null,
        cycle_period: "2026-11",
        created_by: user.id,
        approved_by: null,
        approved_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("plan_values")
      .values({
        version_id: version.id,
        measure: "demand.consensus",
        sku: "S1",
        location: null,
        segment: null,
        period: "2026-12",
        value: 10,
      })
      .execute();
    await db
      .insertInto("plan_changes")
      .values({
        version_id: version.id,
        measure: "demand.consensus",
        sku: "S1",
        location: null,
        segment: null,
        period: "2026-12",
        old_value: null,
        new_value: 10,
        reason: "test",
        reverts: null,
        changed_by: user.id,
      })
      .execute();
    await db.updateTable("plan_versions").set({ status: "approved" }).where("id", "=", version.id).execute();

    await expect(
      db.updateTable("plan_values").set({ value: 11 }).where("version_id", "=", version.id).execute(),
    ).rejects.toThrow(/approved/);
    await expect(db.deleteFrom("plan_changes").execute()).rejects.toThrow(/append-only/);
    const stored = await db.selectFrom("plan_values").select("value").executeTakeFirstOrThrow();
    expect(stored.value).toBe(10);
  });

  it("checks the draft guard and the audit's references once per statement, as strictly as per row", async () => {
    const { q, user, scenario } = await planFixture("S9", "stmt");
    const version = async (number: number) =>
      (
        await q(
          "INSERT INTO plan_versions (scenario_id, kind, number) VALUES ($1, 'demand', $2) RETURNING id",
          [scenario, number],
        )
      ).rows[0].id;
    const [draft, frozen] = [await version(1), await version(2)];
    const cell = (v: number, period: string) =>
      q(
        "INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES ($1, 'demand.consensus', 'S9', $2, 5)",
        [v, period],
      );
    await cell(frozen, "2026-12");
    await q("UPDATE plan_versions SET status = 'approved' WHERE id = $1", [frozen]);

    // One statement touching a draft and a frozen version is refused as a whole.
    await cell(draft, "2026-12");
    await expect(q("UPDATE plan_values SET value = value + 1 WHERE sku = 'S9'")).rejects.toThrow(
      `plan version ${frozen} is approved, and its values cannot change`,
    );
    await expect(
      q("UPDATE plan_values SET value = 6 WHERE version_id = $1 AND period = '2026-12'", [frozen]),
    ).rejects.toThrow(/approved/); // a cell of a frozen series
    await expect(cell(frozen, "2027-01")).rejects.toThrow(/approved/); // a new cell in a frozen series
    await expect(q("DELETE FROM plan_values WHERE version_id = $1", [frozen])).rejects.toThrow(/approved/);
    await cell(draft, "2027-03");
    await expect(
      q("UPDATE plan_values SET version_id = $1 WHERE version_id = $2 AND period = '2027-03'", [
        frozen,
        draft,
      ]),
    ).rejects.toThrow(/keeps its key/); // so a value cannot be moved into a frozen version either
    expect(
      (await q("SELECT version_id, value FROM plan_values WHERE sku = 'S9' ORDER BY version_id, period"))
        .rows,
    ).toEqual([
      { version_id: draft, value: 5 },
      { version_id: draft, value: 5 },
      { version_id: frozen, value: 5 },
    ]);

    const change = (columns: { version?: number; user?: number; edit?: number; reverts?: number }) =>
      q(
        "INSERT INTO plan_changes (version_id, measure, sku, period, old_value, new_value, reason, changed_by, edit_id, reverts) VALUES ($1, 'demand.consensus', 'S9', '2026-12', NULL, 5, 'test', $2, $3, $4) RETURNING id",
        [columns.version ?? draft, columns.user ?? user, columns.edit ?? null, columns.reverts ?? null],
      );
    const first = (await change({})).rows[0].id;
    await change({ reverts: first });
    await expect(change({ version: 999_999 })).rejects.toThrow("refers to plan version 999999");
    await expect(change({ user: 999_999 })).rejects.toThrow("refers to user 999999");
    await expect(change({ edit: 999_999 })).rejects.toThrow("refers to plan edit 999999");
    await expect(change({ reverts: 999_999 })).rejects.toThrow("refers to plan change 999999");
    await expect(q("DELETE FROM users WHERE id = $1", [user])).rejects.toThrow(/audit records/);
    await q("DELETE FROM plan_values WHERE version_id = $1", [draft]);
    await expect(q("DELETE FROM plan_versions WHERE id = $1", [draft])).rejects.toThrow(/audit records/);
  });

  it("stores a version's cells as series and reads them back a row per cell (migration 0022)", async () => {
    const { q, user, scenario } = await planFixture("S7", "series");
    const v = (
      await q("INSERT INTO plan_versions (scenario_id, kind, number) VALUES ($1, 'demand', 1) RETURNING id", [
        scenario,
      ])
    ).rows[0].id;
    const put = (period: string, value: number) =>
      q(
        "INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES ($1, 'demand.sales', 'S7', $2, $3)",
        [v, period, value],
      );
    const series = async () =>
      (await q("SELECT periods, cell_values FROM plan_series WHERE version_id = $1", [v])).rows;

    // Cells inserted out of order land in one series, in period order.
    await put("2027-02", 20);
    await put("2026-12", 10);
    await put("2027-01", 15);
    expect(await series()).toEqual([
      { periods: ["2026-12", "2027-01", "2027-02"], cell_values: [10, 15, 20] },
    ]);
    await expect(put("2027-01", 99)).rejects.toThrow("plan cell for 2027-01 already exists");

    await q("UPDATE plan_values SET value = 16 WHERE version_id = $1 AND period = '2027-01'", [v]);
    await q("DELETE FROM plan_values WHERE version_id = $1 AND period = '2026-12'", [v]);
    expect(await series()).toEqual([{ periods: ["2027-01", "2027-02"], cell_values: [16, 20] }]);
    await expect(
      q("UPDATE plan_values SET period = '2027-03' WHERE version_id = $1 AND period = '2027-01'", [v]),
    ).rejects.toThrow("keeps its key");
    await q("DELETE FROM plan_values WHERE version_id = $1", [v]);
    expect(await series()).toEqual([]);

    // The series' own rules: periods strictly in order, one value each.
    await expect(
      q(
        "INSERT INTO plan_series VALUES ($1, 'demand.sales', 'S7', NULL, NULL, '{2027-02,2027-01}', '{1,2}')",
        [v],
      ),
    ).rejects.toThrow(/out of order or twice/);
    await expect(
      q(
        "INSERT INTO plan_series VALUES ($1, 'demand.sales', 'S7', NULL, NULL, '{2027-01,2027-01}', '{1,2}')",
        [v],
      ),
    ).rejects.toThrow(/out of order or twice/);
    await expect(
      q("INSERT INTO plan_series VALUES ($1, 'demand.sales', 'S7', NULL, NULL, '{2027-1}', '{1}')", [v]),
    ).rejects.toThrow(/plan_series_cells/);
    await expect(
      q("INSERT INTO plan_series VALUES ($1, 'demand.sales', 'S7', NULL, NULL, '{2027-01}', '{1,2}')", [v]),
    ).rejects.toThrow(/plan_series_cells/);

    // A change set reads as one audit row per cell, its id the set's × 1024 plus the cell's place.
    const set = (
      await q(
        `INSERT INTO plan_change_sets (version_id, measure, sku, periods, old_values, new_values, reason, changed_by)
         VALUES ($1, 'demand.sales', 'S7', '{2027-01,2027-02}', '{NULL,4}', '{3,NULL}', 'test', $2) RETURNING id`,
        [v, user],
      )
    ).rows[0].id;
    expect(
      (
        await q("SELECT id, period, old_value, new_value FROM plan_changes WHERE set_id = $1 ORDER BY id", [
          set,
        ])
      ).rows,
    ).toEqual([
      { id: set * 1024, period: "2027-01", old_value: null, new_value: 3 },
      { id: set * 1024 + 1, period: "2027-02", old_value: 4, new_value: null },
    ]);
    await expect(q("UPDATE plan_change_sets SET reason = 'x' WHERE id = $1", [set])).rejects.toThrow(
      /append-only/,
    );
  });
});
