// `fulcrum start`: opens the database (embedded unless DATABASE_URL is set), loads the demo
// company or creates the first administrator on a new workspace, and serves the app.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createFulcrum, JobQueue } from "@fulcrum/app";
import { createServerApp, listen } from "@fulcrum/server";
import { openDatabase, redact } from "@fulcrum/storage";
import type { CliConfig } from "../config";

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

export async function start(
  config: CliConfig,
  options: { demo: boolean; open: boolean; worker: boolean },
): Promise<void> {
  const started = performance.now();
  const database = await openDatabase(config);
  const fulcrum = createFulcrum(database);
  const company = await database.db.selectFrom("company").select("name").executeTakeFirst();
  const newDemo = !company && options.demo;
  if (newDemo) {
    console.log("Loading the demo company (first start)…");
    const demo = await fulcrum.loadDemo();
    const total = Object.values(demo.rows).reduce((a, b) => a + b, 0);
    console.log(`Loaded ${demo.company}: ${total.toLocaleString("en")} rows.`);
  } else if (!company) {
    await fulcrum.workspace.ensureCompany(new Date());
    const admin = await fulcrum.auth.ensureAdmin();
    if (admin)
      console.log(`Created the administrator: user "${admin.username}", one-time password ${admin.password}`);
  }
  if (!existsSync(join(WEB_DIR, "index.html")))
    console.warn(`The web app is not built (${WEB_DIR}); run \`npm run build\`. Serving the API only.`);
  const jobs = await JobQueue.open(database.url);
  // One machine runs everything by default; larger installs add `fulcrum worker` processes elsewhere.
  if (options.worker) {
    await jobs.workForecasts(fulcrum.forecasts, (message) => console.log(message));
    await jobs.workSupply(fulcrum.supply, (message) => console.log(message));
    await jobs.workScenarios(fulcrum.scenarios, (message) => console.log(message));
  }
  const server = await listen(
    createServerApp(fulcrum, { webDir: WEB_DIR, jobs }),
    config.httpPort,
    config.host,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Fulcrum is running at ${server.url} (database: ${database.kind === "embedded" ? `embedded, ${config.dataDir}` : redact(database.url)}; ready in ${seconds} s)`,
  );
  if (options.open) openBrowser(server.url);
  // The demo's past cycles take under a minute; the app is usable meanwhile.
  if (newDemo) {
    const playing = performance.now();
    fulcrum
      .playDemoCycles()
      .then(async (h) => {
        console.log(
          `Demo: ${h.cycles.length} past S&OP cycles played and ${h.committed} plans committed, for forecast accuracy and the plan's attainment, in ${((performance.now() - playing) / 1000).toFixed(1)} s.`,
        );
        const current = await fulcrum.playDemoCurrentCycle();
        console.log(
          `Demo: this cycle's forecast, base supply plan and ${current.scenarios.length} scenarios ready in ${((performance.now() - playing) / 1000).toFixed(1)} s.`,
        );
      })
      .catch((error: unknown) => console.error("Demo: the demo cycles could not be played:", error));
  }
  const stop = async () => {
    await server.close();
    await jobs.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function openBrowser(url: string): void {
  if (process.env.CI || !process.stdout.isTTY) return;
  const opener = process.platform === "darwin" ? "open" : process.platform === "win32" ? "start" : "xdg-open";
  const child = spawn(opener, [url], { stdio: "ignore", detached: true });
  child.on("error", () => {}); // no desktop: the printed URL is enough
  child.unref();
}
