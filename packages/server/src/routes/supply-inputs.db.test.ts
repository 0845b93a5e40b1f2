import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
});
afterAll(() => server.close());

const login = (username: string) => server.login(username);
const send = (cookie: string, path: string, body?: object) => server.send(cookie, path, body);

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
