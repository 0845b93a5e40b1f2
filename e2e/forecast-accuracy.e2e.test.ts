// The demand planner's look back, in Debian's Chromium against a real Fulcrum whose demo has played
// four past cycles: forecast accuracy and value added step by step and by person, at SKU and family
// level, then ABC–XYZ service levels set per class and handed to inventory planning.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";
import { startFulcrum } from "./fulcrum-server";

describe("forecast accuracy and segmentation", () => {
  let server: Awaited<ReturnType<typeof startFulcrum>>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startFulcrum(async (fulcrum) => {
      await fulcrum.playDemoCycles({ cycles: 4 });
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

  it("shows each review step's accuracy and who added value, at SKU and family level", async () => {
    await page.goto(`${server.url}/demand/accuracy`);
    await page.locator('[data-testid="demo-users"] [data-role="demand_planner"]').click();
    await page.getByTestId("login-submit").click();
    const steps = page.getByTestId("fva-steps");
    await steps.waitFor();
    expect(await steps.locator("tbody tr").count()).toBe(6);
    expect(await page.getByTestId("fva-people").textContent()).toContain("Sam Sales");
    // And cycle by cycle: one column per cycle measured, a figure or – in each.
    const trend = page.getByTestId("fva-people-trend");
    const cycles = (await trend.locator("thead th").count()) - 3;
    expect(cycles).toBeGreaterThan(1);
    const sam = trend.locator('tr[data-person="Sam Sales"]');
    expect(await sam.locator("td").count()).toBe(2 + cycles);
    expect(await sam.getByRole("img").getAttribute("aria-label")).toBe("Sam Sales's value added by cycle");
    const skuWape = await steps.locator('tr[data-step="statistical"] td').first().textContent();
    await page.getByTestId("accuracy-level").selectOption("family");
    // Errors partly cancel in a family: its WAPE is another figure.
    await expect
      .poll(() => steps.locator('tr[data-step="statistical"] td').first().textContent())
      .not.toBe(skuWape);
  });

  it("sets a service level per ABC–XYZ class for every SKU", async () => {
    await page.goto(`${server.url}/demand/segmentation`);
    const matrix = page.getByTestId("abc-matrix");
    await matrix.waitFor();
    await page.getByLabel("Target service level of AX").fill("99");
    await page.getByTestId("segmentation-apply").click();
    expect(await page.getByTestId("segmentation-applied").textContent()).toContain("150 targets imported");
    // Every AX SKU now shows the new target in force.
    const axTargets = () =>
      page
        .getByTestId("segmentation-skus")
        .evaluate((table) =>
          [...table.querySelectorAll("tbody tr")]
            .filter((row) => row.children[2]?.textContent === "AX")
            .map((row) => row.lastElementChild?.textContent),
        );
    await expect.poll(async () => [...new Set(await axTargets())]).toEqual(["99"]);
  });
});
