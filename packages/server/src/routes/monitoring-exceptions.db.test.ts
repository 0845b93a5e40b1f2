import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
  // One exception the demo is sure to have: a decision of the October cycle due a week before
  // the demo's as-of date (22 November) and still open.
  await server.database.pool.query(`
    INSERT INTO cycles (period, stage) VALUES ('2026-10', 'committed') ON CONFLICT DO NOTHING;
    INSERT INTO decisions (cycle_period, title, owner_id, due_date, status, created_by)
      SELECT '2026-10', 'Second bottling shift', id, '2026-11-15', 'open', id FROM users WHERE username = 'eve'`);
});
afterAll(() => server.close());

interface Listed {
  key: string;
  kind: string;
  valueAtStake: number;
  link: string;
  status: string;
  acknowledgedBy: string | null;
  action: string | null;
}

describe("monitoring exceptions API", () => {
  it("lists the exceptions of the last six closed months, largest value at stake first", async () => {
    const response = await server.send(await server.login("sam"), "/api/monitoring/exceptions");
    expect(response.status).toBe(200);
    const list = (await response.json()) as { cycle: string; from: string; to: string; exceptions: Listed[] };
    expect(list).toMatchObject({ cycle: "2026-11", from: "2026-05", to: "2026-10" });
    const values = list.exceptions.map((e) => e.valueAtStake);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const decision = list.exceptions.find((e) => e.kind === "decision-overdue");
    expect(decision).toMatchObject({ status: "open", acknowledgedBy: null });
    expect(decision!.link).toMatch(/^\/executive#decision-\d+$/);
    for (const e of list.exceptions) expect(e.link).toMatch(/^\/(demand|monitor|executive)/);
  });

  it("records an acknowledgement with who and what, refusing roles that do not own a review", async () => {
    const cookie = await server.login("sol");
    const list = (await (await server.send(cookie, "/api/monitoring/exceptions")).json()) as {
      exceptions: Listed[];
    };
    const { key } = list.exceptions.find((e) => e.kind === "decision-overdue")!;
    const path = `/api/monitoring/exceptions/${encodeURIComponent(key)}`;
    const refused = await server.send(await server.login("sam"), `${path}/acknowledgements`, {
      action: "Seen",
    });
    expect(refused.status).toBe(403);
    const empty = await server.send(cookie, `${path}/acknowledgements`, { action: " " });
    expect(empty.status).toBe(400);

    const created = await server.send(cookie, `${path}/acknowledgements`, {
      action: "Asked Eve for a new date",
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      exception: {
        key,
        status: "acknowledged",
        acknowledgedBy: "Sol Supply",
        action: "Asked Eve for a new date",
      },
      acknowledgements: [{ by: { username: "sol" }, status: "acknowledged" }],
    });
    const detail = await server.send(await server.login("mia"), path);
    expect(detail.status).toBe(200);
    expect(((await detail.json()) as { acknowledgements: unknown[] }).acknowledgements).toHaveLength(1);
    const relisted = (await (await server.send(cookie, "/api/monitoring/exceptions")).json()) as {
      exceptions: Listed[];
    };
    expect(relisted.exceptions.find((e) => e.key === key)).toMatchObject({ acknowledgedBy: "Sol Supply" });
  });

  it("lets every company role read and the review owners acknowledge", async () => {
    const list = (await (
      await server.send(await server.login("ada"), "/api/monitoring/exceptions")
    ).json()) as {
      exceptions: Listed[];
    };
    const { key } = list.exceptions.find((e) => e.kind === "decision-overdue")!;
    const path = `/api/monitoring/exceptions/${encodeURIComponent(key)}`;
    const answers: [string, number, number][] = [];
    for (const username of ["dana", "sam", "mia", "sol", "fin", "eve", "ada"]) {
      const cookie = await server.login(username);
      const read = await server.send(cookie, path);
      const written = await server.send(cookie, `${path}/acknowledgements`, {
        action: `Seen by ${username}`,
      });
      answers.push([username, read.status, written.status]);
    }
    expect(answers).toEqual([
      ["dana", 200, 201],
      ["sam", 200, 403],
      ["mia", 200, 403],
      ["sol", 200, 201],
      ["fin", 200, 201],
      ["eve", 200, 201],
      ["ada", 200, 201],
    ]);
    const detail = (await (await server.send(await server.login("eve"), path)).json()) as {
      exception: Listed;
      acknowledgements: { action: string }[];
    };
    // Sol's earlier entry, then one per review owner; the latest is in force.
    expect(detail.acknowledgements.map((a) => a.action).slice(-5)).toEqual([
      "Seen by dana",
      "Seen by sol",
      "Seen by fin",
      "Seen by eve",
      "Seen by ada",
    ]);
    expect(detail.exception).toMatchObject({ acknowledgedBy: "Ada Admin", action: "Seen by ada" });
  });

  it("answers 404 for a key not in the list and 400 for a bad window", async () => {
    const cookie = await server.login("dana");
    const missing = await server.send(
      cookie,
      "/api/monitoring/exceptions/forecast-bias%3ANOPE%3A2026-10/acknowledgements",
      {
        action: "x",
      },
    );
    expect(missing.status).toBe(404);
    expect(
      (await server.send(cookie, "/api/monitoring/exceptions/forecast-bias%3ANOPE%3A2026-10")).status,
    ).toBe(404);
    expect((await server.send(cookie, "/api/monitoring/exceptions?months=0")).status).toBe(400);
    expect((await server.send(cookie, "/api/monitoring/exceptions?months=2&biasPeriods=3")).status).toBe(400);
  });
});
