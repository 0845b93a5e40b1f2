// Small helpers shared by the benchmarks: timing, percentiles, peak memory and a scratch database.

import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "@fulcrum/storage";

export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** Runs `work` while sampling this process's resident memory; returns the peak in MiB. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMiB: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function scratchDatabase(): Promise<{
  database: Database;
  dir: string;
  dispose(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), "fulcrum-bench-"));
  chmodSync(dir, 0o755); // the embedded server runs as the postgres user when we are root
  const database = await openDatabase({ dataDir: join(dir, "pg"), port: 0 });
  return {
    database,
    dir,
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Adds plan cells from a query of (version_id, measure, sku, location, segment, period, value)
 * rows, grouped into the series rows the plan is stored in (migration 0022), in one statement.
 */
export async function insertPlanCells(database: Database, select: string, params: unknown[]): Promise<void> {
  await database.pool.query(
    `INSERT INTO plan_series (version_id, measure, sku, location, segment, periods, cell_values)
     SELECT version_id, measure, sku, location, segment,
            array_agg(period ORDER BY period COLLATE "C"), array_agg(value ORDER BY period COLLATE "C")
     FROM (${select}) AS c(version_id, measure, sku, location, segment, period, value)
     GROUP BY 1, 2, 3, 4, 5`,
    params,
  );
}
