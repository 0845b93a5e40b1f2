// Opens Fulcrum's database: the server named by DATABASE_URL when set, otherwise the embedded
// PostgreSQL started from the data folder. Either way the rest of Fulcrum sees one Kysely handle
// over one pg pool, and the schema is migrated on open.

import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-server";
import { EnvironmentError } from "./errors";
import { migrateToLatest } from "./migrate";
import type { Schema } from "./schema";

// Return numeric and bigint columns as JavaScript numbers: quantities are doubles and money is
// integer minor units well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Dates stay ISO text ("2026-03-15"): a Date object would shift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface Database {
  readonly db: Kysely<Schema>;
  readonly pool: pg.Pool;
  readonly kind: "embedded" | "external";
  readonly url: string;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** An external server; when absent the embedded one is used. */
  readonly url?: string;
  /** Folder for the embedded cluster. */
  readonly dataDir: string;
  /** Port for the embedded cluster; 0 picks a free one. */
  readonly port: number;
  /** Database name inside the embedded cluster. */
  readonly database?: string;
  readonly poolSize?: number;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const database = await connect(config.url, "external", config.poolSize, async () => {});
    return database;
  }
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.port });
  const name = config.database ?? "fulcrum";
  await ensureDatabase(server.url, name);
  return connect(withDatabase(server.url, name), "embedded", config.poolSize, () => server.stop());
}

/** Connects to an existing server and migrates it. `onClose` runs after the pool has ended. */
export async function connect(
  url: string,
  kind: Database["kind"],
  poolSize = 10,
  onClose: () => Promise<void> = async () => {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {}); // an idle client's lost connection is reported by the next query
  try {
    await pool.query("select 1");
  } catch (cause) {
    await pool.end();
    throw new EnvironmentError(`cannot reach PostgreSQL at ${redact(url)}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db as Kysely<unknown>);
  return {
    db,
    pool,
    kind,
    url,
    close: async () => {
      await db.destroy();
      await onClose();
    },
  };
}

/** Creates a database on the server unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
