// The demand planner's statistical forecast in Debian's Chromium against a real Fulcrum with the
// demo company and a job-queue worker: open the forecast page, run a forecast, follow its progress,
// then read the chart for the whole company and a SKU's model with its backtest scoreboard.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";

describe("statistical forecast", () => {
  const baseUrl = inject("baseUrl");
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), "fulcrum-e2e-chromium-"));
    context = await launchChromium(profile);
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it("opens the forecast page as the demand planner, with no forecast yet", async () => {
    await page.goto(`${baseUrl}/demand/forecast`);
    await page.locator('[data-testid="demo-users"] [data-role="demand_planner"]').click();
    await page.getByTestId("login-submit").click();
    await page.getByTestId("forecast-page").waitFor();
    await page.getByTestId("forecast-empty").waitFor();
    // The history alone is charted while there is no forecast.
    await page.getByTestId("forecast-chart").locator("svg").first().waitFor();
  });

  it("runs a forecast, follows its progress, and charts the forecast with its band", async () => {
    await page.getByTestId("forecast-level").selectOption("sku");
    await page.getByTestId("forecast-run-button").click();
    const progress = page.getByTestId("forecast-progress");
    await progress.waitFor();
    await expect
      .poll(() => progress.getAttribute("data-state"), { timeout: 45_000, interval: 250 })
      .toBe("completed");
    expect(await progress.textContent()).toMatch(/Done: \d+ series forecast/);

    await page.getByTestId("forecast-empty").waitFor({ state: "detached" });
    expect(await page.getByTestId("forecast-stats").textContent()).toContain("Backtest MAE");
    expect(await page.getByTestId("forecast-methods").locator("tbody tr").count()).toBeGreaterThan(0);
    // Demand, fitted, band and forecast lines, plus the forecast-start marker.
    const chart = page.getByTestId("forecast-chart");
    await expect.poll(() => chart.locator("svg path").count()).toBeGreaterThan(6);
    expect(await chart.locator("svg text").allTextContents()).toContain("Forecast");
  });

  it("shows a SKU's model, why it was chosen, and its scoreboard", async () => {
    const brand = page.locator('[role="treeitem"][aria-level="1"][data-kind="group"]').first();
    await brand.locator(".tree-toggle").click();
    const family = page.locator('[role="treeitem"][aria-level="2"][data-kind="group"]').first();
    await family.locator(".tree-toggle").click();
    const sku = page.locator('[role="treeitem"][aria-level="3"][data-kind="item"]').first();
    await sku.click();

    const explanation = page.getByTestId("forecast-explanation");
    await explanation.waitFor();
    expect(await explanation.textContent()).toMatch(
      /Default combination|lowest backtest MAE|Too little history/,
    );
    const scoreboard = page.getByTestId("forecast-scoreboard");
    if (await scoreboard.count()) {
      expect(await scoreboard.locator('tbody tr[data-chosen="true"]').count()).toBe(1);
      expect(await scoreboard.locator("tbody tr").count()).toBeGreaterThan(1);
    }
    expect(new URL(page.url()).searchParams.get("kind")).toBe("item");
  });
});
