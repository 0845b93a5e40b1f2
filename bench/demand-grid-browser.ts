// Benchmark: the demand review's first load in Debian's Chromium — a 1,000-SKU demo company, a
// draft demand version with 24 months of statistical and consensus figures, the page opened, its
// horizon set to 24 months and every group expanded by clicking its toggle until 1,000 SKU rows
// are in the grid. The grid draws only the rows in view (ADR 0510), so the groups are opened as a
// planner would: those in view, then a screen further down, and round again from the top until
// the grid holds every row. The first run is cold (a fresh browser cache and server); the next runs repeat it
// warm for the p50. The reference is the same rows read through the HTTP API in this process,
// level by level as the page asks for them.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFulcrum } from "@fulcrum/app";
import { createServerApp, listen } from "@fulcrum/server";
import type { Page } from "playwright-core";
import { buildWebApp } from "../e2e/fulcrum-server";
import { launchChromium } from "../packages/web/scripts/chromium";
import { fmt, insertPlanCells, percentile, scratchDatabase } from "./support";

const SKUS = 1000;
const MONTHS = 24;
const WARM_RUNS = 5;
const WEB_DIR = join(import.meta.dirname, "../packages/web/dist");

/** The little of the DOM the in-page loops use (this package compiles without the DOM types). */
interface InPageElement {
  textContent: string | null;
  click(): void;
  getAttribute(name: string): string | null;
}
interface InPage {
  querySelectorAll(selector: string): ArrayLike<InPageElement> & Iterable<InPageElement>;
  getAttribute(name: string): string | null;
  parentElement: { scrollTop: number; clientHeight: number; scrollHeight: number } | null;
}

interface Render {
  /** Navigation until the first grid rows are visible (the default 12-month view). */
  firstRows: number;
  /** Navigation until every group is expanded and scrolled past: 1,000 SKU rows × 24 months in the grid. */
  allRows: number;
  /** SKU rows in the grid at the end, counted by scrolling it through (not timed). */
  rows: number;
  /** Rows in the DOM at the end: the window drawn. */
  drawn: number;
}

