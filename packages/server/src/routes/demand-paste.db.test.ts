import type { Database } from "@fulcrum/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTwoSkuFamily, type TwoSkuFamily } from "../testing/two-sku-family";

// A family FAM of S1 (statistical 30 in December) and S2 (10), pasted into from the grid.
let database: Database;
let app: TwoSkuFamily["app"];
let versionId: number;
let login: TwoSkuFamily["login"];

beforeAll(async () => {
  ({ database, app, versionId, login } = await openTwoSkuFamily([30, 10]));
});
afterAll(() => database.close());

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
