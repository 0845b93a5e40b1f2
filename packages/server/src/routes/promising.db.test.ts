import { createFulcrum, type Fulcrum, SolverHandle, type User } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;
const solver = new SolverHandle();
const cookies: Record<string, string> = {};
let sku: string;
let location: string;

const demoUser = async (username: string): Promise<User> => (await fulcrum.auth.userNamed(username))!;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 5, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: 4, historyMonths: 36, level: "sku", userId: null });
  await fulcrum.supply.run({ horizon: 4, strategy: "optimal", timeLimitSeconds: 60, userId: null });
  for (const [stage, username] of [
    ["data_gathering", "dana"],
    ["demand_review", "dana"],
    ["supply_review", "sol"],
    ["alignment", "sol"],
  ] as const)
    await fulcrum.cycle.approve(stage, await demoUser(username));
  const committed = await fulcrum.commitments.commit(
    { scenarioId: await fulcrum.plans.baseScenario(null), rationale: "the base plan" },
    await demoUser("eve"),
  );
  const { rows } = await database.pool.query(
    `SELECT sku, location FROM plan_cells($1) WHERE measure = 'supply.transfers'
     GROUP BY 1, 2 ORDER BY sum(value) DESC LIMIT 1`,
    [committed.supplyVersionId],
  );
  sku = rows[0].sku;
  location = rows[0].location;
  app = createServerApp(fulcrum, {});
  for (const username of ["sam", "fin", "sol"]) {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: `${username}-demo` }),
    });
    cookies[username] = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  }
});
afterAll(async () => {
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

describe("order promising API", () => {
  it("quotes, then records a promise that the ATP and the list show", async () => {
    const atp = await json(send("fin", `/api/promising/atp?sku=${sku}&location=${location}`));
    const period = atp.periods[1];
    const available = atp.cumulative[1];
    expect(available).toBeGreaterThan(10);
    const request = { sku, location, quantity: 10, period, segment: "RETAIL" };
    const quote = await send("sam", "/api/promising/promises", "POST", request);
    expect(quote.status).toBe(200);
    expect(await json(quote)).toMatchObject({ kind: "full", lines: [{ period, quantity: 10 }] });
    const accepted = await send("sam", "/api/promising/promises", "POST", { ...request, accept: true });
    expect(accepted.status).toBe(201);
    expect(await json(accepted)).toMatchObject({ createdBy: "Sam Sales", lines: [{ period, quantity: 10 }] });
    const after = await json(send("fin", `/api/promising/atp?sku=${sku}&location=${location}`));
    expect(after.promised[1]).toBe(10);
    expect(after.available.find((a: { segment: string }) => a.segment === "*").cumulative[1]).toBe(
      available - 10,
    );
    const list = await json(send("fin", `/api/promising/promises?sku=${sku}`));
    expect(list.promises).toHaveLength(1);
  });

  it("lets only sales and the planners promise, and names a bad field", async () => {
    const request = { sku, location, quantity: 1, period: "2026-12", segment: "RETAIL" };
    expect((await send("fin", "/api/promising/promises", "POST", request)).status).toBe(403);
    const bad = await send("sam", "/api/promising/promises", "POST", { ...request, segment: "NOPE" });
    expect(bad.status).toBe(404);
    expect((await json(bad)).error.message).toMatch(/segment: no segment NOPE/);
    expect((await send("sam", "/api/promising/promises", "POST", { ...request, quantity: 0 })).status).toBe(
      400,
    );
  });

  it("lets the planners set a segment's allocation, and everyone read it", async () => {
    const body = { share: 0.4, cutoffPeriods: 1 };
    expect((await send("sam", "/api/promising/allocations/RETAIL", "PUT", body)).status).toBe(403);
    const set = await send("sol", "/api/promising/allocations/RETAIL", "PUT", body);
    expect(set.status).toBe(200);
    const read = await json(send("fin", "/api/promising/allocations"));
    expect(read.allocations).toMatchObject([
      { segment: "RETAIL", share: 0.4, cutoffPeriods: 1, setBy: "Sol Supply" },
    ]);
  });
});

describe("cancelling and promises at risk over the API", () => {
  it("cancels a promise once, with a reason, for the roles that promise", async () => {
    const atp = await json(send("fin", `/api/promising/atp?sku=${sku}&location=${location}`));
    const made = await json(
      send("sam", "/api/promising/promises", "POST", {
        sku,
        location,
        quantity: 5,
        period: atp.periods[1],
        segment: "RETAIL",
        accept: true,
      }),
    );
    const path = `/api/promising/promises/${made.id}/cancel`;
    expect((await send("fin", path, "POST", { reason: "no" })).status).toBe(403);
    expect((await send("sam", path, "POST", { reason: "" })).status).toBe(400);
    const cancelled = await send("sam", path, "POST", { reason: "order withdrawn" });
    expect(cancelled.status).toBe(200);
    expect(await json(cancelled)).toMatchObject({
      status: "cancelled",
      cancellation: { by: "Sam Sales", reason: "order withdrawn" },
    });
    const again = await send("sol", path, "POST", { reason: "twice" });
    expect(again.status).toBe(409);
    expect((await json(again)).error.message).toMatch(/already cancelled/);
    expect((await send("sam", "/api/promising/promises/999999/cancel", "POST", { reason: "x" })).status).toBe(
      404,
    );
  });

  it("lists the promises at risk to everyone, runs the check for the roles that promise, and fills the inbox", async () => {
    const listed = await send("fin", "/api/promising/at-risk");
    expect(listed.status).toBe(200);
    expect(await json(listed)).toMatchObject({ atRisk: [] });
    expect((await send("fin", "/api/promising/at-risk/check", "POST")).status).toBe(403);
    // A promise of all that is left, then a large order booked outside promising takes the units first.
    const atp = await json(send("fin", `/api/promising/atp?sku=${sku}&location=${location}`));
    const left = atp.available.find((a: { segment: string }) => a.segment === "*").cumulative.at(-1);
    const [{ code: customer }] = (
      await database.pool.query("SELECT code FROM customers WHERE account_manager = 'sam' LIMIT 1")
    ).rows;
    const made = await json(
      send("sol", "/api/promising/promises", "POST", {
        sku,
        location,
        quantity: left,
        period: atp.periods.at(-1),
        segment: "RETAIL",
        customer,
        accept: true,
      }),
    );
    await database.pool.query(
      `INSERT INTO open_orders (order_id, line, sku, customer, location, order_date, requested_date, quantity)
       VALUES ('RUSH-1', 1, $1, $2, $3, '2026-11-20', '2026-11-25', 1000000)`,
      [sku, customer, location],
    );
    const check = await json(send("sol", "/api/promising/at-risk/check", "POST"));
    expect(check.atRisk.map((r: { id: number }) => r.id)).toContain(made.id);
    expect(check.atRisk.find((r: { id: number }) => r.id === made.id)).toMatchObject({ notify: "sam" });
    expect(check.notified).toBeGreaterThan(0);
    expect((await json(send("sol", "/api/promising/at-risk/check", "POST"))).notified).toBe(0);
    const inbox = await json(send("sam", "/api/inbox"));
    const note = inbox.notifications.find((n: { promiseId: number }) => n.promiseId === made.id);
    expect(note).toMatchObject({
      kind: "promise_at_risk",
      readAt: null,
      link: `/monitor/promising?promise=${made.id}`,
    });
    expect(inbox.unread).toBeGreaterThanOrEqual(inbox.notifications.length);
    expect((await send("fin", `/api/inbox/notifications/${note.id}/read`, "POST")).status).toBe(404);
    expect((await send("sam", `/api/inbox/notifications/${note.id}/read`, "POST")).status).toBe(204);
    expect((await json(send("sam", "/api/inbox"))).unread).toBe(inbox.unread - 1);
  });
});
