// Browser-test setup: builds the web app if needed, starts Fulcrum with the demo company on a
// throwaway embedded PostgreSQL (with a job-queue worker in this process, as `fulcrum start` runs
// it), and hands the tests its URL.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFulcrum, JobQueue } from "@fulcrum/app";
import { createServerApp, listen } from "@fulcrum/server";
import { openDatabase } from "@fulcrum/storage";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's database, for tests that need data no endpoint creates (a demand version). */
    databaseUrl: string;
  }
}

const WEB_DIR = join(import.meta.dirname, "../packages/web/dist");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(WEB_DIR, "index.html"))) {
    const build = spawnSync("npx", ["vite", "build", "packages/web", "--logLevel", "warn"], {
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("the web app did not build");
  }
  const dataDir = mkdtempSync(join(tmpdir(), "fulcrum-e2e-pg-"));
  const database = await openDatabase({ dataDir, port: 0 });
  const fulcrum = createFulcrum(database);
  await fulcrum.loadDemo();
  const jobs = await JobQueue.open(database.url);
  await jobs.workForecasts(fulcrum.forecasts);
  const server = await listen(createServerApp(fulcrum, { webDir: WEB_DIR, jobs }), 0);
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await server.close();
    await jobs.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
