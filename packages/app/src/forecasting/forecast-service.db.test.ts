import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { JobQueue } from "../jobs/job-queue";

let database: Database;
let fulcrum: Fulcrum;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database, { now: () => new Date("2026-11-22T09:00:00Z") });
  await fulcrum.loadDemo({ skuCount: 12, seed: 3, asOf: "2026-11-22" });
});
afterAll(() => database.close());

describe("statistical forecast runs", () => {
  it("shows a node's history without a forecast before the first run", async () => {
    const view = await fulcrum.forecasts.latestForNode();
    expect(view.run).toBeNull();
    expect(view.history.length).toBeGreaterThan(12);
    expect(view.history.every((p) => p.fitted === null)).toBe(true);
    expect(view.forecast).toEqual([]);
  });

  it("writes P10 ≤ P50 ≤ P90 for every finished SKU and horizon month into a new draft demand version", async () => {
    const summary = await fulcrum.forecasts.run({
      horizon: 6,
      historyMonths: 36,
      level: "sku",
      userId: null,
    });
    const finished = (
      await database.pool.query("SELECT count(*)::int AS n FROM items WHERE item_type = 'finished'")
    ).rows[0].n;
    expect(summary).toMatchObject({ series: finished, firstPeriod: "2026-11", horizon: 6 });

    const cells = await database.pool.query(
      `SELECT sku, period, measure, value FROM plan_values WHERE version_id = $1 AND measure LIKE 'demand.statistical%' ORDER BY sku, period, measure`,
      [summary.versionId],
    );
    expect(cells.rows).toHaveLength(finished * 6 * 3);
    const bySkuPeriod = new Map<string, Record<string, number>>();
    for (const c of cells.rows)
      bySkuPeriod.set(`${c.sku} ${c.period}`, {
        ...bySkuPeriod.get(`${c.sku} ${c.period}`),
        [c.measure]: c.value,
      });
    for (const [, v] of bySkuPeriod) {
      expect(v["demand.statistical.p10"]).toBeGreaterThanOrEqual(0);
      expect(v["demand.statistical.p10"]).toBeLessThanOrEqual(v["demand.statistical"]! + 1e-9);
      expect(v["demand.statistical"]).toBeLessThanOrEqual(v["demand.statistical.p90"]! + 1e-9);
    }
    expect([...new Set(cells.rows.map((c) => c.period))]).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
      "2027-04",
    ]);

    const models = await database.pool.query(
      "SELECT method, scoreboard FROM forecast_models WHERE run_id = $1",
      [summary.runId],
    );
    expect(models.rows).toHaveLength(finished);
    expect(models.rows.every((m) => Array.isArray(m.scoreboard))).toBe(true);
    const version = (await fulcrum.plans.versions()).find((v) => v.id === summary.versionId);
    expect(version).toMatchObject({ kind: "demand", status: "draft", cyclePeriod: "2026-11" });
  });

  it("records the run as it goes and stores each series' accuracy and fitted values", async () => {
    const progress: number[] = [];
    const summary = await fulcrum.forecasts.run(
      { horizon: 3, historyMonths: 36, level: "sku", userId: null },
      { onProgress: (done) => progress.push(done), jobId: "job-1" },
    );
    const total = progress.at(-1)!;
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((done, i) => i === 0 || done > progress[i - 1]!)).toBe(true);
    const run = await fulcrum.forecasts.runForJob("job-1");
    expect(run).toMatchObject({ id: summary.runId, status: "finished", level: "sku", horizon: 3 });
    expect(run?.done).toBe(total);
    expect(run?.total).toBe(total);
    expect(run?.finishedAt).not.toBeNull();

    const models = await database.pool.query(
      `SELECT sku, history_start, fitted, backtest_mae, backtest_mase, mean_demand, scoreboard
       FROM forecast_models WHERE run_id = $1`,
      [summary.runId],
    );
    for (const m of models.rows) {
      const months = (
        await database.pool.query(
          `SELECT count(DISTINCT to_char(requested_date, 'YYYY-MM'))::int AS n, min(to_char(requested_date, 'YYYY-MM')) AS first
         FROM sales_history WHERE sku = $1 AND requested_qty > 0 AND requested_date < '2026-11-01' AND requested_date >= '2023-11-01'`,
          [m.sku],
        )
      ).rows[0];
      expect(m.history_start).toBe(months.first);
      // One fitted value per month from the first demand to the last closed month.
      const [year, month] = String(m.history_start).split("-").map(Number);
      expect(m.fitted).toHaveLength((2026 - year!) * 12 + (10 - month!) + 1);
      expect(m.fitted.length).toBeGreaterThanOrEqual(months.n);
      expect(m.mean_demand).toBeGreaterThan(0);
      const chosen = m.scoreboard.find((e: { chosen: boolean }) => e.chosen);
      if (chosen) expect(m.backtest_mae).toBeCloseTo(chosen.mae, 9);
    }
    expect(models.rows.some((m) => m.fitted.filter((v: number | null) => v !== null).length > 12)).toBe(true);
  });

  it.each([
    ["sku-location", "location"],
    ["sku-segment", "segment"],
  ] as const)("forecasts at the %s level, one series per SKU and %s with demand", async (level, column) => {
    const summary = await fulcrum.forecasts.run({ horizon: 2, historyMonths: 36, level, userId: null });
    const expected = await database.pool.query(
      `SELECT DISTINCT h.sku, ${column === "location" ? "h.location" : "c.segment"} AS key
       FROM sales_history h JOIN customers c ON c.code = h.customer JOIN items i ON i.sku = h.sku
       WHERE i.item_type = 'finished' AND h.requested_qty > 0
         AND h.requested_date >= '2023-11-01' AND h.requested_date < '2026-11-01'
       ORDER BY 1, 2`,
    );
    const other = column === "location" ? "segment" : "location";
    const models = await database.pool.query(
      `SELECT sku, ${column} AS key, ${other} AS other FROM forecast_models WHERE run_id = $1 ORDER BY 1, 2`,
      [summary.runId],
    );
    expect(models.rows.map((r) => [r.sku, r.key])).toEqual(expected.rows.map((r) => [r.sku, r.key]));
    expect(models.rows.every((r) => r.other === null)).toBe(true);
    expect(summary).toMatchObject({ level, series: expected.rows.length });
    const cells = await database.pool.query(
      `SELECT count(*)::int AS n, count(${column})::int AS keyed FROM plan_values WHERE version_id = $1 AND measure LIKE 'demand.statistical%'`,
      [summary.versionId],
    );
    expect(cells.rows[0]).toEqual({ n: expected.rows.length * 2 * 3, keyed: expected.rows.length * 2 * 3 });
  });

  it("shows a group's forecast as the sum of its SKUs', and a SKU's models with their scoreboards", async () => {
    await fulcrum.forecasts.run({ horizon: 4, historyMonths: 36, level: "sku-location", userId: null });
    const [brand] = await fulcrum.hierarchy.nodes();
    const families = await fulcrum.hierarchy.nodes(brand!.code);
    const family = families.find((n) => n.kind === "group" && n.children > 0)!;
    const skus = (await fulcrum.hierarchy.nodes(family.code)).filter((n) => n.kind === "item");
    const group = await fulcrum.forecasts.latestForNode({ code: family.code, kind: "group" });
    const items = await Promise.all(
      skus.map((n) => fulcrum.forecasts.latestForNode({ code: n.code, kind: "item" })),
    );
    expect(group.run).toMatchObject({ level: "sku-location", horizon: 4, status: "finished" });
    expect(group.forecast.map((f) => f.period)).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    group.forecast.forEach((band, j) => {
      const sum = (pick: (b: { p10: number; p50: number; p90: number }) => number) =>
        items.reduce((total, item) => total + (item.forecast[j] ? pick(item.forecast[j]!) : 0), 0);
      expect(band.p50).toBeCloseTo(
        sum((b) => b.p50),
        6,
      );
      expect(band.p10).toBeCloseTo(
        sum((b) => b.p10),
        6,
      );
      expect(band.p10).toBeLessThanOrEqual(band.p50 + 1e-9);
      expect(band.p50).toBeLessThanOrEqual(band.p90 + 1e-9);
    });
    expect(group.series).toBe(items.reduce((n, item) => n + item.series, 0));
    expect(group.run?.reconciliation?.method).toBe("mint-shrink");
    expect(group.methods.reduce((n, m) => n + m.series, 0)).toBe(group.series);
    expect(group.models).toEqual([]);
    expect(group.accuracy?.relativeMae).toBeGreaterThan(0);
    const last = group.history.at(-1)!;
    expect(last.period).toBe("2026-10");
    expect(last.fitted).toBeCloseTo(
      items.reduce((total, item) => total + (item.history.at(-1)?.fitted ?? 0), 0),
      6,
    );

    const sku = items.find((item) => item.models.length > 0)!;
    expect(sku.models.every((m) => m.location !== null && m.segment === null)).toBe(true);
    for (const model of sku.models) {
      const chosen = model.scoreboard.filter((e) => e.chosen);
      if (model.scoreboard.length > 0) expect(chosen.map((e) => e.method)).toEqual([model.method]);
      expect(typeof model.model).toBe("string");
    }
    await expect(fulcrum.forecasts.latestForNode({ code: "NOPE", kind: "item" })).rejects.toThrow(/no item/);
  });

  it("writes into the chosen scenario's demand plan, and refuses an unknown scenario", async () => {
    const scenario = await fulcrum.database.db
      .insertInto("scenarios")
      .values({ name: "Price rise", description: "what if", parent_id: null, created_by: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const summary = await fulcrum.forecasts.run({
      horizon: 2,
      historyMonths: 36,
      level: "sku",
      scenarioId: scenario.id,
      userId: null,
    });
    const version = await fulcrum.database.db
      .selectFrom("plan_versions")
      .select("scenario_id")
      .where("id", "=", summary.versionId)
      .executeTakeFirstOrThrow();
    expect(version.scenario_id).toBe(scenario.id);
    await expect(
      fulcrum.forecasts.run({ horizon: 2, historyMonths: 36, level: "sku", scenarioId: 9999, userId: null }),
    ).rejects.toThrow(/no scenario 9999/);
  });

  it("forecasts every level from its own history and reconciles them: the company total adds up, with its own band", async () => {
    await fulcrum.forecasts.run({ horizon: 3, historyMonths: 36, level: "sku", userId: null });
    const total = await fulcrum.forecasts.latestForNode();
    const brands = await fulcrum.hierarchy.nodes();
    expect(brands.length).toBeGreaterThan(1);
    const parts = await Promise.all(
      brands.map((b) => fulcrum.forecasts.latestForNode({ code: b.code, kind: b.kind })),
    );
    expect(total.run?.reconciliation?.method).toBe("mint-shrink");
    total.forecast.forEach((band, j) => {
      const p50 = parts.reduce((sum, part) => sum + part.forecast[j]!.p50, 0);
      const p90 = parts.reduce((sum, part) => sum + part.forecast[j]!.p90, 0);
      expect(band.p50).toBeCloseTo(p50, 6);
      expect(band.p10).toBeLessThanOrEqual(band.p50);
      // The company's own band: its brands' surprises partly cancel, so it is not their summed P90s.
      expect(band.p90).toBeLessThan(p90);
    });
    // The total's fitted values and model are its own, not a sum.
    expect(total.history.at(-1)?.fitted).not.toBeNull();
    expect(total.ownModel?.scoreboard.filter((e) => e.chosen).map((e) => e.method)).toEqual([
      total.ownModel?.method,
    ]);
  });

  it("runs as a job that a worker picks up from the PostgreSQL queue", async () => {
    const queue = await JobQueue.open(database.url);
    try {
      const id = await queue.enqueueForecast({ horizon: 3, historyMonths: 24, level: "sku", userId: null });
      expect((await queue.status(id))?.state).toBe("created");
      await queue.workForecasts(fulcrum.forecasts);
      let status = await queue.status(id);
      for (let i = 0; i < 100 && status?.state !== "completed" && status?.state !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 200));
        status = await queue.status(id);
      }
      expect(status?.state).toBe("completed");
      expect(status?.output).toMatchObject({ horizon: 3, firstPeriod: "2026-11" });
      const run = await fulcrum.forecasts.runForJob(id);
      expect(run).toMatchObject({ status: "finished", horizon: 3 });
      expect(run?.done).toBe(run?.total);
    } finally {
      await queue.close();
    }
  });
});
