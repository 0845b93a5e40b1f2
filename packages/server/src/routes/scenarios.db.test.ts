import { createFulcrum, type Fulcrum, JobQueue, SolverHandle } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;
let jobs: JobQueue;
const solver = new SolverHandle();
const cookies: Record<string, string> = {};
let baseId: number;
let scenarioId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 5, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: 4, historyMonths: 36, level: "sku", userId: null });
  await fulcrum.supply.run({ horizon: 4, strategy: "optimal", timeLimitSeconds: 60, userId: null });
  jobs = await JobQueue.open(database.url);
  await jobs.workScenarios(fulcrum.scenarios);
  app = createServerApp(fulcrum, { jobs });
  for (const username of ["dana", "sol", "sam", "eve"]) {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: `${username}-demo` }),
    });
    cookies[username] = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  }
});
afterAll(async () => {
  await jobs.close();
  await solver.discard();
  await database.close();
});

const send = (user: string, path: string, method = "GET", body?: object) =>
  app.request(path, {
    method,
    headers: { cookie: cookies[user]!, "Content-Type": "application/json" },
    body: body && JSON.stringify(body),
  });
// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
const json = async (response: Response | Promise<Response>): Promise<any> => (await response).json();
const workbook = async (response: Response) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
};

describe("scenario API", () => {
  it("lets planners branch and change a scenario, and names the field of a bad change", async () => {
    expect((await send("sam", "/api/scenarios", "POST", { name: "Sales idea" })).status).toBe(403);
    const created = await send("sol", "/api/scenarios", "POST", { name: "Overtime cut" });
    expect(created.status).toBe(201);
    scenarioId = (await json(created)).id;
    const bad = await send("sol", `/api/scenarios/${scenarioId}/changes`, "POST", {
      change: {
        kind: "supplier",
        supplier: "NOBODY",
        periods: { from: "2026-12", to: "2027-01" },
        capacityPercent: 50,
      },
      reason: "strike",
    });
    expect(bad.status).toBe(422);
    expect((await json(bad)).error.message).toMatch(/supplier: no supplier NOBODY/);
    const resource = (await database.pool.query("SELECT resource FROM routings LIMIT 1")).rows[0].resource;
    const good = await send("sol", `/api/scenarios/${scenarioId}/changes`, "POST", {
      change: { kind: "capacity", resource, periods: { from: "2026-12", to: "2027-01" }, hours: -40 },
      reason: "no overtime budget",
    });
    expect(good.status).toBe(201);
    expect((await json(good)).summary).toBe(`${resource} −40 h a month, 2026-12…2027-01`.replace("−", "-"));
  });

  it("re-plans as a job with phases, then compares, exports and aligns", async () => {
    const queued = await send("sol", `/api/scenarios/${scenarioId}/runs`, "POST", { horizon: 4 });
    expect(queued.status).toBe(202);
    const { jobId } = await json(queued);
    let status = await json(send("sol", `/api/scenarios/jobs/${jobId}`));
    for (let i = 0; i < 300 && status.state !== "completed" && status.state !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = await json(send("sol", `/api/scenarios/jobs/${jobId}`));
    }
    expect(status.state).toBe("completed");
    expect(status.run).toMatchObject({ status: "finished", phase: "done", progress: 100 });

    baseId = (await json(send("dana", "/api/scenarios"))).scenarios.find(
      (s: { isBase: boolean }) => s.isBase,
    ).id;
    const query = `plans=scenario:${baseId},scenario:${scenarioId}`;
    const comparison = await json(send("sam", `/api/scenarios/compare?${query}`));
    expect(comparison.columns.map((c: { label: string }) => c.label)).toEqual(["Base plan", "Overtime cut"]);
    const xlsx = await send("sam", `/api/scenarios/compare.xlsx?${query}`);
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const sheet = (await workbook(xlsx)).getWorksheet("Comparison")!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      "Figure",
      "Base plan",
      "Overtime cut",
      "Overtime cut − Base plan",
    ]);
    expect(sheet.getRow(7).getCell(2).value).toBe(comparison.columns[0].figures.revenue / 100);

    const alignment = await json(send("sam", `/api/scenarios/${scenarioId}/alignment`));
    expect(alignment.gap.length).toBeGreaterThan(0);
    expect(Object.keys(alignment.allocation.byRule).sort()).toEqual(["fair-share", "margin", "priority"]);
  });

  it("commits one plan for the executive only, and nothing committed can change through the API", async () => {
    for (const [stage, user] of [
      ["data_gathering", "dana"],
      ["demand_review", "dana"],
      ["supply_review", "sol"],
      ["alignment", "sol"],
    ])
      expect((await send(user!, "/api/cycle/approve", "POST", { stage })).status).toBe(200);
    expect(
      (await send("sol", "/api/commitments", "POST", { scenarioId, rationale: "cheapest" })).status,
    ).toBe(403);
    const committed = await send("eve", "/api/commitments", "POST", {
      scenarioId,
      rationale: "cheapest plan that serves",
    });
    expect(committed.status).toBe(201);
    const plan = await json(committed);

    const edit = await send("dana", `/api/plans/versions/${plan.demandVersionId}/changes`, "POST", {
      reason: "late fix",
      changes: [{ measure: "demand.consensus", sku: "X", period: "2026-12", value: 1 }],
    });
    expect(edit.status).toBe(409);
    const demand = `/api/plans/versions/${plan.demandVersionId}`;
    const { revision } = await json(send("dana", `${demand}/demand?from=2026-12`));
    const percent = { kind: "percent", percent: 5 };
    for (const [method, path, body] of [
      [
        "POST",
        `${demand}/edits`,
        {
          measure: "demand.consensus",
          from: "2026-12",
          edit: percent,
          reason: "x",
          expectedRevision: revision,
        },
      ],
      ["PUT", `${demand}/locks`, { measure: "demand.consensus", from: "2026-12", locked: true }],
      ["POST", `${demand}/approve`, {}],
    ] as const) {
      const response = await send("dana", path, method, body);
      expect([path, response.status]).toEqual([path, 409]);
      expect((await json(response)).error.message).toMatch(/committed/);
    }
    const change = await send("sol", `/api/scenarios/${scenarioId}/changes`, "POST", {
      change: { kind: "inventory_target", node: { kind: "all" }, serviceLevelPercent: 99 },
      reason: "after the fact",
    });
    expect(change.status).toBe(409);
    expect((await send("sol", `/api/scenarios/${scenarioId}`, "DELETE")).status).toBe(409);
    expect((await send("sol", `/api/scenarios/${scenarioId}/runs`, "POST", {})).status).toBe(409);
    expect(
      (await send("eve", "/api/commitments", "POST", { scenarioId: baseId, rationale: "again" })).status,
    ).toBe(409);

    const pack = await send("eve", `/api/commitments/${plan.id}/pack.xlsx`);
    const book = await workbook(pack);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Financial plan",
      "By product group",
      "Scenario changes",
      "Decisions",
    ]);
    expect(book.getWorksheet("Summary")!.getRow(5).values).toEqual([
      undefined,
      "Rationale",
      "cheapest plan that serves",
    ]);
  });
});
