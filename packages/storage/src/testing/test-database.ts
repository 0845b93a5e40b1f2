// A fresh, migrated database for one test file, cloned from the template the global setup made.

import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { connect, type Database, ensureDatabase, withDatabase } from "../database";

export const TEMPLATE_DATABASE = "fulcrum_test_template";

export async function createTestDatabase(): Promise<Database> {
  const serverUrl = inject("pgServerUrl");
  const name = `fulcrum_test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(serverUrl, name, TEMPLATE_DATABASE);
  return connect(withDatabase(serverUrl, name), "external", 5, async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });
}
