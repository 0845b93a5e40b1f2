// Starts Fulcrum as `fulcrum start` runs it — the demo company on a throwaway embedded PostgreSQL,
// job-queue workers for forecasts, supply plans and scenario re-plans in this process, the built web app — for the
// browser tests. The global setup shares one; a test whose flow needs other data starts its own.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFulcrum, type Fulcrum, JobQueue } from "@fulcrum/app";
import { createServerApp, listen } from "@fulcrum/server";
import { openDatabase } from "@fulcrum/storage";

const WEB_DIR = join(import.meta.dirname, "../packages/web/dist");

export function buildWebApp(): void {
  if (existsSync(join(WEB_DIR, "index.html"))) return;
  const build = spawnSync("npx", ["vite", "build", "packages/web", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the web app did not build");
}

export async function startFulcrum(
  prepare: (fulcrum: Fulcrum) => Promise<void> = async () => {},
  /** A smaller demo company for flows that plan several times (the full one by default). */
  demo: Parameters<Fulcrum["loadDemo"]>[0] = {},
): Promise<{ url: string; databaseUrl: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "fulcrum-e2e-pg-"));
  const database = await openDatabase({ dataDir, port: 0 });
  const fulcrum = createFulcrum(database);
  await fulcrum.loadDemo(demo);
  await prepare(fulcrum);
  const jobs = await JobQueue.open(database.url);
  await jobs.workForecasts(fulcrum.forecasts);
  await jobs.workSupply(fulcrum.supply);
  await jobs.workScenarios(fulcrum.scenarios);
  const server = await listen(createServerApp(fulcrum, { webDir: WEB_DIR, jobs }), 0);
  return {
    url: server.url,
    databaseUrl: database.url,
    stop: async () => {
      await server.close();
      await jobs.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
