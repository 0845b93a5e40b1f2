// The supply planner's review in Debian's Chromium against a real Fulcrum with the full demo
// company (150 SKUs, 18 months) and its statistical forecast: open the supply review, run the
// optimiser, follow its phases, then read the capacity heat map and the shortages with their causes;
// firm the first months, stop a line for a month from its heat-map cell, and plan again with both.
// It runs its own server: the shared one must stay without a forecast for the forecast flow.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";
import { startFulcrum } from "./fulcrum-server";

describe("supply review", () => {
  let server: Awaited<ReturnType<typeof startFulcrum>>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startFulcrum(async (fulcrum) => {
      await fulcrum.forecasts.run({ horizon: 18, historyMonths: 36, level: "sku", userId: null });
    });
    profile = mkdtempSync(join(tmpdir(), "fulcrum-e2e-chromium-"));
    context = await launchChromium(profile);
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    await server?.stop();
  });

  it("opens the supply review as the supply planner, with no plan yet", async () => {
    await page.goto(`${server.url}/supply/review`);
    await page.locator('[data-testid="demo-users"] [data-role="supply_planner"]').click();
    await page.getByTestId("login-submit").click();
    await page.getByTestId("supply-review-page").waitFor();
    await page.getByTestId("supply-empty").waitFor();
  });

  it("runs the optimiser, follows its phases, and shows the heat map and the shortages", async () => {
    await page.getByTestId("supply-strategy").selectOption("optimal");
    await page.getByTestId("supply-run-button").click();
    const progress = page.getByTestId("supply-progress");
    await progress.waitFor();
    await expect
      .poll(() => progress.getAttribute("data-state"), { timeout: 90_000, interval: 250 })
      .toBe("completed");
    expect(await progress.textContent()).toContain("Done");

    const heat = page.getByTestId("capacity-heat-map");
    await heat.waitFor();
    expect(await heat.locator("tbody tr").count()).toBe(10);
    expect(await heat.locator("tbody td").count()).toBe(10 * 18);
    expect(await page.getByTestId("supply-stats").textContent()).toContain("Total cost");

    // With the material already on order the demo's plan may be short of nothing: the panel then
    // says so, and otherwise lists each shortage with its cause, as many as the plan counts.
    const panel = page.locator(".panel", {
      has: page.getByRole("heading", { name: "Shortages", exact: true }),
    });
    const counted = Number((await panel.textContent())?.match(/([\d,]+) shortages/)?.[1]?.replace(/,/g, ""));
    expect(Number.isInteger(counted)).toBe(true);
    if (counted === 0) await page.getByTestId("shortages-none").waitFor();
    else {
      const shortages = page.getByTestId("shortages");
      await shortages.waitFor();
      expect(await shortages.locator("tbody tr").count()).toBeGreaterThan(0);
      expect(await shortages.locator("tbody tr").first().textContent()).toMatch(
        /full in|cannot deliver|in time|costs more/,
      );
    }
    const chart = page.getByTestId("stock-chart");
    await expect.poll(() => chart.locator("svg path").count()).toBeGreaterThan(3);
  });

  it("firms the first months, stops a line for a month, and plans again with both", async () => {
    const inputs = page.getByTestId("supply-inputs");
    await page.getByTestId("firm-plan").click();
    await inputs.getByTestId("firm-commitments").waitFor();
    await inputs.getByTestId("supply-inputs-stale").waitFor();

    const line = await page
      .getByTestId("capacity-heat-map")
      .locator("tbody tr")
      .first()
      .getAttribute("data-resource");
    await page
      .getByTestId("capacity-heat-map")
      .locator("tbody tr")
      .first()
      .locator("td")
      .nth(4)
      .getByRole("button")
      .click();
    await page.getByTestId("capacity-regular").fill("0");
    await page.getByTestId("capacity-overtime").fill("0");
    await page.getByTestId("capacity-reason").fill("line stop");
    await page.getByTestId("capacity-save").click();
    const edits = inputs.getByTestId("capacity-edits");
    await edits.waitFor();
    expect(await edits.textContent()).toContain(line);

    await page.getByTestId("supply-run-button").click();
    const progress = page.getByTestId("supply-progress");
    await expect
      .poll(() => progress.getAttribute("data-state"), { timeout: 90_000, interval: 250 })
      .toBe("completed");
    await expect.poll(() => inputs.textContent(), { timeout: 15_000 }).toContain("this plan used 2 frozen");
    expect(await inputs.getByTestId("supply-inputs-stale").count()).toBe(0);
    const stopped = page.locator(`[data-testid="capacity-heat-map"] tr[data-resource="${line}"] td`).nth(4);
    expect(await stopped.getAttribute("title")).toMatch(/^0 h of 0 regular h/);
  });
});
