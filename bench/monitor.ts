// Monitoring benchmark (`npm run bench:monitor`). Order promising: on the demo company with its base
// plan committed, a server on a loopback port takes 1,000 concurrent promise acceptances spread over
// the SKU-locations with the most ATP, asking twice what there is; it reports throughput, p50/p99
// latency, and whether the units promised equal the units available exactly (never more, none left).
// Then the full KPI scorecard over 24 months of a 2,000-SKU company (`monitor-scorecard.ts`).
// Usage: npm run bench:monitor -- [--only promising|scorecard] [--requests 1000] [--skus 150]
//        [--positions 20]

import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createFulcrum, SolverHandle, type User } from "@fulcrum/app";
import { createServerApp, listen } from "@fulcrum/server";
import { benchScorecard } from "./monitor-scorecard";
import { fmt, percentile, scratchDatabase, timed } from "./support";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    requests: { type: "string", default: "1000" },
    skus: { type: "string", default: "150" },
    positions: { type: "string", default: "20" },
  },
});
const only = values.only;
if (only !== undefined && only !== "promising" && only !== "scorecard")
  throw new Error(`--only ${only}: promising or scorecard`);
const AS_OF = "2026-11-22";

console.log(`# Monitoring benchmark — ${new Date().toISOString()} — node ${process.version}`);
console.log(
  `# ${cpus().length} cores, load average ${loadavg()
    .map((l) => fmt(l, 2))
    .join(" ")}`,
);

if (only !== "scorecard") await benchPromising();
if (only !== "promising") {
  await benchScorecard();
}

async function benchPromising(): Promise<void> {
  const requests = Number(values.requests);
  const positions = Number(values.positions);
  console.log(
    `\n## Order promising: ${fmt(requests)} concurrent acceptances over loopback HTTP, ${values.skus}-SKU demo company`,
  );
  const scratch = await scratchDatabase();
  const solver = new SolverHandle();
  try {
    const { database } = scratch;
    const fulcrum = createFulcrum(database, { now: () => new Date(`${AS_OF}T09:00:00Z`), solver });
    const setup = await timed(async () => {
      await fulcrum.loadDemo({ skuCount: Number(values.skus), asOf: AS_OF });
      await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, level: "sku", userId: null });
      await fulcrum.supply.run({ horizon: 6, strategy: "optimal", timeLimitSeconds: 600, userId: null });
      const user = async (username: string): Promise<User> => (await fulcrum.auth.userNamed(username))!;
      for (const [stage, username] of [
        ["data_gathering", "dana"],
        ["demand_review", "dana"],
        ["supply_review", "sol"],
        ["alignment", "sol"],
      ] as const)
        await fulcrum.cycle.approve(stage, await user(username));
      return fulcrum.commitments.commit(
        { scenarioId: await fulcrum.plans.baseScenario(null), rationale: "benchmark" },
        await user("eve"),
      );
    });
    const committed = setup.result;
    const { rows: picked } = await database.pool.query<{ sku: string; location: string }>(
      `SELECT sku, location FROM plan_cells($1) WHERE measure = 'supply.transfers'
       GROUP BY 1, 2 ORDER BY sum(value) DESC, 1, 2 LIMIT $2`,
      [committed.supplyVersionId, positions],
    );
    const targets: { sku: string; location: string; period: string; available: number }[] = [];
    for (const p of picked) {
      const atp = await fulcrum.promising.atp(p.sku, p.location);
      const available = atp.available.find((a) => a.segment === "*")!.cumulative.at(-1)!;
      if (available > 0) targets.push({ ...p, period: atp.periods.at(-1)!, available });
    }
    const available = targets.reduce((a, t) => a + t.available, 0);
    const perTarget = Math.ceil(requests / targets.length);
    console.log(
      `setup (not timed below): demo, forecast, supply run and commit in ${fmt(setup.seconds, 1)} s; ${targets.length} SKU-locations with ${fmt(available)} units of ATP; each request asks 2 × ATP ÷ ${perTarget}`,
    );

    const server = await listen(createServerApp(fulcrum), 0);
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "sam", password: "sam-demo" }),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const start = performance.now();
      await Promise.all(
        Array.from({ length: requests }, async (_, i) => {
          const t = targets[i % targets.length]!;
          const quantity = Math.max(1, Math.ceil((2 * t.available) / perTarget));
          const sent = performance.now();
          const response = await fetch(`${server.url}/api/promising/promises`, {
            method: "POST",
            headers: { cookie, "content-type": "application/json" },
            body: JSON.stringify({
              sku: t.sku,
              location: t.location,
              quantity,
              period: t.period,
              segment: "RETAIL",
              accept: true,
            }),
          });
          await response.text();
          latencies.push(performance.now() - sent);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const { rows } = await database.pool.query<{ sku: string; location: string; units: number }>(
        `SELECT p.sku, p.location, sum(l.quantity)::int AS units FROM promises p
         JOIN promise_lines l ON l.promise_id = p.id WHERE p.status = 'accepted' GROUP BY 1, 2`,
      );
      const promised = rows.reduce((a, r) => a + r.units, 0);
      const exact = targets.filter(
        (t) => rows.find((r) => r.sku === t.sku && r.location === t.location)?.units === t.available,
      ).length;
      console.log(
        `${fmt(requests)} requests in ${fmt(seconds, 2)} s: ${fmt(requests / seconds, 1)} requests/s; latency p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms`,
      );
      console.log(
        `answers: ${[...statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([status, n]) => `${fmt(n)} × ${status}`)
          .join(", ")} (201 promised, 409 nothing left to promise)`,
      );
      console.log(
        `units promised ${fmt(promised)}, units available ${fmt(available)}: ${promised === available ? "equal" : "NOT EQUAL"}; equal at ${exact} of ${targets.length} SKU-locations`,
      );
      if (promised !== available || exact !== targets.length) process.exitCode = 1;
    } finally {
      await server.close();
    }
  } finally {
    await solver.discard();
    await scratch.dispose();
  }
}
