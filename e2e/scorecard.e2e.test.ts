// The monitoring stage's look back, in Debian's Chromium against a real Fulcrum with the demo
// company: the KPI scorecard by area with its definitions, a drill-down, a target set by finance
// that recolours its KPI, and the monthly performance report.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";
import { startFulcrum } from "./fulcrum-server";

describe("KPI scorecard", () => {
  let server: Awaited<ReturnType<typeof startFulcrum>>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startFulcrum(async () => {});
    profile = mkdtempSync(join(tmpdir(), "fulcrum-e2e-chromium-"));
    context = await launchChromium(profile);
    context.setDefaultTimeout(20_000);
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    await server?.stop();
  });

  it("shows every KPI by area, drills into OTIF, and lets finance set its target", async () => {
    await page.goto(`${server.url}/monitor/scorecard`);
    await page.locator('[data-testid="demo-users"] [data-role="finance"]').click();
    await page.getByTestId("login-submit").click();
    const otif = page.getByTestId("kpi-value-otif");
    await otif.waitFor();
    expect(await page.locator("tr[data-kpi]").count()).toBe(19);
    await page.locator('tr[data-kpi="otif"] summary').click();
    expect(await page.locator('tr[data-kpi="otif"] details p').first().textContent()).toContain(
      "requested date",
    );
    await page.getByTestId("drill-otif").click();
    await page.getByTestId("scorecard-drill").locator("tbody tr").first().waitFor();
    // A target of 1 % puts the demo's OTIF on target.
    await page.getByTestId("edit-target-otif").click();
    await page.getByTestId("target-value").fill("1");
    await page.getByTestId("target-note").fill("e2e");
    await page.getByTestId("target-save").click();
    // The scorecard is measured again with the new target.
    await expect.poll(() => otif.getAttribute("data-status"), { timeout: 15_000 }).toBe("on-target");
  });

  it("prints the month's performance report", async () => {
    await page.goto(`${server.url}/monitor/report?month=2026-10`);
    const table = page.getByTestId("report-scorecard");
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(19);
    expect(await page.getByTestId("report-no-exceptions").textContent()).toBe("No exceptions recorded.");
  });
});
