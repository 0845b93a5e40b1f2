import type { Database } from "@fulcrum/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTwoSkuFamily, type TwoSkuFamily } from "../testing/two-sku-family";

let database: Database;
let app: TwoSkuFamily["app"];
let versionId: number;
let login: TwoSkuFamily["login"];

beforeAll(async () => {
  ({ database, app, versionId, login } = await openTwoSkuFamily([30, 10]));
});
afterAll(() => database.close());

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
async function body(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

const post = (path: string, cookie: string, payload?: unknown, method = "POST") =>
  app.request(path, {
    method,
    headers: { cookie, "Content-Type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });

describe("demand review API", () => {
  it("edits a family's consensus, refuses a stale revision with 409 and the other change, undoes and approves", async () => {
    const dana = await login("dana");
    const sam = await login("sam");
    const grid = await body(
      app.request(`/api/plans/versions/${versionId}/demand?node=FAM&from=2026-12&to=2026-12`, {
        headers: { cookie: dana },
      }),
    );
    expect(grid.rows.map((r: { code: string }) => r.code)).toEqual(["FAM", "S1", "S2"]);
    expect(grid.rows[0].layers["demand.statistical"]).toEqual([40]);

    const proposal = await post(`/api/plans/versions/${versionId}/consensus`, dana, {
      node: "FAM",
      from: "2026-12",
      reason: "proposal",
      expectedRevision: grid.revision,
    });
    expect(await body(proposal)).toMatchObject({ changed: 2, after: 40 });

    const stale = grid.revision;
    const samEdit = await post(`/api/plans/versions/${versionId}/edits`, sam, {
      measure: "demand.sales",
      node: "FAM",
      from: "2026-12",
      edit: { kind: "total", value: 60 },
      basis: "statistical",
      reason: "customer plans",
      expectedRevision: stale,
    });
    expect(samEdit.status).toBe(200);
    const forbidden = await post(`/api/plans/versions/${versionId}/edits`, sam, {
      measure: "demand.consensus",
      from: "2026-12",
      edit: { kind: "total", value: 1 },
      reason: "x",
      expectedRevision: stale,
    });
    expect(forbidden.status).toBe(403);

    const conflict = await post(`/api/plans/versions/${versionId}/edits`, dana, {
      measure: "demand.sales",
      node: "S1",
      nodeKind: "item",
      from: "2026-12",
      edit: { kind: "total", value: 5 },
      reason: "mine",
      expectedRevision: stale,
    });
    expect(conflict.status).toBe(409);
    const refusal = await body(conflict);
    expect(refusal.error.code).toBe("conflict");
    expect(refusal.changes).toEqual([
      expect.objectContaining({
        user: "sam",
        sku: "S1",
        oldValue: null,
        newValue: 45,
        reason: "customer plans",
      }),
    ]);

    const fresh = await post(`/api/plans/versions/${versionId}/edits`, dana, {
      measure: "demand.consensus",
      node: "FAM",
      from: "2026-12",
      edit: { kind: "total", value: 100 },
      reason: "event",
      comment: "trade fair",
      expectedRevision: refusal.revision,
    });
    const edit = await body(fresh);
    expect(edit).toMatchObject({ changed: 2, before: 40, after: 100 });
    const edits = await body(
      app.request(`/api/plans/versions/${versionId}/edits`, { headers: { cookie: dana } }),
    );
    expect(edits.edits[0]).toMatchObject({
      id: edit.editId,
      kind: "total",
      amount: 100,
      user: "dana",
      reason: "event",
      undoneBy: null,
    });

    const undo = await post(`/api/plans/edits/${edit.editId}/undo`, dana);
    expect(await body(undo)).toMatchObject({ before: 100, after: 40 });
    expect((await post(`/api/plans/versions/${versionId}/approve`, sam)).status).toBe(403);
    expect((await post(`/api/plans/versions/${versionId}/approve`, dana)).status).toBe(204);
    const late = await post(
      `/api/plans/versions/${versionId}/locks`,
      dana,
      { measure: "demand.consensus", node: "FAM", from: "2026-12", locked: true },
      "PUT",
    );
    expect(late.status).toBe(409);
  });
});