export async function benchDemandGridBrowser(): Promise<void> {
  console.log(`\n## Demand review in the browser: ${fmt(SKUS)} SKU rows × ${MONTHS} months`);
  buildWebApp();
  const scratch = await scratchDatabase();
  const profile = mkdtempSync(join(tmpdir(), "fulcrum-bench-chromium-"));
  try {
    const { database } = scratch;
    const fulcrum = createFulcrum(database);
    await fulcrum.loadDemo({ skuCount: SKUS });
    const from: string = (await database.pool.query("SELECT current_period FROM company")).rows[0]
      .current_period;
    const scenarioId = await fulcrum.plans.baseScenario(null);
    const version = await fulcrum.plans.createVersion({
      scenarioId,
      kind: "demand",
      label: "bench",
      user: null,
    });
    await insertPlanCells(
      database,
      `SELECT $1::int, m.measure, i.sku, NULL, NULL, to_char(p, 'YYYY-MM'), 50 + abs(hashtext(i.sku || p::text || m.measure)) % 450
       FROM items i
       CROSS JOIN (VALUES ('demand.statistical'), ('demand.consensus')) m(measure)
       CROSS JOIN generate_series(to_date($2, 'YYYY-MM'), to_date($2, 'YYYY-MM') + interval '${MONTHS - 1} months', interval '1 month') p
       WHERE i.item_type = 'finished'`,
      [version.id, from],
    );
    const groups = Number((await database.pool.query("SELECT count(*) FROM product_groups")).rows[0].count);
    // The grid's lines with every group open: All products, its five layer lines, the groups, the SKUs.
    const lines = 1 + 5 + groups + SKUS;
    const server = await listen(createServerApp(fulcrum, { webDir: WEB_DIR }), 0);
    const context = await launchChromium(profile);
    try {
      context.setDefaultTimeout(120_000);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/demand/review`);
      await page.locator('[data-testid="demo-users"] [data-role="demand_planner"]').click();
      await page.getByTestId("login-submit").click();
      await page.getByTestId("demand-review-page").waitFor();
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

      const renders: Render[] = [];
      for (let run = 0; run <= WARM_RUNS; run++) renders.push(await renderAll(page, server.url, lines));
      const to = (await page.locator('[data-testid="demand-grid"] thead th').count()) - 2;
      if (renders.some((r) => r.rows < SKUS) || to !== MONTHS)
        throw new Error(`the grid showed ${renders.map((r) => r.rows).join("/")} rows × ${to} months`);

      const api: number[] = [];
      let requests = 0;
      for (let run = 0; run < WARM_RUNS; run++) {
        const start = performance.now();
        requests = await readLikeThePage(server.url, version.id, from, cookie);
        api.push(performance.now() - start);
      }
      const cold = renders[0]!;
      const warm = renders.slice(1);
      const p50 = (pick: (r: Render) => number) => percentile(warm.map(pick), 50);
      const line = (label: string, ms: number) =>
        console.log(`${label.padEnd(58)} ${fmt(ms).padStart(6)} ms`);
      console.log(
        `${fmt(cold.rows)} SKU rows (${fmt(lines)} lines) in the grid after expanding every group, ${cold.drawn} rows drawn; ${requests} grid requests`,
      );
      await checkKeyboard(page);
      line(
        "scrolling the open grid a screen down (to the next frame drawn), mean of 30",
        await scrollScreen(page),
      );
      line("cold: navigation → first rows visible", cold.firstRows);
      line(`cold: navigation → ${fmt(SKUS)} rows × ${MONTHS} months in the grid`, cold.allRows);
      line(
        `warm p50 of ${WARM_RUNS}: navigation → first rows visible`,
        p50((r) => r.firstRows),
      );
      line(
        `warm p50 of ${WARM_RUNS}: navigation → all rows × ${MONTHS} months`,
        p50((r) => r.allRows),
      );
      line("reference: the same grids through the HTTP API, p50", percentile(api, 50));
      console.log(`browser (warm p50) / reference: ×${fmt(p50((r) => r.allRows) / percentile(api, 50), 1)}`);
    } finally {
      await context.close();
      await server.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await scratch.dispose();
  }
}

/**
 * Opens the review, switches to 24 months and opens every collapsed group in view, then scrolls a
 * screen down and does the same, as a planner opening the whole hierarchy would, until the grid's
 * bottom is in view with no group closed and nothing loading.
 */
async function renderAll(page: Page, url: string, lines: number): Promise<Render> {
  const start = performance.now();
  await page.goto(`${url}/demand/review`);
  await page.locator('[data-testid="demand-row"]').first().waitFor({ state: "visible" });
  const firstRows = performance.now() - start;
  await page.getByTestId("demand-horizon").selectOption(String(MONTHS));
  // One in-page loop, so the time is the page's and not a round trip per click.
  await page.getByTestId("demand-grid").evaluate(
    async (grid: InPage, [months, lines]: [number, number]) => {
      const box = grid.parentElement!;
      const until = Date.now() + 120_000;
      for (;;) {
        const columns = grid.querySelectorAll("thead th").length - 2;
        const closed = [...grid.querySelectorAll('[data-testid="demand-toggle"][aria-expanded="false"]')];
        // A child level still loading shows one spanning cell; anything else there is an error.
        const pending = [...grid.querySelectorAll("tbody tr:not(.grid-spacer) td[colspan]")];
        const failed = pending.find((cell) => cell.textContent !== "Loading…");
        if (failed) throw new Error(`a level did not load: ${failed.textContent}`);
        const rowCount = Number(grid.getAttribute("aria-rowcount")) - 1;
        if (Date.now() > until) throw new Error(`the grid stopped at ${rowCount} of ${lines} lines`);
        if (columns === months) {
          // A loading level is one line for all its rows, so the count is reached once all are in.
          if (closed.length > 0) for (const toggle of closed) toggle.click();
          else if (rowCount === lines && pending.length === 0) return;
          else if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) box.scrollTop = 0;
          // The grid draws 12 lines beyond each edge of the view, whose toggles were just clicked too.
          else box.scrollTop += box.clientHeight + 2 * 12 * 29;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    [MONTHS, lines] as [number, number],
  );
  const allRows = performance.now() - start;
  const drawn = await page.locator('[data-testid="demand-grid"] tbody tr[data-index]').count();
  return { firstRows, allRows, rows: await countSkuRows(page), drawn };
}

/** The SKU rows in the grid, seen by scrolling it from top to bottom (the DOM holds only a window). */
async function countSkuRows(page: Page): Promise<number> {
  return page.getByTestId("demand-grid").evaluate(async (grid: InPage) => {
    const box = grid.parentElement!;
    const seen = new Set<string | null>();
    box.scrollTop = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const row of grid.querySelectorAll('[data-testid="demand-row"][data-kind="item"]'))
        seen.add(row.getAttribute("data-node"));
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return seen.size;
      box.scrollTop += box.clientHeight;
    }
  });
}

/** The time from a scroll of one screen to the second frame after it, when the new lines are drawn. */
async function scrollScreen(page: Page): Promise<number> {
  // No function is declared inside: the bundler would name it with a helper the page lacks.
  return page.getByTestId("demand-grid").evaluate(async (grid: InPage) => {
    const box = grid.parentElement!;
    const { requestAnimationFrame } = globalThis as unknown as {
      requestAnimationFrame(callback: () => void): number;
    };
    box.scrollTop = 0;
    for (let frames = 0; frames < 2; frames++)
      await new Promise<void>((resolve) => requestAnimationFrame(resolve));
    const start = performance.now();
    for (let i = 0; i < 30; i++) {
      box.scrollTop += box.clientHeight;
      for (let frames = 0; frames < 2; frames++)
        await new Promise<void>((resolve) => requestAnimationFrame(resolve));
    }
    return (performance.now() - start) / 30;
  });
}

/** The keyboard walks past the drawn window: 100 presses of ArrowDown from the top land 100 node rows down. */
async function checkKeyboard(page: Page): Promise<void> {
  const grid = page.getByTestId("demand-grid");
  await grid.evaluate((g: InPage) => {
    g.parentElement!.scrollTop = 0;
  });
  const first = grid.locator('tbody tr[data-grid-row="0"] td[data-grid-col="0"]');
  await first.focus();
  for (let i = 0; i < 100; i++) await page.keyboard.press("ArrowDown");
  const row = await page.evaluate("document.activeElement.closest('tr').getAttribute('data-grid-row')");
  if (row !== "100") throw new Error(`100 presses of ArrowDown reached node row ${row}, not 100`);
}

/** Every grid request the page makes to show the whole hierarchy: the top, then each level's groups at once. */
async function readLikeThePage(
  url: string,
  versionId: number,
  from: string,
  cookie: string,
): Promise<number> {
  const [year, month] = from.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month - 1 + MONTHS - 1, 1)).toISOString().slice(0, 7);
  const read = async (node: string | null) => {
    const query = new URLSearchParams({ from, to: last, grain: "month" });
    if (node) {
      query.set("node", node);
      query.set("nodeKind", "group");
    }
    const response = await fetch(`${url}/api/plans/versions/${versionId}/demand?${query}`, {
      headers: { cookie },
    });
    if (!response.ok) throw new Error(`grid request failed: ${response.status}`);
    const grid = (await response.json()) as { rows: { kind: string; code: string; children: number }[] };
    return grid.rows.slice(1).filter((r) => r.kind === "group" && r.children > 0);
  };
  let level = await read(null);
  let requests = 1;
  while (level.length > 0) {
    const next = await Promise.all(level.map((g) => read(g.code)));
    requests += level.length;
    level = next.flat();
  }
  return requests;
}
