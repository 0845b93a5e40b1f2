import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "./solver-handle";

let database: Database;
let fulcrum: Fulcrum;
let planner: User;
const solver = new SolverHandle();
const HORIZON = 6;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: HORIZON, historyMonths: 36, level: "sku", userId: null });
  planner = await fulcrum.auth.createUser({
    username: "pat.planner",
    displayName: "Pat Planner",
    role: "supply_planner",
    password: "pat-password",
  });
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

const plan = () =>
  fulcrum.supply.run({ horizon: HORIZON, strategy: "optimal", timeLimitSeconds: 60, userId: planner.id });

async function production(versionId: number) {
  const { rows } = await database.pool.query<{ key: string; value: number }>(
    `SELECT sku || '@' || location || ' ' || period AS key, value FROM plan_values
     WHERE version_id = $1 AND measure = 'supply.production'`,
    [versionId],
  );
  return new Map(rows.map((r) => [r.key, r.value]));
}

const supplyVersions = async () =>
  (await database.pool.query("SELECT count(*)::int AS n FROM plan_versions WHERE kind = 'supply'")).rows[0].n;

describe("supply planner's inputs", () => {
  it("refuses a batch with one bad edit, names it, and changes nothing", async () => {
    const attempt = fulcrum.supplyInputs.edit(
      {
        edits: [
          { kind: "frozen_periods", periods: 1 },
          { kind: "regular_hours", resource: "NO-SUCH-LINE", period: "2026-12", hours: 100 },
          { kind: "overtime_hours", resource: "NO-SUCH-LINE", period: "2026-10", hours: -4 },
        ],
        reason: "extra shift",
      },
      planner,
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e) => e)) as AppError;
    expect(error.details?.issues).toEqual([
      { file: "edits", row: 2, column: "resource", value: "NO-SUCH-LINE", message: "unknown resource" },
      { file: "edits", row: 3, column: "resource", value: "NO-SUCH-LINE", message: "unknown resource" },
      {
        file: "edits",
        row: 3,
        column: "period",
        value: "2026-10",
        message: "is before the current month 2026-11",
      },
      {
        file: "edits",
        row: 3,
        column: "hours",
        value: "-4",
        message: "must be a number ≥ 0, or empty to withdraw it",
      },
    ]);
    expect(await fulcrum.supplyInputs.changes()).toEqual([]);
    expect((await fulcrum.supplyInputs.inForce()).frozenPeriods).toBe(0);
  });

  it("firms a run's first months and plans the next run with them and with edited capacity", async () => {
    const first = await plan();
    const planned = await production(first.versionId!);
    const { changed } = await fulcrum.supplyInputs.firmFromRun(
      { runId: first.id, periods: 2, reason: "firm the plan" },
      planner,
    );
    const inForce = await fulcrum.supplyInputs.inForce();
    expect(inForce.frozenPeriods).toBe(2);
    expect(changed).toBe(inForce.firmProduction.length + 1);
    for (const c of inForce.firmProduction)
      expect(c.quantity).toBe(Math.floor(planned.get(`${c.sku}@${c.plant} ${c.period}`)! + 1e-6));

    // The busiest line loses its March hours entirely: a line stop.
    const summary = (await fulcrum.supply.detail(first.id)).summary!;
    const line = [...summary.capacity].sort((a, b) => b.load[4]! - a.load[4]!)[0]!;
    await fulcrum.supplyInputs.edit(
      {
        edits: [
          { kind: "regular_hours", resource: line.resource, period: "2027-03", hours: 0 },
          { kind: "overtime_hours", resource: line.resource, period: "2027-03", hours: 0 },
        ],
        reason: "line maintenance",
        comment: "planned stop",
      },
      planner,
    );

    const second = await plan();
    const replanned = await production(second.versionId!);
    for (const c of inForce.firmProduction)
      expect(replanned.get(`${c.sku}@${c.plant} ${c.period}`) ?? 0).toBeCloseTo(c.quantity, 6);
    const made = (period: string) =>
      [...replanned].filter(([key]) => key.endsWith(period)).reduce((sum, [, v]) => sum + v, 0);
    // Frozen months make exactly the commitments, nothing else.
    expect(made("2026-11") + made("2026-12")).toBeCloseTo(
      inForce.firmProduction.reduce((sum, c) => sum + c.quantity, 0),
      6,
    );
    const after = (await fulcrum.supply.detail(second.id)).summary!;
    const stopped = after.capacity.find((c) => c.resource === line.resource)!;
    expect([stopped.regularHours[4], stopped.overtimeLimit[4], stopped.load[4]]).toEqual([0, 0, 0]);
    expect(after.inputs).toEqual({
      frozenPeriods: 2,
      firmCommitments: inForce.firmProduction.length,
      capacityEdits: 1,
    });
  });

  it("records who changed what from what, and reverts to the value before", async () => {
    const [commitment] = (await fulcrum.supplyInputs.inForce()).firmProduction;
    const { sku, plant, period, quantity } = commitment!;
    await fulcrum.supplyInputs.edit(
      {
        edits: [{ kind: "firm_production", sku, plant, period, quantity: quantity + 500 }],
        reason: "customer pull-in",
      },
      planner,
    );
    const [latest] = await fulcrum.supplyInputs.changes();
    expect(latest).toMatchObject({
      kind: "firm_production",
      subject: `${sku}@${plant}`,
      period,
      oldValue: quantity,
      newValue: quantity + 500,
      reason: "customer pull-in",
      changedBy: "Pat Planner",
      changedAt: "2026-11-22T09:00:00.000Z",
    });
    await fulcrum.supplyInputs.revert(latest!.id, planner);
    const [revert] = await fulcrum.supplyInputs.changes();
    expect(revert).toMatchObject({ oldValue: quantity + 500, newValue: quantity, reverts: latest!.id });
    expect((await fulcrum.supplyInputs.inForce()).firmProduction).toContainEqual(commitment);
    await expect(database.pool.query("DELETE FROM supply_input_changes")).rejects.toThrow(/append-only/);
  });

  it("fails a run whose commitment no capacity can make, names the conflict, and saves no version", async () => {
    const [commitment] = (await fulcrum.supplyInputs.inForce()).firmProduction;
    await fulcrum.supplyInputs.edit(
      { edits: [{ ...commitment!, kind: "firm_production", quantity: 1e9 }], reason: "what if" },
      planner,
    );
    const before = await supplyVersions();
    await expect(plan()).rejects.toThrow(/no supply plan meets the hard limits; in conflict: .*prod\[/);
    expect(await supplyVersions()).toBe(before);
    const [run] = await fulcrum.supply.runs();
    expect(run).toMatchObject({ status: "failed", outcome: "infeasible", versionId: null });
  });
});
