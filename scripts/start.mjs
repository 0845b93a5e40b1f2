// `npm start`: the one command a newcomer runs. Installs dependencies when they are missing or
// stale, builds the web app when it is missing or older than its sources, then starts Fulcrum on the
// embedded PostgreSQL with the demo company (loaded on the first start). Extra arguments go to
// `fulcrum start`, e.g. `npm start -- --port 8080`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
process.chdir(root);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const installed = "node_modules/.package-lock.json";
if (!existsSync(installed) || statSync("package-lock.json").mtimeMs > statSync(installed).mtimeMs) {
  console.log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

const built = "packages/web/dist/index.html";
if (!existsSync(built) || newestMtime("packages/web/src") > statSync(built).mtimeMs) {
  console.log("Building the web app…");
  run("npx", ["vite", "build", "packages/web", "--logLevel", "warn"]);
}

const child = spawn("npx", ["tsx", "packages/cli/src/main.ts", "start", "--demo", ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
