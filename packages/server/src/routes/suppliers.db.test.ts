import { createFulcrum, type Fulcrum, SolverHandle } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;
const solver = new SolverHandle();

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 5, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: 3, historyMonths: 36, level: "sku", userId: null });
  await fulcrum.supply.run({ horizon: 3, strategy: "chase", timeLimitSeconds: 30, userId: null });
  app = createServerApp(fulcrum);
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

async function login(username: string): Promise<string> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: `${username}-demo` }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const get = (path: string, cookie: string) => app.request(path, { headers: { cookie } });
const respond = (cookie: string, responses: object[]) =>
  app.request("/api/supplier/responses", {
    method: "POST",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ responses }),
  });

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
async function body(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

describe("supplier portal API", () => {
  it("keeps a supplier user out of every company route, but lets it log in and see itself", async () => {
    const cookie = await login("europet");
    expect(await body(get("/api/auth/me", cookie))).toEqual({
      user: { username: "europet", displayName: "EuroPET Bottles", role: "supplier" },
    });
    for (const path of [
      "/api/entities/items/rows",
      "/api/supply/runs",
      "/api/supply/supplier-responses",
      "/api/workspace",
      "/api/forecasts",
    ]) {
      const response = await get(path, cookie);
      expect([path, response.status]).toEqual([path, 403]);
    }
  });

  it("refuses a supplier user every route in the OpenAPI description but auth and the portal", async () => {
    const cookie = await login("europet");
    const doc = await body(app.request("/api/openapi.json"));
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, object>)) {
      if (path.startsWith("/auth/") || path.startsWith("/supplier/")) continue;
      const url = `/api${path
        .replace("{name}", "items")
        .replace("{file}", "template.csv")
        .replace(/\{[a-z]+\}/g, "1")}`;
      for (const method of Object.keys(operations)) {
        const response = await app.request(url, {
          method: method.toUpperCase(),
          headers: { cookie, "Content-Type": "application/json" },
          body: method === "get" ? undefined : "{}",
        });
        expect([method, url, response.status]).toEqual([method, url, 403]);
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked).toContain("get /supply/runs");
    expect(checked).toEqual(
      expect.arrayContaining([
        "post /promising/promises/{id}/cancel",
        "get /promising/at-risk",
        "post /promising/at-risk/check",
        "post /inbox/notifications/{notificationId}/read",
      ]),
    );
    expect(checked.length).toBeGreaterThan(25);
  });

  it("shows the supplier only its own parts, and refuses another supplier's", async () => {
    const cookie = await login("europet");
    const view = await body(get("/api/supplier/requirements", cookie));
    const own = await database.pool.query(
      "SELECT sku FROM supplier_items WHERE supplier = 'SUP-03' ORDER BY sku",
    );
    expect(view.supplier).toEqual({ code: "SUP-03", name: "EuroPET Bottles" });
    expect(view.parts.map((p: { sku: string }) => p.sku)).toEqual(own.rows.map((r) => r.sku));
    expect(view.periods).toEqual(["2026-11", "2026-12", "2027-01"]);

    const other = (
      await database.pool.query(
        "SELECT sku FROM supplier_items WHERE supplier <> 'SUP-03' AND sku NOT IN (SELECT sku FROM supplier_items WHERE supplier = 'SUP-03') LIMIT 1",
      )
    ).rows[0].sku;
    const row = { sku: other, period: "2026-12", capacity: 5, leadTimeDays: 7, status: "confirmed" };
    const refused = await respond(cookie, [row]);
    expect(refused.status).toBe(400);
    expect((await body(refused)).error.message).toContain(`${other} is not a part SUP-03 supplies`);
  });

  it("saves a counter-proposal the supply planner then sees, and refuses the portal to the planner", async () => {
    const supplier = await login("europet");
    const view = await body(get("/api/supplier/requirements", supplier));
    const part = view.parts[0];
    const saved = await respond(supplier, [
      {
        sku: part.sku,
        period: "2026-12",
        capacity: 100,
        leadTimeDays: 21,
        status: "counter",
        comment: "tight",
      },
    ]);
    expect(saved.status).toBe(201);
    expect(await body(saved)).toEqual({ saved: 1 });

    const sol = await login("sol");
    expect((await get("/api/supplier/requirements", sol)).status).toBe(403);
    const { responses } = await body(get("/api/supply/supplier-responses", sol));
    expect(responses[0]).toMatchObject({
      supplier: "SUP-03",
      sku: part.sku,
      period: "2026-12",
      status: "counter",
      oldCapacity: part.importedCapacity,
      newCapacity: 100,
      oldLeadTimeDays: part.importedLeadTimeDays,
      newLeadTimeDays: 21,
      comment: "tight",
      respondedBy: "EuroPET Bottles",
      inForce: true,
      usedByRunId: null,
    });
    expect((await get("/api/supply/supplier-responses", "")).status).toBe(401);
  });
});
