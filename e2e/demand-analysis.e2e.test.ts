// The demand analysis page in Debian's Chromium against the shared Fulcrum with the demo company:
// a brand's seasonal profile, trend, mix to exactly 100 % and the customers behind its change.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";

describe("demand analysis", () => {
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

  it("shows a brand's season, trend, mix and the customers behind its change", async () => {
    await page.goto(`${baseUrl}/demand/analysis`);
    await page.locator('[data-testid="demo-users"] [data-role="sales"]').click();
    await page.getByTestId("login-submit").click();
    await page.getByTestId("demand-analysis-page").waitFor();
    await page.getByTestId("analysis-profile").locator("svg").waitFor();
    const brand = page.locator('[data-testid^="tree-node-group:"]').first();
    const brandName = (await brand.locator(".tree-label").textContent()) ?? "";
    await brand.click();
    await expect
      .poll(() => page.getByTestId("analysis-profile").locator("h2").textContent())
      .toContain(brandName);
    for (const table of ["mix-segment", "mix-channel", "mix-region"])
      expect(await page.getByTestId(table).locator("tr.total-row td").last().textContent()).toBe("100.00");
    await page.getByTestId("analysis-by").selectOption("customer");
    await expect
      .poll(() => page.getByTestId("analysis-drivers").locator("thead th").first().textContent())
      .toBe("Customer");
    expect(await page.getByTestId("analysis-drivers").locator("tbody tr").count()).toBeGreaterThan(1);
  });
});
