import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "../supply/solver-handle";

let database: Database;
let fulcrum: Fulcrum;
let planner: User;
let family: string;
let familySkus: Set<string>;
const solver = new SolverHandle();
const HORIZON = 6;
const RUN = { horizon: HORIZON, strategy: "optimal", timeLimitSeconds: 60 } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z"), solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: HORIZON, historyMonths: 36, level: "sku", userId: null });
  planner = await fulcrum.auth.createUser({
    username: "sam.supply",
    displayName: "Sam Supply",
    role: "supply_planner",
    password: "sam-password",
  });
  await fulcrum.supply.run({ ...RUN, userId: planner.id });
  const { rows } = await database.pool.query<{ code: string; skus: string[] }>(
    `SELECT g.code, array_agg(i.sku) AS skus FROM product_groups g JOIN items i ON i.group_code = g.code
     GROUP BY g.code ORDER BY count(*) DESC LIMIT 1`,
  );
  family = rows[0]!.code;
  familySkus = new Set(rows[0]!.skus);
});
afterAll(async () => {
  await solver.discard();
  await database.close();
});

const cells = async (versionId: number, measure: string) => {
  const { rows } = await database.pool.query<{ key: string; sku: string; value: number }>(
    `SELECT sku, sku || '|' || coalesce(location, '') || '|' || coalesce(segment, '') || '|' || period AS key, value
     FROM plan_cells($1) WHERE measure = $2`,
    [versionId, measure],
  );
  return rows;
};
const baseFingerprint = async () =>
  (
    await database.pool.query(
      `SELECT count(*)::int AS n, sum(value)::float8 AS total FROM plan_values v JOIN plan_versions p ON p.id = v.version_id
       JOIN scenarios s ON s.id = p.scenario_id WHERE s.parent_id IS NULL`,
    )
  ).rows[0];

