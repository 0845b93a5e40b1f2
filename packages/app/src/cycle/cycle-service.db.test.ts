import type { PeriodKey } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS, type User } from "../auth/auth-service";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";

let database: Database;
let fulcrum: Fulcrum;
const users: Record<string, User> = {};

// A bare workspace: the cycle needs only the company (which opens the 2026-11 cycle) and users.
beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.workspace.ensureCompany(new Date("2026-11-22T08:00:00Z"));
  for (const demo of DEMO_USERS.filter((u) => u.role !== "supplier")) {
    await fulcrum.auth.createUser(demo);
    users[demo.username] = (await fulcrum.auth.login(demo.username, demo.password)).user;
  }
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

describe("the S&OP cycle", () => {
  it("opens in data gathering with no approvals, each stage listing the roles that approve it", async () => {
    const cycle = await fulcrum.cycle.current();
    expect(cycle.period).toBe("2026-11");
    expect(cycle.stage).toBe("data_gathering");
    expect(cycle.log).toEqual([]);
    expect(cycle.stages.map((s) => [s.stage, s.status, s.approvers.join("|")])).toEqual([
      ["data_gathering", "current", "demand_planner|admin"],
      ["demand_review", "upcoming", "demand_planner"],
      ["supply_review", "upcoming", "supply_planner"],
      ["alignment", "upcoming", "supply_planner|finance"],
      ["executive", "upcoming", "executive"],
      ["committed", "upcoming", ""],
    ]);
  });

  it("refuses a role that does not own the stage, naming the owners, and writes nothing", async () => {
    expect(await refusal(fulcrum.cycle.approve("data_gathering", users.sam!))).toBe(
      "forbidden: the data gathering stage is approved by the demand planner or administrator, not the sales",
    );
    expect(await refusal(fulcrum.cycle.approve("supply_review", users.dana!))).toBe(
      "forbidden: the supply review stage is approved by the supply planner, not the demand planner",
    );
    expect(await refusal(fulcrum.cycle.approve("nonsense", users.dana!))).toMatch(
      /^bad_request: stage: nonsense is not a cycle stage/,
    );
    expect((await fulcrum.cycle.current()).log).toEqual([]);
  });

  it("refuses a stage the cycle has not reached", async () => {
    expect(await refusal(fulcrum.cycle.approve("demand_review", users.dana!))).toBe(
      "conflict: the 2026-11 cycle is in data gathering; demand review is approved after it",
    );
  });

  it("of two concurrent approvals of the same stage records exactly one", async () => {
    const results = await Promise.allSettled([
      fulcrum.cycle.approve("data_gathering", users.dana!, "all inputs loaded"),
      fulcrum.cycle.approve("data_gathering", users.ada!, "me too"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(lost.reason.message).toBe("the data gathering stage of the 2026-11 cycle is already approved");
    const cycle = await fulcrum.cycle.current();
    expect(cycle.stage).toBe("demand_review");
    expect(cycle.log).toHaveLength(1);
    expect(cycle.stages[0]).toMatchObject({ status: "done", approval: { at: "2026-11-22T09:00:00.000Z" } });
    expect(["dana", "ada"]).toContain(cycle.log[0]!.by.username);
  });

  it("advances stage by stage, recording who approved in which role, when and why", async () => {
    await fulcrum.cycle.approve("demand_review", users.dana!, "  consensus signed off  ");
    await fulcrum.cycle.approve("supply_review", users.sol!);
    // The alignment meeting is owned by supply and finance alike.
    const cycle = await fulcrum.cycle.approve("alignment", users.fin!, "gap closed with overtime");
    expect(cycle.stage).toBe("executive");
    expect(cycle.log.slice(1)).toEqual([
      {
        stage: "demand_review",
        by: { username: "dana", displayName: "Dana Demand" },
        role: "demand_planner",
        at: "2026-11-22T09:00:00.000Z",
        comment: "consensus signed off",
      },
      {
        stage: "supply_review",
        by: { username: "sol", displayName: "Sol Supply" },
        role: "supply_planner",
        at: "2026-11-22T09:00:00.000Z",
        comment: null,
      },
      {
        stage: "alignment",
        by: { username: "fin", displayName: "Finn Finance" },
        role: "finance",
        at: "2026-11-22T09:00:00.000Z",
        comment: "gap closed with overtime",
      },
    ]);
    expect(cycle.stages.map((s) => s.status)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "current",
      "upcoming",
    ]);
  });

  it("refuses a second approval of a stage already approved", async () => {
    expect(await refusal(fulcrum.cycle.approve("supply_review", users.sol!))).toBe(
      "conflict: the supply review stage of the 2026-11 cycle is already approved",
    );
  });

  it("closes the executive stage only by committing a plan, never by approval", async () => {
    expect(await refusal(fulcrum.cycle.approve("executive", users.eve!))).toMatch(
      /^conflict: the executive S&OP stage is approved by committing one plan/,
    );
    expect(await refusal(fulcrum.cycle.approve("committed", users.eve!))).toMatch(/^conflict: /);
    expect((await fulcrum.cycle.current()).stage).toBe("executive");
  });

  it("keeps the approval log append-only whatever client writes", async () => {
    expect(await refusal(database.pool.query("UPDATE cycle_stage_log SET comment = 'rewritten'"))).toMatch(
      /cycle_stage_log is append-only/,
    );
    expect(await refusal(database.pool.query("DELETE FROM cycle_stage_log"))).toMatch(/append-only/);
  });

  it("rolls the commit back with the caller's transaction, and commits with it", async () => {
    const db = database.db;
    expect(
      await refusal(
        db.transaction().execute(async (trx) => {
          await fulcrum.cycle.markCommitted(trx, "2026-11", users.eve!, "scenario A");
          throw new Error("the plan commit failed");
        }),
      ),
    ).toBe("Error: the plan commit failed");
    expect((await fulcrum.cycle.current()).stage).toBe("executive");

    expect(
      await refusal(
        db.transaction().execute((trx) => fulcrum.cycle.markCommitted(trx, "2026-11", users.fin!)),
      ),
    ).toBe("forbidden: a plan is committed by the executive, not the finance");

    await db
      .transaction()
      .execute((trx) => fulcrum.cycle.markCommitted(trx, "2026-11", users.eve!, "scenario A"));
    const cycle = await fulcrum.cycle.current();
    expect(cycle.stage).toBe("committed");
    expect(cycle.stages.at(-2)?.approval).toMatchObject({
      by: { username: "eve" },
      role: "executive",
      comment: "scenario A",
    });
    expect(cycle.stages.every((s) => s.status === "done" || s.stage === "committed")).toBe(true);
    expect(
      await refusal(
        db.transaction().execute((trx) => fulcrum.cycle.markCommitted(trx, "2026-11", users.eve!)),
      ),
    ).toBe("conflict: the 2026-11 cycle is already committed");
  });

  it("refuses to commit a cycle that has not reached the executive meeting", async () => {
    await database.pool.query("INSERT INTO cycles (period, stage) VALUES ('2026-12', 'supply_review')");
    expect(
      await refusal(
        database.db.transaction().execute((trx) => fulcrum.cycle.markCommitted(trx, "2026-12", users.eve!)),
      ),
    ).toBe(
      "conflict: the 2026-12 cycle is in supply review; a plan is committed in the executive S&OP stage",
    );
  });

  it("opens a past month's cycle, whose stages are approved in order apart from the current one", async () => {
    const past = await fulcrum.cycle.openPast("2026-06" as PeriodKey);
    expect([past.period, past.stage, past.log]).toEqual(["2026-06", "data_gathering", []]);
    await fulcrum.cycle.approve("data_gathering", users.dana!, "history loaded", "2026-06");
    expect(await refusal(fulcrum.cycle.approve("supply_review", users.sol!, null, "2026-06"))).toBe(
      "conflict: the 2026-06 cycle is in demand review; supply review is approved after it",
    );
    expect((await fulcrum.cycle.view("2026-06")).log.map((a) => `${a.stage}: ${a.by.username}`)).toEqual([
      "data_gathering: dana",
    ]);
    // Opening it again changes nothing; the current cycle and months after it are not past.
    expect((await fulcrum.cycle.openPast("2026-06" as PeriodKey)).stage).toBe("demand_review");
    expect(await refusal(fulcrum.cycle.openPast("2026-11" as PeriodKey))).toBe(
      "bad_request: period: 2026-11 is not before the current cycle 2026-11",
    );
    expect((await fulcrum.cycle.current()).period).toBe("2026-11");
  });
});
