// Benchmark: reading a 1,000-row × 24-month plan grid through the HTTP API (p50/p95 over 200
// requests), against the same grid read straight from the application layer in the same run.

import { createFulcrum } from "@fulcrum/app";
import { createServerApp, listen } from "@fulcrum/server";
import { fmt, insertPlanCells, percentile, scratchDatabase } from "./support";

const REQUESTS = 200;

export async function benchPlanGrid(): Promise<void> {
  console.log("\n## Plan grid: 1,000 rows × 24 months");
  const scratch = await scratchDatabase();
  try {
    const { database } = scratch;
    const fulcrum = createFulcrum(database);
    await fulcrum.loadDemo({ skuCount: 300 });
    const scenario = await fulcrum.plans.baseScenario(null);
    const version = await fulcrum.plans.createVersion({ scenarioId: scenario, kind: "demand", user: null });
    // 300 SKUs × 4 segments ≥ 1,000 rows, 36 months of values so the grid reads a window of them.
    await insertPlanCells(
      database,
      `SELECT $1::int, 'demand.consensus', i.sku, NULL, s.code, to_char(m, 'YYYY-MM'), round((random() * 500)::numeric, 1)
       FROM items i CROSS JOIN segments s CROSS JOIN generate_series('2026-01-01'::date, '2028-12-01', interval '1 month') m
       WHERE i.item_type = 'finished'`,
      [version.id],
    );
    const query = {
      versionId: version.id,
      measure: "demand.consensus" as const,
      from: "2026-12",
      offset: 0,
      limit: 1000,
    };
    const direct: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      const grid = await fulcrum.plans.grid(query);
      direct.push(performance.now() - start);
      if (grid.rows.length !== 1000 || grid.periods.length !== 24)
        throw new Error("the grid is not 1,000 × 24");
    }
    const server = await listen(createServerApp(fulcrum), 0);
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "dana", password: "dana-demo" }),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
      const url = `${server.url}/api/plans/versions/${version.id}/grid?measure=demand.consensus&from=2026-12&limit=1000`;
      const api: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const start = performance.now();
        const response = await fetch(url, { headers: { cookie } });
        const text = await response.text();
        api.push(performance.now() - start);
        bytes = text.length;
        if (!response.ok) throw new Error(`grid request failed: ${response.status}`);
      }
      const row = (label: string, samples: number[]) =>
        console.log(
          `${label.padEnd(40)} p50 ${fmt(percentile(samples, 50), 1).padStart(6)} ms   p95 ${fmt(percentile(samples, 95), 1).padStart(6)} ms`,
        );
      row("application layer, no HTTP (reference)", direct);
      row("HTTP API (JSON)", api);
      console.log(
        `API / reference at p50: ×${fmt(percentile(api, 50) / percentile(direct, 50), 2)}; response ${fmt(bytes / 1024)} KiB`,
      );
    } finally {
      await server.close();
    }
  } finally {
    await scratch.dispose();
  }
}
