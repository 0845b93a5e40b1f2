import { createFulcrum, type Fulcrum } from "@fulcrum/app";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../app";

let database: Database;
let fulcrum: Fulcrum;
let app: ReturnType<typeof createServerApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 10, seed: 5, asOf: "2026-11-22" });
  app = createServerApp(fulcrum);
});
afterAll(() => database.close());

async function login(username: string): Promise<string> {
  const response = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: `${username}-demo` }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

const send = (cookie: string, path: string, body?: object) =>
  app.request(path, {
    method: body ? "POST" : "GET",
    headers: { cookie, "Content-Type": "application/json" },
    body: body && JSON.stringify(body),
  });

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
const read = async (response: Response | Promise<Response>): Promise<any> => (await response).json();

describe("supply inputs API", () => {
  const extraShift = {
    edits: [{ kind: "regular_hours", resource: "P1-FILL-1", period: "2027-01", hours: 500 }],
    reason: "extra shift",
    comment: "weekend crew",
  };

  it("lets the supply planner add a shift, and shows it in force and in the log", async () => {
    const sol = await login("sol");
    const response = await send(sol, "/api/supply/inputs", extraShift);
    expect(response.status).toBe(200);
    expect(await read(response)).toEqual({ changed: 1 });
    const { inForce, changes } = await read(send(sol, "/api/supply/inputs"));
    expect(inForce.capacity).toEqual([
      { resource: "P1-FILL-1", period: "2027-01", regularHours: 500, overtimeHours: null },
    ]);
    expect(changes[0]).toMatchObject({
      kind: "regular_hours",
      subject: "P1-FILL-1",
      oldValue: null,
      newValue: 500,
      changedBy: "Sol Supply",
      comment: "weekend crew",
    });
  });

  it("refuses other roles, and bad edits with the issues that name them", async () => {
    expect((await send(await login("sam"), "/api/supply/inputs", extraShift)).status).toBe(403);
    const sol = await login("sol");
    const bad = await send(sol, "/api/supply/inputs", {
      edits: [
        { kind: "firm_production", sku: "SKU-NOPE", plant: "PLANT-1", period: "2027-01", quantity: 10 },
      ],
      reason: "pull-in",
    });
    expect(bad.status).toBe(400);
    const { issues } = await read(bad);
    expect(issues).toEqual([
      {
        file: "edits",
        row: 1,
        column: "sku",
        value: "SKU-NOPE@PLANT-1",
        message: "SKU-NOPE has no routing at PLANT-1",
      },
    ]);
  });

  it("reverts a change as a new, attributed entry", async () => {
    const ada = await login("ada");
    const [shift] = (await read(send(ada, "/api/supply/inputs"))).changes;
    expect((await send(ada, `/api/supply/inputs/changes/${shift.id}/revert`, {})).status).toBe(204);
    const { inForce, changes } = await read(send(ada, "/api/supply/inputs"));
    expect(inForce.capacity).toEqual([]);
    expect(changes[0]).toMatchObject({
      reverts: shift.id,
      oldValue: 500,
      newValue: null,
      changedBy: "Ada Admin",
    });
  });
});
