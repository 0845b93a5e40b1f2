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
  it("writes P10 ≤ P50 ≤ P90 for every finished SKU and horizon month into a new draft demand version", async () => {
    const summary = await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, userId: null });
    const finished = (
      await database.pool.query("SELECT count(*)::int AS n FROM items WHERE item_type = 'finished'")
    ).rows[0].n;
    expect(summary).toMatchObject({ series: finished, firstPeriod: "2026-11", horizon: 6 });

    const cells = await database.pool.query(
      `SELECT sku, period, measure, value FROM plan_values WHERE version_id = $1 ORDER BY sku, period, measure`,
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

  it("runs as a job that a worker picks up from the PostgreSQL queue", async () => {
    const queue = await JobQueue.open(database.url);
    try {
      const id = await queue.enqueueForecast({ horizon: 3, historyMonths: 24, userId: null });
      expect((await queue.status(id))?.state).toBe("created");
      await queue.workForecasts(fulcrum.forecasts);
      let status = await queue.status(id);
      for (let i = 0; i < 100 && status?.state !== "completed" && status?.state !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 200));
        status = await queue.status(id);
      }
      expect(status?.state).toBe("completed");
      expect(status?.output).toMatchObject({ horizon: 3, firstPeriod: "2026-11" });
    } finally {
      await queue.close();
    }
  });
});
