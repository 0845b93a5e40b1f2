import { createSolver } from "@fulcrum/solver";
import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, EnvironmentError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "./solver-handle";
import type { SupplyRunSummary } from "./supply-output";

let database: Database;
let fulcrum: Fulcrum;
const solver = new SolverHandle();
const HORIZON = 6;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: HORIZON, historyMonths: 36, level: "sku", userId: null });
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

/** Stored cells of a version by measure, then "sku@location" (summed over segments), then period. */
async function storedPlan(versionId: number) {
  const rows = await database.pool.query<{
    measure: string;
    sku: string;
    location: string;
    period: string;
    value: number;
  }>(
    `SELECT measure, sku, location, period, sum(value) AS value FROM plan_values WHERE version_id = $1
     GROUP BY measure, sku, location, period`,
    [versionId],
  );
  const cells = new Map<string, number>();
  for (const r of rows.rows) cells.set(`${r.measure} ${r.sku}@${r.location} ${r.period}`, r.value);
  const positions = new Set(
    rows.rows.filter((r) => r.measure === "inventory.projected").map((r) => `${r.sku}@${r.location}`),
  );
  for (const r of rows.rows)
    if (r.measure !== "inventory.safety_stock" && r.measure !== "inventory.target")
      positions.add(`${r.sku}@${r.location}`);
  const periods = [...new Set(rows.rows.map((r) => r.period))].sort();
  return {
    get: (measure: string, key: string, period: string) => cells.get(`${measure} ${key} ${period}`) ?? 0,
    positions,
    periods,
  };
}

async function supplyVersions(): Promise<number> {
  return (await database.pool.query("SELECT count(*)::int AS n FROM plan_versions WHERE kind = 'supply'"))
    .rows[0].n;
}

