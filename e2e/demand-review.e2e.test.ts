// The demand planner's consensus in Debian's Chromium against a real Fulcrum with the demo company:
// a draft demand version with a statistical layer for one family, the consensus proposed from it,
// a new figure typed on the family for one month — the SKUs below change and still add up to it —
// and the consensus approved, which freezes the version.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFulcrum } from "@fulcrum/app";
import { type Database, openDatabase } from "@fulcrum/storage";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";

describe("demand review", () => {
  const baseUrl = inject("baseUrl");
  let database: Database;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let versionId: number;
  let path: string[];
  let skus: string[];
  let month: string;

  beforeAll(async () => {
    // No endpoint creates a demand version except a forecast run, which the forecast test must
    // find not yet done; so the version is written here, as a run would write it.
    database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", port: 0 });
    const fulcrum = createFulcrum(database);
    const family = await database.pool.query(
      `SELECT g.code FROM product_groups g JOIN items i ON i.group_code = g.code AND i.item_type = 'finished'
       GROUP BY g.code HAVING count(*) >= 2 ORDER BY g.code LIMIT 1`,
    );
    const code: string = family.rows[0].code;
    path = (await fulcrum.hierarchy.path(code)).map((step) => step.code);
    skus = (
      await database.pool.query(
        "SELECT sku FROM items WHERE group_code = $1 AND item_type = 'finished' ORDER BY sku",
        [code],
      )
    ).rows.map((r) => r.sku);
    month = (await database.pool.query("SELECT current_period FROM company")).rows[0].current_period;
    const scenarioId = await fulcrum.plans.baseScenario(null);
    versionId = (
      await fulcrum.plans.createVersion({ scenarioId, kind: "demand", label: "e2e review", user: null })
    ).id;
    await database.pool.query(
      `INSERT INTO plan_values (version_id, measure, sku, period, value)
       SELECT $1, 'demand.statistical', sku, $3, 40 + 10 * ord FROM unnest($2::text[]) WITH ORDINALITY AS s(sku, ord)`,
      [versionId, skus, month],
    );

    profile = mkdtempSync(join(tmpdir(), "fulcrum-e2e-chromium-"));
    context = await launchChromium(profile);
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await database?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const row = (code: string) => page.locator(`[data-testid="demand-row"][data-node="${code}"]`);
  // A cell at rest is its text: the figure, after the marker of the edit behind it if any.
  const cellValue = async (code: string) =>
    Number(
      (
        (await row(code).locator(`td[data-period="${month}"]`).textContent())?.match(/[\d,]*$/)?.[0] || "0"
      ).replaceAll(",", ""),
    );

  it("proposes the consensus, spreads a family figure over its SKUs and approves it", async () => {
    await page.goto(`${baseUrl}/demand/review`);
    await page.locator('[data-testid="demo-users"] [data-role="demand_planner"]').click();
    await page.getByTestId("login-submit").click();
    await page.getByTestId("demand-review-page").waitFor();
    await page.getByTestId("demand-version").selectOption(String(versionId));

    await page.getByTestId("demand-propose").click();
    await expect
      .poll(async () => page.getByTestId("demand-notice").textContent())
      .toMatch(/Consensus proposed/);
    for (const code of path) {
      await row(code).getByTestId("demand-toggle").click();
    }
    const family = path.at(-1)!;
    await row(skus[0]!).waitFor();
    const before = await Promise.all(skus.map(cellValue));
    expect(before).toEqual(skus.map((_, i) => 40 + 10 * (i + 1)));
    const total = before.reduce((a, b) => a + b, 0) + 101;

    // Select the cell, Enter to edit, type the figure, Enter to commit.
    await row(family).locator(`td[data-period="${month}"]`).focus();
    await page.keyboard.press("Enter");
    const input = row(family).locator(`td[data-period="${month}"] input`);
    await input.fill(String(total));
    await input.press("Enter");
    await expect
      .poll(async () => page.getByTestId("demand-notice").textContent())
      .toMatch(/SKU cells? changed/);
    await expect.poll(() => cellValue(family)).toBe(total);
    // Each expanded level reloads on its own; wait until the SKU rows have too.
    const skuTotal = async () => (await Promise.all(skus.map(cellValue))).reduce((a, b) => a + b, 0);
    await expect.poll(skuTotal).toBe(total);
    const after = await Promise.all(skus.map(cellValue));
    expect(after).not.toEqual(before);
    after.forEach((v, i) => {
      expect(v).toBeGreaterThan(before[i]!);
    });

    await page.getByTestId("demand-approve").click();
    await page.getByTestId("demand-frozen").waitFor();
    expect(await row(family).locator(`td[data-period="${month}"][data-editable]`).count()).toBe(0);
  });
});
