// `npm test`: the whole suite, as CI runs it. Installs what the tests need when it is missing
// (npm dependencies; Debian's Chromium for the browser tests, when running as root), builds the
// web app, then type-checks, lints and runs every Vitest project: unit, web, database (on an
// embedded PostgreSQL) and end-to-end in Chromium.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
// The JSON report gives CI one plain closing line with the counts.
const reportDir = mkdtempSync(join(tmpdir(), "fulcrum-vitest-"));
const report = join(reportDir, "report.json");
const vitest = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  { stdio: "inherit" },
);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, "utf8"));
  console.log(`\nvitest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(vitest.status ?? 1);
