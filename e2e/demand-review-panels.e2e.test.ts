// The demand review's panels below the grid, in Debian's Chromium against the shared Fulcrum with
// the demo company: an exception opened from the list selects its SKU's row in the grid; demand
// sensing shows the version's next three months; the unit and revenue plan of the selected family
// against last year and the budget; keyboard movement and a block pasted from Excel; and a comment
// mentioning Sam reaches Sam's inbox.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFulcrum } from "@fulcrum/app";
import { addPeriods, type PeriodKey } from "@fulcrum/domain";
import { type Database, openDatabase } from "@fulcrum/storage";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";

describe("demand review panels", () => {
  const baseUrl = inject("baseUrl");
  let database: Database;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let versionId: number;
  let family: string;
  let skus: string[];
  let firstName: string;
  let months: PeriodKey[];

  beforeAll(async () => {
    // A draft version of this cycle as a forecast run writes one, for the demo's second family
    // (the demand review test uses the first): statistical 40, 50, … per SKU and month, a P10–P90
    // band of 30–60 on the first SKU, and a consensus of 200 there in the first month — 140 units
    // above its P90.
    database = await openDatabase({ url: inject("databaseUrl"), dataDir: "", port: 0 });
    const fulcrum = createFulcrum(database);
    family = (
      await database.pool.query(
        `SELECT g.code FROM product_groups g JOIN items i ON i.group_code = g.code AND i.item_type = 'finished'
         GROUP BY g.code HAVING count(*) >= 2 ORDER BY g.code OFFSET 1 LIMIT 1`,
      )
    ).rows[0].code;
    skus = (
      await database.pool.query(
        "SELECT sku FROM items WHERE group_code = $1 AND item_type = 'finished' ORDER BY sku",
        [family],
      )
    ).rows.map((r) => r.sku);
    firstName = (await database.pool.query("SELECT name FROM items WHERE sku = $1", [skus[0]])).rows[0].name;
    const cycle = (await database.pool.query("SELECT current_period FROM company")).rows[0].current_period;
    months = [0, 1, 2].map((n) => addPeriods(cycle, n));
    const scenarioId = await fulcrum.plans.baseScenario(null);
    versionId = (
      await fulcrum.plans.createVersion({
        scenarioId,
        kind: "demand",
        label: "e2e panels",
        cyclePeriod: cycle,
        user: null,
      })
    ).id;
    await database.pool.query(
      `INSERT INTO plan_values (version_id, measure, sku, period, value)
       SELECT $1, 'demand.statistical', sku, period, 30 + 10 * ord FROM unnest($2::text[]) WITH ORDINALITY AS s(sku, ord), unnest($3::text[]) AS p(period)`,
      [versionId, skus, months],
    );
    await database.pool.query(
      `INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES
         ($1, 'demand.statistical.p10', $2, $3, 30), ($1, 'demand.statistical.p90', $2, $3, 60), ($1, 'demand.consensus', $2, $3, 200)`,
      [versionId, skus[0], months[0]],
    );

    profile = mkdtempSync(join(tmpdir(), "fulcrum-e2e-chromium-"));
    context = await launchChromium(profile);
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}/demand/review`);
    await page.locator('[data-testid="demo-users"] [data-role="demand_planner"]').click();
    await page.getByTestId("login-submit").click();
    await page.getByTestId("demand-review-page").waitFor();
    await page.getByTestId("demand-version").selectOption(String(versionId));
  });

  afterAll(async () => {
    await context?.close();
    await database?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const row = (code: string) => page.locator(`[data-testid="demand-row"][data-node="${code}"]`);
  // Every month the same: 40 + 50 + … over the family's SKUs.
  const statisticalTotal = () => skus.reduce((s, _, i) => s + 30 + 10 * (i + 1), 0);

  it("opens an exception from the list: its SKU's row is selected in the grid, every layer beneath", async () => {
    const exception = page.locator(
      `[data-testid="demand-exceptions"] tr[data-sku="${skus[0]}"][data-kind="outside-band"]`,
    );
    expect(await exception.textContent()).toContain("+140 units above the statistical P90");
    await exception.getByTestId("exception-open").click();
    await expect.poll(() => row(skus[0]!).getAttribute("class")).toBe("demand-row-selected");
    const layers = page.locator('[data-testid="layer-row"]');
    expect(await layers.count()).toBe(5);
    const consensus = await page
      .locator('[data-testid="layer-row"][data-layer="demand.consensus"] td')
      .first()
      .textContent();
    expect(consensus).toBe("200");
    expect(await page.getByTestId("comments-panel").locator("h2").textContent()).toBe(
      `Comments on ${firstName}`,
    );
  });

  it("senses the version's next three months from the statistical forecast and the books", async () => {
    const sensing = page.getByTestId("demand-sensing");
    const rows = sensing.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-period")))).toEqual(months);
    const figures = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent ?? "")),
    );
    const figure = (text: string) => Number(text.replaceAll(",", ""));
    for (const [forecast, booked, sensed] of figures) {
      expect(figure(forecast!)).toBe(statisticalTotal());
      expect(figure(booked!)).toBeGreaterThanOrEqual(0);
      // The shared demo has played no past cycles: nothing to learn a weight from, so the sensed
      // figure is the statistical one.
      expect(figure(sensed!)).toBe(statisticalTotal());
    }
    expect(await sensing.textContent()).toContain("too few cycles");
  });

  it("shows the selected family's unit and revenue plan against last year and the budget", async () => {
    await row(family).getByTestId("demand-select").click();
    const panel = page.getByTestId("revenue-plan");
    await expect.poll(() => panel.locator("h2").textContent()).not.toContain(firstName);
    const line = (label: string) =>
      panel
        .locator("tbody tr")
        .filter({ has: page.locator(`th:text-is("${label}")`) })
        .locator("td")
        .evaluateAll((tds) => tds.map((td) => td.textContent ?? ""));
    // First month: the first SKU's consensus 200 instead of its statistical 40.
    await expect
      .poll(async () => (await line("Plan units"))[0])
      .toBe((statisticalTotal() - 40 + 200).toLocaleString("en-US"));
    expect((await line("Plan units"))[1]).toBe(statisticalTotal().toLocaleString("en-US"));
    // The demo has history a year back and a budget per family for the year ahead.
    expect((await line("vs last year %"))[0]).toMatch(/^[+−-]?\d/);
    expect((await line("vs budget %"))[0]).toMatch(/^[+−-]?\d/);
    expect((await line("Budget revenue"))[0]).not.toBe("–");
  });

  it("moves with the keyboard and pastes a block from Excel as one batch, each figure undone on its own", async () => {
    const cell = (sku: string, month: string) => row(sku).locator(`td[data-period="${month}"]`);
    // A cell's text is its figure, after the marker of the edit behind it if any.
    const figure = async (sku: string, month: string) =>
      (await cell(sku, month).textContent())?.match(/[\d,]*$/)?.[0] ?? "";
    await cell(skus[0]!, months[0]!).focus();
    await page.keyboard.press("ArrowRight");
    // The e2e code is compiled without the DOM's types, so what runs in the page is written as text.
    expect(await page.evaluate("document.activeElement.getAttribute('aria-label')")).toBe(
      await cell(skus[0]!, months[1]!).getAttribute("aria-label"),
    );
    // What Excel puts on the clipboard for two cells side by side, pasted at the focused cell.
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "1,234\\t2,000\\r\\n");
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect
      .poll(() => page.getByTestId("demand-notice").textContent())
      .toBe("Pasted 2 figures (2 SKU cells changed); each is its own edit to undo");
    await expect.poll(() => figure(skus[0]!, months[2]!)).toBe("2,000");
    expect(await figure(skus[0]!, months[1]!)).toBe("1,234");
    await page.getByTestId("demand-undo").click();
    // The consensus had no figure there before the paste.
    await expect.poll(() => figure(skus[0]!, months[2]!)).toBe("");
    expect(await figure(skus[0]!, months[1]!)).toBe("1,234");
  });

  it("posts a comment on the family mentioning Sam, which reaches Sam's inbox", async () => {
    const text = `Can sales confirm the tender for ${family}? @sam`;
    await page.getByTestId("comment-body").fill(text);
    await page.getByTestId("comment-post").click();
    await expect.poll(() => page.getByTestId("comment-list").textContent()).toContain("Can sales confirm");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.locator('[data-testid="demo-users"] [data-role="sales"]').click();
    await page.getByTestId("login-submit").click();
    await expect.poll(() => page.getByTestId("inbox-unread").textContent()).toMatch(/^[1-9]/);
    await page.getByTestId("inbox-link").click();
    const entry = page.getByTestId("inbox-list").locator("li").filter({ hasText: "Can sales confirm" });
    expect(await entry.getAttribute("data-read")).toBe("no");
    expect(await entry.textContent()).toContain(family);
  });
});
