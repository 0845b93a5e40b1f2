import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
beforeAll(async () => {
  server = await openDemoServer();
});
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
const read = async (response: Response | Promise<Response>): Promise<any> => (await response).json();
const patch = (cookie: string, path: string, body: object) =>
  server.app.request(path, {
    method: "PATCH",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("cycle API", () => {
  it("shows every signed-in role the cycle with each stage's owners, and keeps suppliers out", async () => {
    const cycle = await read(server.send(await server.login("sam"), "/api/cycle"));
    expect(cycle).toMatchObject({ period: "2026-11", stage: "data_gathering", log: [] });
    expect(cycle.stages.find((s: { stage: string }) => s.stage === "alignment")).toEqual({
      stage: "alignment",
      label: "Alignment (pre-S&OP)",
      owner: "supply_planner",
      approvers: ["supply_planner", "finance"],
      closedByCommit: false,
      status: "upcoming",
      approval: null,
    });
    const europet = await server.login("europet");
    expect((await server.send(europet, "/api/cycle")).status).toBe(403);
    expect((await server.send(europet, "/api/decisions")).status).toBe(403);
  });

  it("approves the current stage by its owner and answers 403 and 409 otherwise", async () => {
    const dana = await server.login("dana");
    const sol = await server.login("sol");
    const wrongRole = await server.send(sol, "/api/cycle/approve", { stage: "data_gathering" });
    expect(wrongRole.status).toBe(403);
    expect(await read(wrongRole)).toEqual({
      error: {
        code: "forbidden",
        message:
          "the data gathering stage is approved by the demand planner or administrator, not the supply planner",
      },
      owners: ["demand_planner", "admin"],
    });
    const early = await server.send(dana, "/api/cycle/approve", { stage: "demand_review" });
    expect(early.status).toBe(409);

    const approved = await server.send(dana, "/api/cycle/approve", {
      stage: "data_gathering",
      comment: "loaded",
    });
    expect(approved.status).toBe(200);
    const cycle = await read(approved);
    expect(cycle.stage).toBe("demand_review");
    expect(cycle.stages[0]).toMatchObject({
      status: "done",
      approval: { by: { username: "dana" }, role: "demand_planner", comment: "loaded" },
    });
    const twice = await server.send(dana, "/api/cycle/approve", { stage: "data_gathering" });
    expect([twice.status, (await read(twice)).error.code]).toEqual([409, "conflict"]);
    const unknown = await server.send(dana, "/api/cycle/approve", { stage: "planning" });
    expect(unknown.status).toBe(400);
    expect((await read(unknown)).error.message).toMatch(/^stage: /);
  });
});

describe("decisions API", () => {
  it("records a decision as the executive, lists it to sales, and refuses sales writing one", async () => {
    const eve = await server.login("eve");
    const created = await server.send(eve, "/api/decisions", {
      title: "Subcontract 20 % of January's juice volume",
      rationale: "Cheaper than overtime at this volume",
      owner: "sol",
      dueDate: "2026-11-15",
    });
    expect(created.status).toBe(201);
    const decision = await read(created);
    expect(decision).toMatchObject({
      status: "open",
      overdue: true,
      owner: { username: "sol" },
      scenario: null,
    });

    const sam = await server.login("sam");
    const log = await read(server.send(sam, "/api/decisions"));
    expect(log).toMatchObject({ period: "2026-11", asOf: "2026-11-22" });
    expect(log.decisions.map((d: { id: number }) => d.id)).toEqual([decision.id]);
    const refused = await server.send(sam, "/api/decisions", { title: "More volume", owner: "sam" });
    expect(refused.status).toBe(403);
    expect((await patch(sam, `/api/decisions/${decision.id}`, { status: "done" })).status).toBe(403);
  });

  it("edits status and due date, keeps the history, and names bad fields", async () => {
    const fin = await server.login("fin");
    const [decision] = (await read(server.send(fin, "/api/decisions"))).decisions;
    const edited = await patch(fin, `/api/decisions/${decision.id}`, {
      status: "done",
      dueDate: "2026-11-30",
    });
    expect(edited.status).toBe(200);
    expect(await read(edited)).toMatchObject({ status: "done", dueDate: "2026-11-30", overdue: false });

    const history = await read(server.send(fin, `/api/decisions/${decision.id}/history`));
    expect(history.decision.id).toBe(decision.id);
    expect(
      history.changes.map((c: { field: string; oldValue: string; newValue: string }) => [
        c.field,
        c.oldValue,
        c.newValue,
      ]),
    ).toEqual([
      ["due_date", "2026-11-15", "2026-11-30"],
      ["status", "open", "done"],
    ]);
    expect(history.changes[0].changedBy).toEqual({ username: "fin", displayName: "Finn Finance" });

    const badDate = await patch(fin, `/api/decisions/${decision.id}`, { dueDate: "30.11.26" });
    expect([badDate.status, (await read(badDate)).error.message]).toEqual([
      400,
      "dueDate: 30.11.26 is not a date (YYYY-MM-DD)",
    ]);
    const badStatus = await patch(fin, `/api/decisions/${decision.id}`, { status: "closed" });
    expect([badStatus.status, (await read(badStatus)).error.message]).toEqual([
      400,
      expect.stringMatching(/^status: /),
    ]);
    const noOwner = await server.send(fin, "/api/decisions", { title: "x", owner: "ghost" });
    expect((await read(noOwner)).error.message).toBe("owner: no active company user ghost");
    expect((await patch(fin, "/api/decisions/9999", { status: "done" })).status).toBe(404);
    expect((await server.send(fin, "/api/decisions/9999/history")).status).toBe(404);
  });
});
