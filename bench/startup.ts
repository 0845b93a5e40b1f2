// Benchmark: from `fulcrum start` to the first served page on the embedded database, the first
// time (initdb + demo company) and on every later start; the reference is the embedded PostgreSQL
// starting on its own in the same run.

import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startEmbeddedPostgres } from "@fulcrum/storage";
import { fmt, timed } from "./support";

const ROOT = join(import.meta.dirname, "..");

async function startAndWait(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "packages/cli/src/main.ts",
      "start",
      "--demo",
      "--no-open",
      "--port",
      String(port),
      "--data-dir",
      dataDir,
    ],
    {
      cwd: ROOT,
      stdio: "ignore",
    },
  );
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error("fulcrum start exited early");
      if (performance.now() - started > 300_000) throw new Error("fulcrum start took over 5 minutes");
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function benchStartup(): Promise<void> {
  console.log("\n## Start-up to first served page (embedded PostgreSQL, demo company)");
  const dir = mkdtempSync(join(tmpdir(), "fulcrum-bench-start-"));
  chmodSync(dir, 0o755); // the embedded server runs as the postgres user when we are root
  try {
    const reference = await timed(async () => {
      const server = await startEmbeddedPostgres({ dataDir: join(dir, "reference"), port: 0 });
      await server.stop();
    });
    const again = await timed(async () => {
      const server = await startEmbeddedPostgres({ dataDir: join(dir, "reference"), port: 0 });
      await server.stop();
    });
    const first = await startAndWait(join(dir, "pg"));
    const later = await startAndWait(join(dir, "pg"));
    console.log(
      `embedded PostgreSQL alone, first start (reference)  ${fmt(reference.seconds, 2).padStart(6)} s`,
    );
    console.log(`embedded PostgreSQL alone, later start (reference)  ${fmt(again.seconds, 2).padStart(6)} s`);
    console.log(
      `Fulcrum first start (initdb + demo company)          ${fmt(first, 2).padStart(6)} s  ×${fmt(first / reference.seconds, 1)}`,
    );
    console.log(
      `Fulcrum later start                                  ${fmt(later, 2).padStart(6)} s  ×${fmt(later / again.seconds, 1)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
