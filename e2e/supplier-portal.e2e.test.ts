// Supplier collaboration in Debian's Chromium against a real Fulcrum with the demo company after
// a statistical forecast and one chase supply plan: the demo bottle supplier logs in, sees only
// its own parts, counter-proposes a lower capacity for one month; the supply planner then sees the
// change in the supply review's "Supplier responses". Its own server: the shared one stays
// without a forecast for the forecast flow.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";
import { startFulcrum } from "./fulcrum-server";

describe("supplier portal", () => {
  let server: Awaited<ReturnType<typeof startFulcrum>>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let own: string[];

  beforeAll(async () => {
    server = await startFulcrum(async (fulcrum) => {
      await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, level: "sku", userId: null });
      await fulcrum.supply.run({ horizon: 6, strategy: "chase", timeLimitSeconds: 60, userId: null });
      const { rows } = await fulcrum.database.pool.query<{ sku: string }>(
        "SELECT sku FROM supplier_items WHERE supplier = 'SUP-03' ORDER BY sku",
      );
      own = rows.map((r) => r.sku);
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

  /** Opens `path`, which sends the visitor to the login page and back after signing in. */
  const logIn = async (role: string, path: string) => {
    await page.goto(`${server.url}${path}`);
    await page.locator(`[data-testid="demo-users"] [data-role="${role}"]`).click();
    await page.getByTestId("login-submit").click();
  };

  it("the supplier sees only its own parts and counter-proposes a lower capacity for one month", async () => {
    await logIn("supplier", "/");
    const grid = page.getByTestId("supplier-grid");
    await grid.waitFor();
    expect(page.url()).toBe(`${server.url}/supplier`);
    expect(await page.locator('nav[aria-label="Main"] a').allTextContents()).toEqual(["Supplier portal"]);
    const parts = await grid
      .locator("tbody")
      .evaluateAll((bodies) => bodies.map((b) => b.getAttribute("data-sku")));
    expect(parts).toEqual(own);

    // The largest requirement on the page; counter-propose half of it.
    const asked = await grid.locator("td[data-requested]").evaluateAll(
      (cells) =>
        cells
          .map((c) => ({
            sku: c.closest("tbody")!.getAttribute("data-sku")!,
            period: c.getAttribute("data-period")!,
            requested: Number(c.getAttribute("data-requested")),
          }))
          .sort((a, b) => b.requested - a.requested)[0]!,
    );
    expect(asked.requested).toBeGreaterThan(0);
    const lower = Math.floor(asked.requested / 2);
    await page.getByLabel(`Capacity ${asked.sku} ${asked.period}`, { exact: true }).fill(String(lower));
    await page.getByTestId("supplier-comment").fill("one moulding line in maintenance");
    await page.getByTestId("supplier-counter").click();
    await page.getByTestId("supplier-saved").waitFor();
    const inForce = grid.locator(`tbody[data-sku="${asked.sku}"] td[data-source="counter"]`);
    await expect.poll(() => inForce.count()).toBe(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("demo-users").waitFor();
    await logIn("supply_planner", "/supply/review");
    const row = page
      .getByTestId("supplier-responses")
      .locator(`tr[data-sku="${asked.sku}"][data-period="${asked.period}"]`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain("Counter-proposal");
    expect(text).toContain(`→ ${lower.toLocaleString("en-US")}`);
    expect(text).toContain("one moulding line in maintenance");
    expect(text).toContain("not yet");
  });
});
