// Where Fulcrum keeps its data and which database it uses, from flags and the environment.

import { resolve } from "node:path";
import type { DatabaseConfig } from "@fulcrum/storage";

export interface CliConfig extends DatabaseConfig {
  readonly httpPort: number;
  readonly host: string;
}

export function resolveConfig(flags: { dataDir?: string; port?: string; host?: string }): CliConfig {
  const env = process.env;
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: resolve(flags.dataDir ?? env.FULCRUM_DATA_DIR ?? ".fulcrum/pgdata"),
    // The embedded server takes any free loopback port; its data folder is what persists.
    port: Number(env.FULCRUM_PG_PORT ?? 0),
    httpPort: Number(flags.port ?? env.PORT ?? 4010),
    host: flags.host ?? env.HOST ?? "127.0.0.1",
  };
}
