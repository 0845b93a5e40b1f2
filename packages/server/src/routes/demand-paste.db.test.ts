import { createFulcrum, type Fulcrum } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

// A family FAM of S1 (statistical 30 in December) and S2 (10), pasted into from the grid.
let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;
let versionId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  app = createServerApp(fulcrum);
  await database.pool.query(`
    INSERT INTO units_of_measure VALUES ('EA', 'Each');
    INSERT INTO product_groups VALUES ('FAM', 'Juices', 'family', NULL);
    INSERT INTO items VALUES ('S1', 'Orange', 'finished', 'FAM', 'EA', 'active', NULL), ('S2', 'Apple', 'finished', 'FAM', 'EA', 'active', NULL);`);
  for (const [username, role] of [
    ["dana", "demand_planner"],
    ["sam", "sales"],
  ] as const)
    await fulcrum.auth.createUser({
      username,
      displayName: username,
      role,
      password: `${username}-password`,
    });
  const scenarioId = await fulcrum.plans.baseScenario(null);
  versionId = (await fulcrum.plans.createVersion({ scenarioId, kind: "demand", user: null })).id;
  await database.pool.query(
    `INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES
       ($1, 'demand.statistical', 'S1', '2026-12', 30), ($1, 'demand.statistical', 'S2', '2026-12', 10)`,
    [versionId],
  );
});
afterAll(() => database.close());

async function login(username: string): Promise<string> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: `${username}-password` }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const paste = (cookie: string, cells: unknown[]) =>
  app.request(`/api/plans/versions/${versionId}/edits/batch`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ measure: "demand.sales", cells, reason: "Key account win", expectedRevision: 0 }),
  });

describe("POST /plans/versions/{id}/edits/batch", () => {
  it("applies a pasted block as one edit per cell, refuses a bad cell by name and a layer the role may not edit", async () => {
    const sam = await login("sam");
    const bad = await paste(sam, [
      {
        node: "S1",
        nodeKind: "item",
        from: "2026-12",
        edit: { kind: "total", value: 40 },
        label: "Orange, Dec 2026",
      },
      {
        node: "S2",
        nodeKind: "item",
        from: "2026-12",
        edit: { kind: "delta", value: -50 },
        label: "Apple, Dec 2026",
      },
    ]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      "pasted cell 2 (Apple, Dec 2026): the new total would be -50, below zero",
    );

    // Nothing of the refused paste was written: revision 0 still holds for the next one.
    const ok = await paste(sam, [
      { node: "S1", nodeKind: "item", from: "2026-12", edit: { kind: "total", value: 40 } },
      { node: "S2", nodeKind: "item", from: "2026-12", edit: { kind: "total", value: 12 } },
    ]);
    expect(ok.status).toBe(200);
    const result = (await ok.json()) as { edits: { changed: number; after: number }[]; changed: number };
    expect(result.edits.map((e) => [e.changed, e.after])).toEqual([
      [1, 40],
      [1, 12],
    ]);
    const { rows } = await database.pool.query(
      "SELECT sku, value FROM plan_values WHERE version_id = $1 AND measure = 'demand.sales' ORDER BY sku",
      [versionId],
    );
    expect(rows).toEqual([
      { sku: "S1", value: 40 },
      { sku: "S2", value: 12 },
    ]);

    const dana = await login("dana");
    const consensus = await app.request(`/api/plans/versions/${versionId}/edits/batch`, {
      method: "POST",
      headers: { cookie: sam, "Content-Type": "application/json" },
      body: JSON.stringify({
        measure: "demand.consensus",
        cells: [{ from: "2026-12", edit: { kind: "total", value: 60 } }],
        reason: "Correction",
        expectedRevision: 0,
      }),
    });
    expect(consensus.status).toBe(403);
    const edits = (await (
      await app.request(`/api/plans/versions/${versionId}/edits`, { headers: { cookie: dana } })
    ).json()) as {
      edits: { kind: string; user: string }[];
    };
    expect(edits.edits.map((e) => [e.kind, e.user])).toEqual([
      ["total", "sam"],
      ["total", "sam"],
    ]);
  });
});