describe("scenarios", () => {
  it("branches a scenario from the base plan without copying anything", async () => {
    const before = (await database.pool.query("SELECT count(*)::int AS n FROM plan_values")).rows[0].n;
    const scenario = await fulcrum.scenarios.create({ name: "Empty" }, planner);
    expect(scenario).toMatchObject({ isBase: false, changeCount: 0, latestRun: null });
    expect((await database.pool.query("SELECT count(*)::int AS n FROM plan_values")).rows[0].n).toBe(before);
    await expect(fulcrum.scenarios.create({ name: "Empty" }, planner)).rejects.toThrow(/exists already/);
  });

  it("names the field of a change that is malformed or points at nothing", async () => {
    const { id } = await fulcrum.scenarios.create({ name: "Bad input" }, planner);
    const period = { from: "2026-12", to: "2027-01" };
    await expect(
      fulcrum.scenarios.addChange(
        id,
        { change: { kind: "capacity", resource: "NO-LINE", periods: period, hours: -10 }, reason: "x" },
        planner,
      ),
    ).rejects.toThrow(/resource: no resource NO-LINE/);
    await expect(
      fulcrum.scenarios.addChange(
        id,
        { change: { kind: "demand", node: { kind: "group", code: family }, periods: period }, reason: "x" },
        planner,
      ),
    ).rejects.toThrow(/give either percent or units/);
    const base = (await fulcrum.scenarios.list()).find((s) => s.isBase)!;
    await expect(
      fulcrum.scenarios.addChange(
        base.id,
        { change: { kind: "demand", node: { kind: "all" }, periods: period, percent: 5 }, reason: "x" },
        planner,
      ),
    ).rejects.toThrow(/base plan changes through the demand and supply reviews/);
    expect((await fulcrum.scenarios.get(id)).changes).toEqual([]);
  });

  it("re-plans a family's demand change: the rest reads exactly as the base, and only differences are stored", async () => {
    const { id } = await fulcrum.scenarios.create({ name: "Family up 30 %" }, planner);
    await fulcrum.scenarios.addChange(
      id,
      {
        change: {
          kind: "demand",
          node: { kind: "group", code: family },
          periods: { from: "2026-12", to: "2027-02" },
          percent: 30,
        },
        reason: "retailer listing",
      },
      planner,
    );
    const run = await fulcrum.scenarios.replan(id, { ...RUN, userId: planner.id });
    expect(run).toMatchObject({ status: "finished", phase: "done", progress: 100 });

    const baseRun = (await fulcrum.supply.runs()).find(
      (r) => r.scenarioId !== id && r.status === "finished",
    )!;
    const baseDemand = await cells(baseRun.demandVersionId!, "demand.statistical");
    const scenarioDemand = new Map(
      (await cells(run.demandVersionId!, "demand.statistical")).map((c) => [c.key, c.value]),
    );
    expect(scenarioDemand.size).toBe(baseDemand.length);
    let moved = 0;
    for (const c of baseDemand) {
      const inChange = familySkus.has(c.sku) && /\|(2026-12|2027-01|2027-02)$/.test(c.key);
      if (inChange && c.value > 0) {
        expect(scenarioDemand.get(c.key)).toBeCloseTo(c.value * 1.3, 6);
        moved++;
      } else expect(scenarioDemand.get(c.key)).toBe(c.value);
    }
    expect(moved).toBeGreaterThan(0);
    const own = (
      await database.pool.query("SELECT count(*)::int AS n FROM plan_values WHERE version_id = $1", [
        run.demandVersionId,
      ])
    ).rows[0].n;
    expect(own).toBe(moved);

    const baseSupply = (
      await database.pool.query("SELECT count(*)::int AS n FROM plan_values WHERE version_id = $1", [
        baseRun.versionId,
      ])
    ).rows[0].n;
    expect(run.storedCells).toBeLessThan(baseSupply);
    // The scenario's plan serves more of the family than the base does.
    const served = async (versionId: number) =>
      (await cells(versionId, "supply.served"))
        .filter((c) => familySkus.has(c.sku))
        .reduce((a, c) => a + c.value, 0);
    expect(await served(run.supplyVersionId!)).toBeGreaterThan(await served(baseRun.versionId!));
  });

  it("compares the base and the scenario: figures reconcile, children add up to their parent", async () => {
    const scenario = (await fulcrum.scenarios.list()).find((s) => s.name === "Family up 30 %")!;
    const base = (await fulcrum.scenarios.list()).find((s) => s.isBase)!;
    const all = await fulcrum.scenarioComparison.compare({
      plans: [{ scenarioId: base.id }, { scenarioId: scenario.id }],
      node: { kind: "all" },
    });
    expect(all.columns.map((c) => c.label)).toEqual(["Base plan", "Family up 30 %"]);
    for (const column of all.columns) {
      const f = column.figures;
      expect(f.grossMargin).toBe(f.revenue - f.cogs);
      const summary = (await fulcrum.supply.detail(column.supplyRunId)).summary!;
      expect(f.revenue).toBe(summary.finance!.total.horizon.revenue);
      expect(f.cogs).toBe(summary.finance!.total.horizon.cogs.total);
      for (const key of [
        "demandUnits",
        "servedUnits",
        "revenue",
        "cogs",
        "lostRevenue",
        "inventoryValue",
      ] as const)
        expect(column.children.reduce((a, c) => a + c.figures[key], 0)).toBeCloseTo(f[key], 3);
      expect(column.byPeriod.reduce((a, p) => a + p.revenue, 0)).toBe(f.revenue);
    }
    const fam = await fulcrum.scenarioComparison.compare({
      plans: [{ scenarioId: base.id }, { scenarioId: scenario.id }],
      node: { kind: "group", code: family },
      from: "2026-12",
      to: "2027-02",
    });
    expect(fam.periods).toEqual(["2026-12", "2027-01", "2027-02"]);
    expect(new Set(fam.children.map((c) => c.code))).toEqual(familySkus);
    const [b, s] = fam.columns.map((c) => c.figures);
    expect(s!.demandUnits).toBeCloseTo(b!.demandUnits * 1.3, 0);
    expect(s!.revenue).toBeGreaterThan(b!.revenue);
  });

  it("deletes a scenario without touching the base plan", async () => {
    const before = await baseFingerprint();
    const { id } = await fulcrum.scenarios.create({ name: "Short-lived" }, planner);
    await fulcrum.scenarios.addChange(
      id,
      {
        change: {
          kind: "capacity",
          resource: (await database.pool.query("SELECT code FROM resources LIMIT 1")).rows[0].code,
          periods: { from: "2026-12", to: "2026-12" },
          lineLost: true,
        },
        reason: "fire drill",
      },
      planner,
    );
    await fulcrum.scenarios.replan(id, { ...RUN, userId: planner.id });
    await fulcrum.scenarios.delete(id, planner);
    expect((await fulcrum.scenarios.list()).map((s) => s.id)).not.toContain(id);
    expect(await baseFingerprint()).toEqual(before);
    const base = (await fulcrum.scenarios.list()).find((s) => s.isBase)!;
    await expect(fulcrum.scenarios.delete(base.id, planner)).rejects.toThrow(/base plan cannot be deleted/);
  });
});
