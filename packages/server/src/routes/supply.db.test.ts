import { createFulcrum, type Fulcrum, JobQueue, SolverHandle } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;
let jobs: JobQueue;
const solver = new SolverHandle();

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 5, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: 4, historyMonths: 36, level: "sku", userId: null });
  jobs = await JobQueue.open(database.url);
  await jobs.workSupply(fulcrum.supply);
  app = createServerApp(fulcrum, { jobs });
});
afterAll(async () => {
  await jobs.close();
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
const post = (cookie: string, request: object) =>
  app.request("/api/supply/runs", {
    method: "POST",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
async function body(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}

async function finished(jobId: string, cookie: string) {
  let status = await body(get(`/api/supply/jobs/${jobId}`, cookie));
  for (let i = 0; i < 150 && status.state !== "completed" && status.state !== "failed"; i++) {
    await new Promise((r) => setTimeout(r, 200));
    status = await body(get(`/api/supply/jobs/${jobId}`, cookie));
  }
  return status;
}

describe("supply plan API", () => {
  it("lets only the supply planner and the administrator queue a supply run", async () => {
    expect((await post(await login("dana"), { horizon: 4 })).status).toBe(403);
    const sol = await login("sol");
    expect((await post(sol, { horizon: 4, strategy: "cheapest" })).status).toBe(400);
    expect((await get("/api/supply/runs", "")).status).toBe(401);
  });

  it("runs a queued optimiser plan and serves the review: heat map, production, stock, shortages, costs", async () => {
    const cookie = await login("sol");
    const queued = await post(cookie, { horizon: 4, strategy: "optimal", timeLimitSeconds: 30 });
    expect(queued.status).toBe(202);
    const status = await finished((await body(queued)).jobId, cookie);
    expect(status).toMatchObject({
      state: "completed",
      run: { status: "finished", phase: "done", progress: 100, strategy: "optimal", outcome: "optimal" },
    });
    const runs = (await body(get("/api/supply/runs", cookie))).runs;
    expect(runs[0].id).toBe(status.run.id);

    const review = await body(get(`/api/supply/runs/${status.run.id}`, cookie));
    expect(review.summary.periods).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(review.summary.capacity.length).toBeGreaterThan(0);
    for (const row of review.summary.capacity) {
      expect(row.utilisation).toHaveLength(4);
      expect(review.resourceNames[row.resource]).toMatch(/line|blending/i);
    }
    expect(review.production.length).toBeGreaterThan(0);
    expect(review.production[0].quantities).toHaveLength(4);
    expect(review.inventory.every((r: { sku: string }) => r.sku.startsWith("SKU-"))).toBe(true);
    expect(review.summary.costs.total).toBe(status.run.totalCost);
    expect(review.summary.cashFlow).toHaveLength(4);
    expect((await get("/api/supply/runs/999999", cookie)).status).toBe(404);
  });

  it("fails a run on data it cannot plan and reports the offending rows", async () => {
    const cookie = await login("ada");
    await database.pool.query("UPDATE routings SET hours_per_unit = 0 WHERE sku = 'SKU-0001'");
    const status = await finished(
      (await body(post(cookie, { horizon: 4, strategy: "chase" }))).jobId,
      cookie,
    );
    expect(status.state).toBe("failed");
    expect(status.run).toMatchObject({ status: "failed", versionId: null, outcome: "invalid" });
    const review = await body(get(`/api/supply/runs/${status.run.id}`, cookie));
    expect(review.summary).toBeNull();
    expect(review.issues).toContainEqual(
      expect.objectContaining({ file: "routings", value: expect.stringContaining("SKU-0001") }),
    );
  });

  it("publishes the supply routes in the OpenAPI description", async () => {
    const doc = await body(app.request("/api/openapi.json"));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/supply/runs", "/supply/runs/{id}", "/supply/jobs/{id}"]),
    );
  });
});
