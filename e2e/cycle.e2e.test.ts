// The S&OP cycle and the decision log in Debian's Chromium against the shared demo server: the
// demand planner approves data gathering on the overview and the strip shows her approval; the
// executive records a decision on the executive page, sees it flagged overdue, marks it done and
// reads its history.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../packages/web/scripts/chromium";

describe("S&OP cycle and decision log", () => {
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

  const logIn = async (role: string, path: string) => {
    await page.goto(`${baseUrl}${path}`);
    await page.locator(`[data-testid="demo-users"] [data-role="${role}"]`).click();
    await page.getByTestId("login-submit").click();
  };

  it("the demand planner approves data gathering and the strip moves on, naming her", async () => {
    await logIn("demand_planner", "/");
    const strip = page.getByTestId("overview-page").getByTestId("cycle-stage-strip");
    const current = strip.locator('[aria-current="step"]');
    await expect.poll(() => current.getAttribute("data-stage")).toBe("data_gathering");
    await strip.getByTestId("approve-comment").fill("all inputs loaded");
    await strip.getByTestId("approve-stage").click();
    await expect.poll(() => current.getAttribute("data-stage")).toBe("demand_review");
    const approval = strip.locator('li[data-stage="data_gathering"] [data-testid="stage-approval"]');
    expect(await approval.textContent()).toMatch(/^Dana Demand · \d{2} \w{3} \d{4}$/);
    // Demand review is hers too: the button follows the stage.
    expect(await strip.getByTestId("approve-stage").textContent()).toBe("Approve demand review");
  });

  it("the executive records a decision, sees it overdue, marks it done and reads its history", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByTestId("demo-users").waitFor();
    await logIn("executive", "/executive");
    const log = page.getByTestId("decision-log");
    await log.getByTestId("decision-title").fill("Subcontract part of January's juice volume");
    await log.getByTestId("decision-rationale").fill("Cheaper than overtime at this volume");
    await log.getByTestId("decision-owner").fill("sol");
    await log.getByTestId("decision-new-due").fill("2020-01-31");
    await log.getByTestId("decision-add").click();
    const row = log.locator("tr[data-decision]").filter({ hasText: "Subcontract part of January" });
    await row.waitFor();
    expect(await row.getAttribute("data-overdue")).toBe("true");
    expect(await row.textContent()).toContain("Sol Supply");

    await row.getByTestId("decision-status").selectOption("done");
    await expect.poll(() => row.getAttribute("data-overdue")).toBeNull();
    await row.getByTestId("decision-history-toggle").click();
    const history = log.getByTestId("decision-history");
    await expect.poll(() => history.locator("li").count()).toBe(2);
    expect(await history.locator("li").nth(1).textContent()).toContain("Eve Executive · Status: Open → Done");
  });
});
