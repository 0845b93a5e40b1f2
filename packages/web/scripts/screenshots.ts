// Takes the README screenshots of a running Fulcrum demo (1440×900) with Debian's Chromium:
//   npx tsx packages/web/scripts/screenshots.ts http://127.0.0.1:4010 docs/screenshots
// Signs in as the demand planner, so the demo company must be loaded. Runs a SKU-level statistical
// forecast from the forecast page when none exists yet (the server must work its job queue), then
// signs in as the supply planner and runs the level, chase and optimiser plans when no supply plan
// exists yet, and finally, as the executive, the scenarios, the demand–supply gap, the executive
// page, the KPI scorecard and the exceptions for the next cycle.

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "./chromium";

const [baseUrl = "http://127.0.0.1:4010", outDir = "docs/screenshots"] = process.argv.slice(2);

const BAD_ITEMS_CSV = [
  "sku,name,item_type,group_code,uom,status,unit_volume",
  "CMP-TEST-001,Test bottle,component,,BOX,active,0.5",
  "CMP-TEST-002,Test cap,component,,EA,active,-2",
  "CMP-TEST-003,Test label,component,,EA,selling,1",
].join("\n");

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400); // lets chart animations settle
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "fulcrum-shots-"));
  const context = await launchChromium(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId("demo-users").waitFor();
    await page.locator('[data-role="demand_planner"]').click();
    await shoot(page, "login");
    await page.getByTestId("login-submit").click();
    await page.getByTestId("overview-page").waitFor();
    await shoot(page, "overview");

    await page.goto(`${baseUrl}/demand/hierarchy`);
    const brand = page.locator('[role="treeitem"][aria-level="1"]').nth(1);
    await brand.locator(".tree-toggle").click();
    const family = page.locator('[role="treeitem"][aria-level="2"][data-kind="group"]').first();
    await family.locator(".tree-toggle").click();
    await family.click();
    await page.locator('[data-testid="history-chart"] svg').waitFor();
    await shoot(page, "hierarchy");

    await page.goto(`${baseUrl}/demand/forecast`);
    await page.getByTestId("forecast-chart").waitFor();
    if (await page.getByTestId("forecast-empty").count()) {
      await page.getByTestId("forecast-run-button").click();
      await page
        .locator('[data-testid="forecast-progress"][data-state="completed"]')
        .waitFor({ timeout: 120_000 });
    }
    const forecastBrand = page.locator('[role="treeitem"][aria-level="1"]').nth(1);
    await forecastBrand.locator(".tree-toggle").click();
    const forecastFamily = page.locator('[role="treeitem"][aria-level="2"][data-kind="group"]').first();
    await forecastFamily.locator(".tree-toggle").click();
    await page.locator('[role="treeitem"][aria-level="3"][data-kind="item"]').first().click();
    await page.getByTestId("forecast-scoreboard").waitFor();
    await shoot(page, "forecast");

    // The demo's past cycles are played in the background after the first start.
    await page.goto(`${baseUrl}/demand/accuracy`);
    await page.getByTestId("fva-steps").waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="accuracy-trend"] svg').waitFor();
    await shoot(page, "forecast-accuracy");

    await page.goto(`${baseUrl}/demand/review`);
    const exceptions = page.getByTestId("demand-exceptions");
    await exceptions.locator("tbody tr").first().waitFor({ timeout: 60_000 });
    await exceptions.evaluate((panel) => panel.scrollIntoView({ block: "start" }));
    await page.mouse.wheel(0, -80);
    await shoot(page, "demand-exceptions");

    await page.goto(`${baseUrl}/monitor`);
    await page.getByTestId("order-service-stats").waitFor();
    await shoot(page, "monitor");

    await page.goto(`${baseUrl}/data/sales_history?sort=order_date&dir=desc`);
    await page.getByTestId("entity-grid").waitFor();
    await shoot(page, "data-browser");

    await page.goto(`${baseUrl}/data/import?entity=items`);
    await page.getByTestId("import-file").setInputFiles({
      name: "items.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(BAD_ITEMS_CSV),
    });
    await page.getByTestId("import-submit").click();
    await page.getByTestId("import-error-report").waitFor();
    await page.getByTestId("import-error-report").scrollIntoViewIfNeeded();
    await shoot(page, "import-errors");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("demo-users").waitFor();
    await page.locator('[data-role="supply_planner"]').click();
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-name").getByText("Sol Supply").waitFor();
    await page.goto(`${baseUrl}/supply/review`);
    await page.getByTestId("supply-review-page").waitFor();
    await page.waitForLoadState("networkidle");
    if (await page.getByTestId("supply-empty").count()) {
      for (const [i, strategy] of ["level", "chase", "optimal"].entries()) {
        await page.getByTestId("supply-strategy").selectOption(strategy);
        await page.getByTestId("supply-run-button").click();
        // Each finished run adds a plan to the picker.
        await page
          .locator('[data-testid="supply-run-picker"] option')
          .nth(i)
          .waitFor({ state: "attached", timeout: 300_000 });
      }
    }
    await page.getByTestId("capacity-heat-map").waitFor();
    await shoot(page, "supply-review");
    // The shortages panel at the top of the window, below the fixed top bar.
    await page.getByRole("heading", { name: "Shortages" }).evaluate((heading) => {
      heading.scrollIntoView({ block: "start" });
    });
    await page.mouse.wheel(0, -80);
    await shoot(page, "supply-shortages");

    const inputs = page.getByTestId("supply-inputs");
    if ((await inputs.getByTestId("firm-commitments").count()) === 0) {
      await page.getByTestId("firm-plan").click();
      await inputs.getByTestId("firm-commitments").waitFor();
    }
    await inputs.evaluate((panel) => panel.scrollIntoView({ block: "start" }));
    await page.mouse.wheel(0, -80);
    await shoot(page, "supply-inputs");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("demo-users").waitFor();
    await page.locator('[data-role="supplier"]').click();
    await page.getByTestId("login-submit").click();
    await page.getByTestId("supplier-portal-page").waitFor();
    await page.locator('[data-testid="supplier-grid"] tbody tr').first().waitFor();
    await shoot(page, "supplier-portal");

    // The demo's first start plays the cycle to alignment: a base plan and two re-planned scenarios.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("demo-users").waitFor();
    await page.locator('[data-role="executive"]').click();
    await page.getByTestId("login-submit").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.goto(`${baseUrl}/alignment/scenarios`);
    await page.getByTestId("scenarios-page").waitFor();
    await shoot(page, "scenarios");
    await page.goto(`${baseUrl}/alignment/gap`);
    await page.getByTestId("alignment-page").waitFor();
    await shoot(page, "demand-supply-gap");
    await page.goto(`${baseUrl}/executive`);
    await page.getByTestId("executive-page").waitFor();
    await shoot(page, "executive");
    await page.goto(`${baseUrl}/monitor/scorecard`);
    await page.getByTestId("scorecard-window").waitFor({ timeout: 120_000 });
    await shoot(page, "scorecard");
    await page.goto(`${baseUrl}/monitor/exceptions`);
    await page.getByTestId("exception-link").first().waitFor({ timeout: 120_000 });
    await shoot(page, "monitoring-exceptions");
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
