// `npm test`: the whole suite, as CI runs it. Installs what the tests need when it is missing
// (npm dependencies; Debian's Chromium for the browser tests, when running as root), builds the
// web app, then type-checks, lints and runs every Vitest project: unit, web, database (on an
// embedded PostgreSQL) and end-to-end in Chromium.

import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
process.chdir(root);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${[command, ...args].join(" ")} failed`);
    process.exit(result.status ?? 1);
  }
}

const installed = "node_modules/.package-lock.json";
if (!existsSync(installed) || statSync("package-lock.json").mtimeMs > statSync(installed).mtimeMs) {
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the browser tests…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    console.error(
      `The browser tests need Chromium at ${chromium}: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
}

run("npx", ["vite", "build", "packages/web", "--logLevel", "warn"]);
run("npm", ["run", "typecheck"]);
run("npm", ["run", "lint"]);
// Exits by Vitest's report: see vitest-run.mjs for why the exit status alone is not enough.
run("node", ["scripts/vitest-run.mjs"]);
