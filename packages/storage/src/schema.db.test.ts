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
});
