// The executive S&OP meeting in Debian's Chromium against a real Fulcrum with a small demo company
// (12 SKUs, a 6-month plan, so three plans stay quick): through the API the supply planner plans the
// base, the demand planner makes two scenarios with one change each and re-plans them, and the
// owners approve the cycle up to the executive meeting; then, as the executive in the browser, the
// two scenarios are compared, one is committed with a rationale, and the pack is downloaded — an
// Excel workbook with its "Financial plan" sheet.
// It runs its own server: committing closes the cycle the shared server's tests walk through.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";
import { startFulcrum } from "./fulcrum-server";

const HORIZON = 6;

/** A signed-in API client for one demo user: JSON in and out with its session cookie. */
async function signIn(baseUrl: string, role: string) {
  const demo = (await (await fetch(`${baseUrl}/api/auth/demo-users`)).json()) as {
    users: { username: string; role: string; password: string }[];
  };
  const user = demo.users.find((u) => u.role === role);
  if (!user) throw new Error(`no demo ${role}`);
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

type Api = Awaited<ReturnType<typeof signIn>>;

/** Polls a queued job until it ends; a job that did not complete fails the setup with its state. */
async function waitForJob(api: Api, path: string): Promise<void> {
  for (;;) {
    const job = await api<{ state: string; run: { error: string | null } | null }>("GET", path);
    if (job.state === "completed") return;
    if (job.state === "failed" || job.state === "cancelled")
      throw new Error(`${path}: ${job.state} ${job.run?.error ?? ""}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe("executive S&OP", () => {
  let server: Awaited<ReturnType<typeof startFulcrum>>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  const names = ["Juice push +10 %", "Dearer cans"];

  beforeAll(async () => {
    server = await startFulcrum(
      async (fulcrum) => {
        await fulcrum.forecasts.run({ horizon: HORIZON, historyMonths: 36, level: "sku", userId: null });
      },
      { skuCount: 12, seed: 3 },
    );
    const supply = await signIn(server.url, "supply_planner");
    const demand = await signIn(server.url, "demand_planner");

    const base = await supply<{ jobId: string }>("POST", "/supply/runs", { horizon: HORIZON });
    await waitForJob(supply, `/supply/jobs/${base.jobId}`);

    const changes = [
      { kind: "demand", node: { kind: "all" }, segment: null, percent: 10 },
      { kind: "cost", node: { kind: "all" }, element: "material", percent: 8 },
    ];
    const workspace = await demand<{ company: { currentPeriod: string } }>("GET", "/workspace");
    const from = workspace.company.currentPeriod;
    const jobs: string[] = [];
    for (const [i, name] of names.entries()) {
      const scenario = await demand<{ id: number }>("POST", "/scenarios", { name });
      const change = changes[i]!;
      await demand("POST", `/scenarios/${scenario.id}/changes`, {
        change: change.kind === "demand" ? { ...change, periods: { from, to: from } } : change,
        reason: "Executive what-if",
      });
      jobs.push(
        (await demand<{ jobId: string }>("POST", `/scenarios/${scenario.id}/runs`, { horizon: HORIZON }))
          .jobId,
      );
    }
    for (const job of jobs) await waitForJob(demand, `/scenarios/jobs/${job}`);

    for (const [stage, api] of [
      ["data_gathering", demand],
      ["demand_review", demand],
      ["supply_review", supply],
      ["alignment", supply],
    ] as const)
      await api("POST", "/cycle/approve", { stage });

    profile = mkdtempSync(join(tmpdir(), "fulcrum-e2e-chromium-"));
    context = await launchChromium(profile);
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.stop();
  });

  it("compares the two scenarios as the executive", async () => {
    await page.goto(`${server.url}/executive`);
    await page.locator('[data-testid="demo-users"] [data-role="executive"]').click();
    await page.getByTestId("login-submit").click();
    const comparison = page.getByTestId("executive-comparison");
    await comparison.getByTestId("comparison-table").waitFor();
    // Leave the two scenarios: untick the base plan.
    const base = comparison.locator("label.checkbox").filter({ hasText: "(base)" }).locator("input");
    await base.uncheck();
    const heads = comparison.getByTestId("comparison-table").locator("thead th[data-column]");
    await expect
      .poll(() => heads.allTextContents())
      .toEqual([expect.stringContaining(names[0]!), expect.stringContaining(names[1]!)]);
    // Without the demand push the cost change sells less: its revenue difference is negative, and bad.
    const revenueDiff = comparison.locator('tr[data-figure="revenue"] td').nth(1).locator(".comparison-diff");
    expect(await revenueDiff.textContent()).toMatch(/^\u2212/);
    expect(await revenueDiff.getAttribute("data-tone")).toBe("bad");
    expect(
      await page.getByTestId("cycle-stage-strip").locator('[aria-current="step"]').getAttribute("data-stage"),
    ).toBe("executive");
  });

  it("commits one scenario with a rationale and downloads its pack", async () => {
    const panel = page.getByTestId("commit-panel");
    await panel.getByTestId("commit-plan").selectOption({ label: names[0]! });
    await panel.getByTestId("commit-rationale").fill("The push pays for its overtime");
    await panel.getByTestId("commit-submit").click();
    await panel.getByTestId("commit-confirm").click();
    const committed = page.getByTestId("committed-plan");
    await committed.waitFor();
    expect(await committed.textContent()).toContain(names[0]);
    expect(await committed.textContent()).toContain("Eve Executive");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      committed.getByTestId("pack-xlsx").click(),
    ]);
    const file = join(profile, "pack.xlsx");
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const finance = book.getWorksheet("Financial plan");
    expect(finance).toBeTruthy();
    expect(finance!.rowCount).toBeGreaterThan(HORIZON);

    await committed.getByTestId("pack-print").click();
    const pack = page.getByTestId("executive-pack");
    await pack.waitFor();
    expect(await pack.getByTestId("pack-finance").locator("tbody tr").count()).toBe(HORIZON);
    expect(await pack.getByTestId("pack-rationale").textContent()).toBe("The push pays for its overtime");
  });
});
