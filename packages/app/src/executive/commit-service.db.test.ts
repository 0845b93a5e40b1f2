import type { Database } from "@fulcrum/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import type { Fulcrum } from "../fulcrum";
import {
  openSmallPlannedDemo,
  SMALL_DEMO_RUN as RUN,
  type SmallPlannedDemo,
} from "../testing/small-planned-demo";

let demo: SmallPlannedDemo;
let database: Database;
let fulcrum: Fulcrum;
let users: Readonly<Record<string, User>>;
let scenarioId: number;

beforeAll(async () => {
  demo = await openSmallPlannedDemo(["demand_planner", "supply_planner", "executive"]);
  ({ database, fulcrum, users } = demo);
  await fulcrum.supply.run({ ...RUN, userId: users.supply_planner!.id });
  const scenario = await fulcrum.scenarios.create({ name: "Promotion push" }, users.supply_planner!);
  scenarioId = scenario.id;
  await fulcrum.scenarios.addChange(
    scenarioId,
    {
      change: {
        kind: "promotion",
        node: { kind: "all" },
        segment: null,
        periods: { from: "2027-01", to: "2027-01" },
        upliftPercent: 20,
        discountPercent: 10,
      },
      reason: "January push",
    },
    users.supply_planner!,
  );
  await fulcrum.scenarios.replan(scenarioId, { ...RUN, userId: users.supply_planner!.id });
});
afterAll(() => demo.close());

const readCells = async (versionId: number) =>
  (
    await database.pool.query(
      "SELECT measure, sku, location, segment, period, value FROM plan_cells($1) ORDER BY 1, 2, 3, 4, 5",
      [versionId],
    )
  ).rows;

describe("committing a plan", () => {
  it("is refused before the cycle reaches the executive meeting, and to anyone but the executive", async () => {
    await expect(
      fulcrum.commitments.commit({ scenarioId, rationale: "best margin" }, users.executive!),
    ).rejects.toThrow(/cycle is in data gathering/);
    await demo.approveToExecutive();
    await expect(
      fulcrum.commitments.commit({ scenarioId, rationale: "best margin" }, users.supply_planner!),
    ).rejects.toThrow(/committed by the executive/i);
  });

  it("freezes the scenario's whole plan, with its financial plan, as the cycle's committed plan", async () => {
    const scenario = await fulcrum.scenarios.get(scenarioId);
    const committed = await fulcrum.commitments.commit(
      { scenarioId, rationale: "best margin" },
      users.executive!,
    );
    expect(committed).toMatchObject({
      cyclePeriod: "2026-11",
      scenarioName: "Promotion push",
      rationale: "best margin",
    });
    expect(await readCells(committed.supplyVersionId)).toEqual(
      await readCells(scenario.latestRun!.supplyVersionId!),
    );
    expect(await readCells(committed.demandVersionId)).toEqual(
      await readCells(scenario.latestRun!.demandVersionId!),
    );
    const { rows } = await database.pool.query(
      "SELECT status, overlay_of FROM plan_versions WHERE id = ANY($1) ORDER BY id",
      [[committed.demandVersionId, committed.supplyVersionId]],
    );
    expect(rows).toEqual([
      { status: "committed", overlay_of: null },
      { status: "committed", overlay_of: null },
    ]);
    const detail = await fulcrum.commitments.get(committed.id);
    const horizon = detail.summary.finance!.total.horizon;
    expect(horizon.grossMargin).toBe(horizon.revenue - horizon.cogs.total);
    expect(detail.changes.map((c) => c.summary)).toEqual([
      "Promotion on all products, 2027-01: +20 % units at 10 % off",
    ]);
    expect((await fulcrum.cycle.current()).stage).toBe("committed");
  });

  it("cannot be changed afterwards, by the services or in the database", async () => {
    const committed = (await fulcrum.commitments.list())[0]!;
    await expect(
      database.pool.query("UPDATE plan_values SET value = value + 1 WHERE version_id = $1", [
        committed.supplyVersionId,
      ]),
    ).rejects.toThrow(/committed/);
    await expect(
      database.pool.query("UPDATE plan_versions SET status = 'draft' WHERE id = $1", [
        committed.demandVersionId,
      ]),
    ).rejects.toThrow(/committed/);
    await expect(database.pool.query("DELETE FROM committed_plans")).rejects.toThrow(/append-only/);
    await expect(
      fulcrum.scenarios.addChange(
        scenarioId,
        { change: { kind: "inventory_target", node: { kind: "all" }, serviceLevelPercent: 99 }, reason: "x" },
        users.supply_planner!,
      ),
    ).rejects.toThrow(/committed plan of 2026-11/);
    await expect(fulcrum.scenarios.delete(scenarioId, users.supply_planner!)).rejects.toThrow(
      /committed plan/,
    );
    await expect(
      fulcrum.commitments.commit({ scenarioId, rationale: "again" }, users.executive!),
    ).rejects.toThrow(/already committed/);
  });
});
