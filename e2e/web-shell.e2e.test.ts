// The demand planner's first walk through the web shell, in Debian's Chromium against a real
// Fulcrum with the demo company: sign in, explore the product hierarchy down to a family and see
// its sales-history chart, then upload a bad items file and read the row-level errors.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";

// Row 2: a unit of measure that does not exist; row 3: a negative volume; row 4: an unknown status.
const BAD_ITEMS_CSV = [
  "sku,name,item_type,group_code,uom,status,unit_volume",
  "CMP-E2E-001,E2E bottle,component,,BOX,active,0.5",
  "CMP-E2E-002,E2E cap,component,,EA,active,-2",
  "CMP-E2E-003,E2E label,component,,EA,selling,1",
].join("\n");

describe("web shell", () => {
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

  it("sends a visitor without a session to the login page", async () => {
    await page.goto(`${baseUrl}/demand/hierarchy`);
    await page.getByTestId("login-form").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("signs in as the demand planner from the demo users list", async () => {
    await page.locator('[data-testid="demo-users"] [data-role="demand_planner"]').click();
    expect(await page.getByTestId("login-username").inputValue()).not.toBe("");
    await page.getByTestId("login-submit").click();
    // The login page returns to where the visitor was going.
    await page.getByTestId("hierarchy-page").waitFor();
    expect(await page.getByTestId("top-bar").textContent()).toContain("Demand planner");
  });

  it("expands a brand and a family and charts the family's sales history", async () => {
    const brand = page.locator('[role="treeitem"][aria-level="1"][data-kind="group"]').first();
    await brand.locator(".tree-toggle").click();
    expect(await brand.getAttribute("aria-expanded")).toBe("true");

    const family = page.locator('[role="treeitem"][aria-level="2"][data-kind="group"]').first();
    await family.locator(".tree-toggle").click();
    const sku = page.locator('[role="treeitem"][aria-level="3"][data-kind="item"]').first();
    await sku.waitFor();

    const familyName = (await family.locator(".tree-label").textContent()) ?? "";
    await family.click();
    await page.getByTestId("node-title").filter({ hasText: familyName }).waitFor();
    const breadcrumb = (await page.getByTestId("hierarchy-breadcrumb").textContent()) ?? "";
    expect(breadcrumb).toContain(familyName);

    // ECharts draws into an svg (or canvas) inside the chart container; with data it holds a
    // path per bar and one per line.
    const chart = page.getByTestId("history-chart");
    await chart.locator("svg, canvas").first().waitFor();
    await expect.poll(() => chart.locator("svg path").count()).toBeGreaterThan(20);
    expect(await page.getByTestId("history-table").locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
  });

  it("rejects a bad items file and lists each problem with its row and column", async () => {
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByTestId("import-page").waitFor();
    await page.getByTestId("import-entity").selectOption("items");
    await page.getByTestId("import-file").setInputFiles({
      name: "bad-items.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(BAD_ITEMS_CSV),
    });
    await page.getByTestId("import-submit").click();

    const report = page.getByTestId("import-error-report");
    await report.waitFor();
    expect(await report.textContent()).toContain("Nothing was imported");
    const issues = page.locator('[data-testid="import-issues"] tbody tr');
    expect(await issues.count()).toBeGreaterThanOrEqual(2);
    const rows = await issues.allTextContents();
    expect(rows.some((row) => row.includes("uom") && row.includes("BOX") && /^\s*2/.test(row))).toBe(true);
    expect(rows.some((row) => row.includes("unit_volume") && row.includes("-2") && /^\s*3/.test(row))).toBe(
      true,
    );
    expect(await page.getByTestId("import-issue-count").textContent()).toMatch(/\d/);
    expect(await page.getByTestId("import-success").count()).toBe(0);
  });
});