describe("supply plan runs", () => {
  let optimal: Awaited<ReturnType<Fulcrum["supply"]["run"]>>;

  it("plans the demo company with the optimiser into a new draft supply version, phase by phase", async () => {
    const phases: string[] = [];
    optimal = await fulcrum.supply.run(
      { horizon: HORIZON, strategy: "optimal", timeLimitSeconds: 60, userId: null },
      { onPhase: (phase) => phases.push(phase), jobId: "job-7" },
    );
    expect(phases).toEqual(["assembling", "solving", "storing", "done"]);
    expect(optimal).toMatchObject({
      status: "finished",
      phase: "done",
      progress: 100,
      outcome: "optimal",
      firstPeriod: "2026-11",
    });
    expect(optimal.versionId).not.toBeNull();
    expect(optimal.totalCost).toBeGreaterThan(0);
    const version = (await fulcrum.plans.versions()).find((v) => v.id === optimal.versionId);
    expect(version).toMatchObject({ kind: "supply", status: "draft", cyclePeriod: "2026-11" });
    expect((await fulcrum.supply.runForJob("job-7"))?.id).toBe(optimal.id);
  });

  it("stores a plan whose stock balances for every SKU-location and period", async () => {
    const plan = await storedPlan(optimal.versionId!);
    const opening = await database.pool.query<{ sku: string; location: string; on_hand: number }>(
      "SELECT DISTINCT ON (sku, location) sku, location, on_hand FROM inventory ORDER BY sku, location, snapshot_date DESC",
    );
    const openingOf = new Map(opening.rows.map((r) => [`${r.sku}@${r.location}`, r.on_hand]));
    expect(plan.periods).toHaveLength(HORIZON);
    expect(plan.positions.size).toBeGreaterThan(30);
    let checked = 0;
    for (const key of plan.positions) {
      let stock = openingOf.get(key) ?? 0;
      for (const period of plan.periods) {
        const inflow =
          plan.get("supply.production", key, period) +
          plan.get("supply.purchases", key, period) +
          plan.get("supply.scheduled_receipts", key, period) +
          plan.get("supply.transfers", key, period);
        const outflow =
          plan.get("supply.shipments", key, period) +
          plan.get("supply.consumption", key, period) +
          plan.get("supply.served", key, period);
        const closing = plan.get("inventory.projected", key, period);
        expect(Math.abs(stock + inflow - outflow - closing), `${key} ${period}`).toBeLessThanOrEqual(
          1e-6 * Math.max(1, closing),
        );
        stock = closing;
        checked++;
      }
    }
    expect(checked).toBe(plan.positions.size * HORIZON);
  });

  it("never loads a resource beyond its regular and overtime hours, and explains every shortage", async () => {
    const { summary } = await fulcrum.supply.detail(optimal.id);
    const s = summary as SupplyRunSummary;
    expect(s.capacity.length).toBeGreaterThan(0);
    for (const r of s.capacity)
      r.load.forEach((load, t) => {
        expect(load).toBeLessThanOrEqual(r.regularHours[t]! + r.overtimeLimit[t]! + 1e-6);
        expect(r.overtimeHours[t]).toBeLessThanOrEqual(r.overtimeLimit[t]! + 1e-6);
      });
    expect(s.costs.total).toBe(optimal.totalCost);
    expect(Object.values(s.costs.byKind).reduce((a, b) => a + b, 0)).toBe(s.costs.total);
    expect(s.cashFlow).toHaveLength(HORIZON);
    expect(s.service.served).toBeLessThanOrEqual(s.service.demand + 1e-6);
    for (const shortage of s.shortages) {
      expect(shortage.causes.length).toBeGreaterThan(0);
      expect(shortage.revenueAtRisk).toBeGreaterThanOrEqual(0);
    }
  });

  it("plans level and chase into versions of their own, costing at least the optimum", async () => {
    const level = await fulcrum.supply.run({
      horizon: HORIZON,
      strategy: "level",
      timeLimitSeconds: 60,
      userId: null,
    });
    const chase = await fulcrum.supply.run({
      horizon: HORIZON,
      strategy: "chase",
      timeLimitSeconds: 60,
      userId: null,
    });
    expect(new Set([optimal.versionId, level.versionId, chase.versionId]).size).toBe(3);
    expect(level.outcome).toBe("heuristic");
    expect(level.totalCost!).toBeGreaterThanOrEqual(optimal.totalCost! - 1);
    expect(chase.totalCost!).toBeGreaterThanOrEqual(optimal.totalCost! - 1);
    expect((await fulcrum.supply.runs()).map((r) => r.strategy).slice(0, 3)).toEqual([
      "chase",
      "level",
      "optimal",
    ]);
  });

  it("starts a new solver worker when the last one died", async () => {
    let started = 0;
    const handle = new SolverHandle(() => {
      const fresh = createSolver();
      if (started++ === 0) void fresh.close();
      return fresh;
    });
    const local = createFulcrum(database, { solver: handle });
    const run = await local.supply.run({
      horizon: 3,
      strategy: "optimal",
      timeLimitSeconds: 60,
      userId: null,
    });
    expect(run.outcome).toBe("optimal");
    expect(started).toBe(2);
    await handle.discard();
  });

  it("reports an unavailable solver as an environment error and saves nothing", async () => {
    const dead = new SolverHandle(() => {
      const fresh = createSolver();
      void fresh.close();
      return fresh;
    });
    const before = await supplyVersions();
    const local = createFulcrum(database, { solver: dead });
    await expect(
      local.supply.run({ horizon: 3, strategy: "optimal", timeLimitSeconds: 60, userId: null }),
    ).rejects.toBeInstanceOf(EnvironmentError);
    expect(await supplyVersions()).toBe(before);
    expect((await local.supply.runs())[0]).toMatchObject({
      status: "failed",
      outcome: "error",
      versionId: null,
    });
  });

  it("rejects data it cannot plan with issues naming the rows, and saves no version", async () => {
    const before = await supplyVersions();
    await database.pool.query(
      "DELETE FROM resource_capacity WHERE resource = 'P1-LABEL-1' AND period = '2027-01'",
    );
    const error = await fulcrum.supply
      .run({ horizon: HORIZON, strategy: "optimal", timeLimitSeconds: 60, userId: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_data");
    expect((error as AppError).details?.issues).toContainEqual(
      expect.objectContaining({ file: "resource_capacity", value: "P1-LABEL-1/2027-01" }),
    );
    expect(await supplyVersions()).toBe(before);
    const failed = (await fulcrum.supply.runs())[0]!;
    expect(failed).toMatchObject({ status: "failed", outcome: "invalid", versionId: null });
    expect((await fulcrum.supply.detail(failed.id)).issues).toHaveLength(1);
  });
});
