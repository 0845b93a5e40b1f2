import { createFulcrum, type Fulcrum, JobQueue } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "./app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;
let jobs: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 12, seed: 7, asOf: "2026-11-22" });
  jobs = await JobQueue.open(database.url);
  await jobs.workForecasts(fulcrum.forecasts);
  app = createServerApp(fulcrum, { jobs });
});
afterAll(async () => {
  await jobs.close();
  await database.close();
});

async function login(username = "dana", password = "dana-demo"): Promise<string> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/fulcrum_session=.+; .*HttpOnly/);
  return cookie.split(";")[0]!;
}

const get = (path: string, cookie: string) => app.request(path, { headers: { cookie } });

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
async function body(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

describe("HTTP API", () => {
  it("lists the demo users in demo mode and logs one in", async () => {
    const demo = await body(app.request("/api/auth/demo-users"));
    expect(demo.demo).toBe(true);
    expect(demo.users.map((u: { role: string }) => u.role)).toEqual([
      "demand_planner",
      "sales",
      "marketing",
      "supply_planner",
      "finance",
      "executive",
      "admin",
      "supplier",
    ]);
    const cookie = await login();
    const me = await body(get("/api/auth/me", cookie));
    expect(me.user).toEqual({ username: "dana", displayName: "Dana Demand", role: "demand_planner" });
  });

  it("refuses wrong passwords and anonymous access with the common error shape", async () => {
    const bad = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "dana", password: "nope" }),
    });
    expect(bad.status).toBe(401);
    expect(await body(bad)).toEqual({
      error: { code: "unauthorized", message: "wrong username or password" },
    });
    const anonymous = await app.request("/api/workspace");
    expect(anonymous.status).toBe(401);
  });

  it("validates input at the boundary with a 400 that names the field", async () => {
    const cookie = await login();
    const response = await get("/api/entities/items/rows?limit=5000", cookie);
    expect(response.status).toBe(400);
    expect((await body(response)).error.message).toMatch(/^limit: /);
  });

  it("serves the cycle overview, the catalogue and pages of rows", async () => {
    const cookie = await login();
    const overview = await body(get("/api/workspace", cookie));
    expect(overview.company.currentPeriod).toBe("2026-11");
    expect(overview.cycle.stages[0]).toMatchObject({ stage: "data_gathering", status: "current" });
    const items = overview.entities.find((e: { name: string }) => e.name === "items");
    expect(items.rows).toBeGreaterThan(12);

    const page = await body(get("/api/entities/items/rows?limit=5&offset=0&sort=sku&dir=desc", cookie));
    expect(page.rows).toHaveLength(5);
    expect(page.total).toBe(items.rows);
    const skus = page.rows.map((r: { sku: string }) => r.sku);
    expect(skus).toEqual([...skus].sort().reverse());

    const missing = await get("/api/entities/widgets/rows", cookie);
    expect(missing.status).toBe(404);
  });

  it("imports through multipart upload and answers 422 with row-level issues", async () => {
    const cookie = await login();
    const form = new FormData();
    form.set("entity", "units_of_measure");
    form.set("file", new File(["code,name\nBOX,Box\n,Nameless\n"], "uom.csv", { type: "text/csv" }));
    const response = await app.request("/api/imports", { method: "POST", body: form, headers: { cookie } });
    expect(response.status).toBe(422);
    const rejected = await body(response);
    expect(rejected).toMatchObject({ status: "rejected", issueCount: 1, error: { code: "invalid_import" } });
    expect(rejected.issues).toEqual([
      { file: "uom.csv", row: 3, column: "code", value: "", message: "is required" },
    ]);
  });

  it("forbids imports to roles that only decide, such as the executive", async () => {
    const cookie = await login("eve", "eve-demo");
    const form = new FormData();
    form.set("entity", "units_of_measure");
    form.set("file", new File(["code,name\nBOX,Box\n"], "uom.csv"));
    const response = await app.request("/api/imports", { method: "POST", body: form, headers: { cookie } });
    expect(response.status).toBe(403);
  });

  it("walks the product hierarchy and sums history under a node", async () => {
    const cookie = await login();
    const top = (await body(get("/api/hierarchy/nodes", cookie))).nodes;
    expect(top.length).toBeGreaterThan(0);
    const brand = top[0];
    const children = (await body(get(`/api/hierarchy/nodes?parent=${brand.code}`, cookie))).nodes;
    expect(children.length).toBe(brand.children);

    const all = (await body(get("/api/hierarchy/history", cookie))).series;
    const sums = await Promise.all(
      top.map(
        async (n: { code: string }) =>
          (await body(get(`/api/hierarchy/history?code=${n.code}&kind=group`, cookie))).series,
      ),
    );
    // Hierarchy totals equal the sum of their children, month by month.
    all.forEach((point: { period: string; orderedQty: number }, i: number) => {
      const childSum = sums.reduce(
        (s: number, series: { orderedQty: number }[]) => s + series[i]!.orderedQty,
        0,
      );
      expect(childSum).toBeCloseTo(point.orderedQty, 6);
    });
    expect(all).toHaveLength(36);
  });

  it("downloads templates and exports as files, and answers unknown API paths with a JSON 404", async () => {
    const cookie = await login();
    const template = await get("/api/entities/units_of_measure/template.csv", cookie);
    expect(template.headers.get("content-disposition")).toBe(
      'attachment; filename="units_of_measure-template.csv"',
    );
    expect(await template.text()).toBe("code,name\nEA,Each\n");
    const workbook = await get("/api/entities/segments/export.xlsx", cookie);
    expect(workbook.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect(new Uint8Array(await workbook.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip
    const unknown = await get("/api/entities/items/something.pdf", cookie);
    expect(unknown.status).toBe(400);
    const missing = await get("/api/nothing/here", cookie);
    expect(missing.status).toBe(404);
    expect((await body(missing)).error.code).toBe("not_found");
  });

  it("records a plan change through the API with its reason, and shows it in the audit trail", async () => {
    const cookie = await login();
    const scenario = await fulcrum.plans.baseScenario(null);
    const version = await fulcrum.plans.createVersion({ scenarioId: scenario, kind: "demand", user: null });
    const sku = (
      await database.pool.query("SELECT sku FROM items WHERE item_type = 'finished' ORDER BY sku LIMIT 1")
    ).rows[0].sku;
    const post = await app.request(`/api/plans/versions/${version.id}/changes`, {
      method: "POST",
      headers: { cookie, "Content-Type": "application/json" },
      body: JSON.stringify({
        reason: "promotion",
        changes: [{ measure: "demand.marketing", sku, segment: null, period: "2026-12", value: 250 }],
      }),
    });
    expect(await body(post)).toEqual({ recorded: 1 });
    const trail = (await body(get(`/api/plans/versions/${version.id}/changes`, cookie))).changes;
    expect(trail).toEqual([
      expect.objectContaining({
        sku,
        oldValue: null,
        newValue: 250,
        reason: "promotion",
        user: "dana",
        at: "2026-11-22T09:00:00.000Z",
      }),
    ]);
    const grid = await body(
      get(`/api/plans/versions/${version.id}/grid?measure=demand.marketing&from=2026-11&to=2027-01`, cookie),
    );
    expect(grid.rows).toEqual([{ sku, location: null, segment: null, values: [null, 250, null] }]);
  });

  it("queues a statistical forecast run for the demand planner and reports it when a worker is done", async () => {
    const sales = await login("sam", "sam-demo");
    const post = (cookie: string, request: object = { horizon: 4, level: "sku-segment" }) =>
      app.request("/api/forecasts", {
        method: "POST",
        headers: { cookie, "Content-Type": "application/json" },
        body: JSON.stringify(request),
      });
    expect((await post(sales)).status).toBe(403);
    const cookie = await login();
    const empty = await body(get("/api/forecasts/latest/node", cookie));
    expect(empty).toMatchObject({ run: null, forecast: [], models: [] });
    expect(empty.history.length).toBeGreaterThan(0);
    expect((await post(cookie, { level: "sku-customer" })).status).toBe(400);
    const queued = await post(cookie);
    expect(queued.status).toBe(202);
    const { jobId } = await body(queued);
    let status = await body(get(`/api/forecasts/jobs/${jobId}`, cookie));
    for (let i = 0; i < 100 && status.state !== "completed" && status.state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = await body(get(`/api/forecasts/jobs/${jobId}`, cookie));
    }
    expect(status).toMatchObject({
      state: "completed",
      output: { horizon: 4, firstPeriod: "2026-11", level: "sku-segment" },
      run: { status: "finished", level: "sku-segment" },
    });
    expect(status.run.done).toBe(status.run.total);
    const runs = (await body(get("/api/forecasts/runs", cookie))).runs;
    expect(runs[0]).toMatchObject({ versionId: status.output.versionId, horizon: 4, level: "sku-segment" });

    const all = await body(get("/api/forecasts/latest/node", cookie));
    expect(all).toMatchObject({
      node: { kind: null, code: null, name: "All products" },
      run: { id: runs[0].id },
    });
    expect(all.forecast).toHaveLength(4);
    expect(all.series).toBe(status.output.series);
    expect(all.history.some((p: { fitted: number | null }) => p.fitted !== null)).toBe(true);
    const sku = (
      await database.pool.query("SELECT sku FROM forecast_models WHERE run_id = $1 LIMIT 1", [runs[0].id])
    ).rows[0].sku;
    const item = await body(get(`/api/forecasts/latest/node?kind=item&code=${sku}`, cookie));
    expect(item.node).toMatchObject({ kind: "item", code: sku });
    expect(item.models.length).toBeGreaterThan(0);
    expect(item.models[0]).toMatchObject({ location: null, segment: expect.any(String) });
    expect((await get("/api/forecasts/latest/node?kind=group&code=NOPE", cookie)).status).toBe(404);
  });

  it("publishes an OpenAPI description of its routes", async () => {
    const doc = await body(app.request("/api/openapi.json"));
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/api" }]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/auth/login",
        "/imports",
        "/entities/{name}/rows",
        "/hierarchy/history",
        "/forecasts/latest/node",
      ]),
    );
  });
});
