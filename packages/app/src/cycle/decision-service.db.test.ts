import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS, type User } from "../auth/auth-service";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";

let database: Database;
let fulcrum: Fulcrum;
let scenarioId: number;
const users: Record<string, User> = {};

// A bare workspace as of 2026-11-22 (cycle 2026-11) with the company roles and one scenario.
beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-11-22T08:00:00Z"));
  for (const demo of DEMO_USERS.filter((u) => u.role !== "supplier")) {
    await fulcrum.auth.createUser(demo);
    users[demo.username] = (await fulcrum.auth.login(demo.username, demo.password)).user;
  }
  scenarioId = (
    await database.pool.query("INSERT INTO scenarios (name) VALUES ('Second shift') RETURNING id")
  ).rows[0].id;
});
afterAll(() => database.close());

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
  return null;
};

describe("the decision log", () => {
  it("records a decision in the current cycle with its owner, due date and scenario", async () => {
    const made = await fulcrum.decisions.create(
      {
        title: "Add a second shift on line 2 from January",
        rationale: "Closes the Q1 gap on juices; cheaper than subcontracting",
        owner: "sol",
        dueDate: "2026-12-15",
        scenarioId,
      },
      users.eve!,
    );
    expect(made).toMatchObject({
      period: "2026-11",
      title: "Add a second shift on line 2 from January",
      owner: { username: "sol", displayName: "Sol Supply" },
      dueDate: "2026-12-15",
      status: "open",
      overdue: false,
      scenario: { id: scenarioId, name: "Second shift" },
      createdBy: { username: "eve" },
      createdAt: "2026-11-22T09:00:00.000Z",
    });
  });

  it("lists open decisions first, soonest due first, and flags those due before the as-of date", async () => {
    const late = await fulcrum.decisions.create(
      { title: "Confirm the PET price rise", owner: "fin", dueDate: "2026-11-20" },
      users.fin!,
    );
    const undated = await fulcrum.decisions.create(
      { title: "Review the launch date", owner: "dana" },
      users.dana!,
    );
    const closed = await fulcrum.decisions.create(
      { title: "Drop the summer promotion", owner: "mia", dueDate: "2026-11-01", status: "done" },
      users.eve!,
    );
    const log = await fulcrum.decisions.list();
    expect(log.asOf).toBe("2026-11-22");
    expect(log.decisions.map((d) => [d.title, d.status, d.overdue])).toEqual([
      ["Confirm the PET price rise", "open", true],
      ["Add a second shift on line 2 from January", "open", false],
      ["Review the launch date", "open", false],
      ["Drop the summer promotion", "done", false],
    ]);
    expect([late.overdue, undated.dueDate, closed.overdue]).toEqual([true, null, false]);
    expect((await fulcrum.decisions.list("2026-10")).decisions).toEqual([]);
  });

  it("records each edited field with who, when, old and new, and nothing for unchanged values", async () => {
    const [late] = (await fulcrum.decisions.list()).decisions;
    const edited = await fulcrum.decisions.update(
      late!.id,
      { status: "done", dueDate: "2026-11-30", owner: "eve", title: late!.title },
      users.eve!,
    );
    expect(edited).toMatchObject({
      status: "done",
      dueDate: "2026-11-30",
      owner: { username: "eve" },
      overdue: false,
    });
    await fulcrum.decisions.update(late!.id, { status: "done" }, users.fin!);
    await fulcrum.decisions.update(
      late!.id,
      { dueDate: null, rationale: "Supplier letter of 18 Nov" },
      users.fin!,
    );
    const { decision, changes } = await fulcrum.decisions.history(late!.id);
    expect(decision.dueDate).toBeNull();
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue, c.changedBy.username])).toEqual([
      ["owner", "fin", "eve", "eve"],
      ["due_date", "2026-11-20", "2026-11-30", "eve"],
      ["status", "open", "done", "eve"],
      ["rationale", "", "Supplier letter of 18 Nov", "fin"],
      ["due_date", "2026-11-30", null, "fin"],
    ]);
    expect(changes[0]!.changedAt).toBe("2026-11-22T09:00:00.000Z");
  });

  it("can rebuild the decision as first recorded from its current row and its history", async () => {
    const second = (await fulcrum.decisions.list()).decisions.find((d) => d.scenario !== null);
    await fulcrum.decisions.update(second!.id, { scenarioId: null, title: "Add a second shift" }, users.sol!);
    const { decision, changes } = await fulcrum.decisions.history(second!.id);
    const state: Record<string, string | null> = {
      title: decision.title,
      scenario: decision.scenario ? String(decision.scenario.id) : null,
    };
    for (const c of [...changes].reverse()) state[c.field] = c.oldValue;
    expect(state).toEqual({
      title: "Add a second shift on line 2 from January",
      scenario: String(scenarioId),
    });
  });

  it("names the field of bad input and writes nothing", async () => {
    const before = await database.pool.query("SELECT count(*)::int AS n FROM decisions");
    expect(await refusal(fulcrum.decisions.create({ title: "x", owner: "nobody" }, users.eve!))).toBe(
      "bad_request: owner: no active company user nobody",
    );
    expect(
      await refusal(fulcrum.decisions.create({ title: "x", owner: "eve", scenarioId: 999 }, users.eve!)),
    ).toBe("bad_request: scenarioId: no scenario 999");
    expect(await refusal(fulcrum.decisions.create({ title: " ", owner: "eve" }, users.eve!))).toMatch(
      /^bad_request: title: /,
    );
    const [first] = (await fulcrum.decisions.list()).decisions;
    expect(await refusal(fulcrum.decisions.update(first!.id, { dueDate: "soon" }, users.eve!))).toMatch(
      /^bad_request: dueDate: /,
    );
    expect(
      await refusal(fulcrum.decisions.update(first!.id, { status: "done", owner: "ghost" }, users.eve!)),
    ).toBe("bad_request: owner: no active company user ghost");
    expect((await fulcrum.decisions.get(first!.id)).status).toBe(first!.status);
    expect(await refusal(fulcrum.decisions.update(424242, { status: "done" }, users.eve!))).toBe(
      "not_found: no decision 424242",
    );
    const after = await database.pool.query("SELECT count(*)::int AS n FROM decisions");
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it("leaves sales and marketing to read the log", async () => {
    expect(
      await refusal(fulcrum.decisions.create({ title: "Push volume", owner: "sam" }, users.sam!)),
    ).toMatch(/^forbidden: decisions are recorded by the executive/);
    const [first] = (await fulcrum.decisions.list()).decisions;
    expect(await refusal(fulcrum.decisions.update(first!.id, { status: "dropped" }, users.mia!))).toMatch(
      /^forbidden: /,
    );
  });

  it("keeps the history append-only whatever client writes", async () => {
    expect(await refusal(database.pool.query("UPDATE decision_changes SET new_value = 'x'"))).toMatch(
      /decision_changes is append-only/,
    );
    expect(await refusal(database.pool.query("DELETE FROM decision_changes"))).toMatch(/append-only/);
  });
});
