// Vitest global setup for the database suites: one PostgreSQL server for the whole run — the
// embedded one in a throwaway folder, or the server in TEST_DATABASE_URL (CI points it at Debian's
// PostgreSQL 15) — with a migrated template database that each test file clones in milliseconds.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connect, ensureDatabase, withDatabase } from "../database";
import { startEmbeddedPostgres } from "../embedded-server";
import { TEMPLATE_DATABASE } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), "fulcrum-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir, port: 0 });
    serverUrl = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const pg = await import("pg");
  const admin = new pg.default.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  const template = await connect(withDatabase(serverUrl, TEMPLATE_DATABASE), "external", 1);
  await template.close();
  project.provide("pgServerUrl", serverUrl);
  return stop;
}
