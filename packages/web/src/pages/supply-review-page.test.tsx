import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DANA, WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { SOL, SUPPLY_REVIEW, SUPPLY_RUN } from "../testing/supply-fixtures";
import { SupplyReviewPage } from "./supply-review-page";

const at = { path: "/supply/review", route: "/supply/review" };

describe("SupplyReviewPage", () => {
  it("shows the newest plan: heat map with overtime marked, shortages with cause, costs and cash", async () => {
    stubApi({
      "GET /api/auth/me": SOL,
      "GET /api/workspace": WORKSPACE,
      "GET /api/supply/runs": { runs: [SUPPLY_RUN] },
      "GET /api/supply/runs/7": SUPPLY_REVIEW,
    });
    renderAt(<SupplyReviewPage />, at);
    const heat = await screen.findByTestId("capacity-heat-map");
    const fill = heat.querySelector('tr[data-resource="P1-FILL-1"]')!;
    const cells = fill.querySelectorAll("td");
    expect([...cells].map((c) => c.className)).toEqual([
      "heat-cell heat-medium",
      "heat-cell heat-over",
      "heat-cell heat-low",
    ]);
    expect(cells[1]?.getAttribute("data-overtime")).toBe("true");
    expect(cells[1]?.textContent).toBe("109OT");
    expect(fill.textContent).toContain("Hamburg filling line 1");

    const shortage = within(screen.getByTestId("shortages")).getAllByRole("row")[1]!;
    expect(shortage.textContent).toContain("SKU-0001");
    expect(shortage.textContent).toContain("100,000");
    expect(shortage.textContent).toContain("P1-FILL-1 full in Dec 2026");
    expect(screen.getByTestId("supply-stats").textContent).toContain("95.0");
    expect(screen.getByTestId("supply-costs").textContent).toContain("Overtime");
    expect(screen.getByTestId("supply-costs").textContent).not.toContain("Holding");
    expect(screen.getByTestId("supply-cash").textContent).toContain("450,000");
    expect(screen.getByTestId("stock-chart")).toBeTruthy();
    expect(screen.queryByTestId("strategy-comparison")).toBeNull();
  });

  it("opens a family to show its SKUs' production", async () => {
    stubApi({
      "GET /api/auth/me": SOL,
      "GET /api/workspace": WORKSPACE,
      "GET /api/supply/runs": { runs: [SUPPLY_RUN] },
      "GET /api/supply/runs/7": SUPPLY_REVIEW,
    });
    renderAt(<SupplyReviewPage />, at);
    const table = await screen.findByTestId("production-plan");
    const family = table.querySelector('tr[data-family="Orange juice"]')!;
    expect(family.textContent).toContain("1,500"); // 1,000 + 500 in Nov 2026
    expect(table.querySelector('tr[data-sku="SKU-0002"]')).toBeNull();
    fireEvent.click(within(family as HTMLElement).getByRole("button"));
    expect(table.querySelector('tr[data-sku="SKU-0002"]')?.textContent).toContain("300");
  });

  it("compares the newest run of each strategy by total cost", async () => {
    const level = { ...SUPPLY_RUN, id: 8, strategy: "level", totalCost: 1_375_000_00 };
    stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/workspace": WORKSPACE,
      "GET /api/supply/runs": { runs: [level, SUPPLY_RUN] },
      "GET /api/supply/runs/8": { ...SUPPLY_REVIEW, run: level },
    });
    renderAt(<SupplyReviewPage />, at);
    const comparison = await screen.findByTestId("strategy-comparison");
    expect(comparison.querySelector('tr[data-strategy="optimal"]')?.textContent).toContain("0.0");
    expect(comparison.querySelector('tr[data-strategy="level"]')?.textContent).toContain("10.0");
    expect(screen.queryByTestId("supply-run-button")).toBeNull();
  });

  it("runs a plan with the chosen strategy and follows it through its phases", async () => {
    let polls = 0;
    const fetchMock = stubApi({
      "GET /api/auth/me": SOL,
      "GET /api/workspace": WORKSPACE,
      "GET /api/supply/runs": { runs: [] },
      "POST /api/supply/runs": { status: 202, body: { jobId: "job-9" } },
      get "GET /api/supply/jobs/job-9"() {
        polls++;
        const run = { ...SUPPLY_RUN, strategy: "chase" };
        return polls === 1
          ? {
              id: "job-9",
              state: "active",
              output: null,
              createdOn: "",
              completedOn: null,
              run: { ...run, status: "running", phase: "solving", progress: 30 },
            }
          : { id: "job-9", state: "completed", output: {}, createdOn: "", completedOn: "", run };
      },
    });
    renderAt(<SupplyReviewPage />, at);
    await screen.findByTestId("supply-empty");
    fireEvent.change(screen.getByTestId("supply-strategy"), { target: { value: "chase" } });
    fireEvent.click(screen.getByTestId("supply-run-button"));
    const progress = await screen.findByTestId("supply-progress");
    await waitFor(() => expect(progress.textContent).toContain("Solving"));
    await waitFor(() => expect(progress.textContent).toContain("Done"), { timeout: 3000 });
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ strategy: "chase" });
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.filter(([url]) => String(url) === "/api/supply/runs").length,
      ).toBeGreaterThan(1),
    );
  });

  it("says why the latest run failed", async () => {
    const failed = {
      ...SUPPLY_RUN,
      id: 9,
      status: "failed",
      versionId: null,
      error: "the supply data cannot be planned",
    };
    stubApi({
      "GET /api/auth/me": SOL,
      "GET /api/workspace": WORKSPACE,
      "GET /api/supply/runs": { runs: [failed] },
    });
    renderAt(<SupplyReviewPage />, at);
    expect((await screen.findByTestId("supply-failed")).textContent).toContain("cannot be planned");
    expect(screen.getByTestId("supply-empty")).toBeTruthy();
  });

  it("edits a resource's hours from a heat-map cell, and shows what is in force and who changed it", async () => {
    const inputs = {
      inForce: {
        frozenPeriods: 2,
        firmProduction: [{ sku: "SKU-0001", plant: "PLANT-1", period: "2026-11", quantity: 1000 }],
        capacity: [],
      },
      changes: [
        {
          id: 3,
          kind: "frozen_periods",
          subject: "",
          period: "",
          oldValue: null,
          newValue: 2,
          reason: "firm the near-term plan",
          comment: "from supply run 7",
          reverts: null,
          changedBy: "Sol Supply",
          changedAt: "2099-01-01T00:00:00.000Z",
        },
      ],
    };
    const fetchMock = stubApi({
      "GET /api/auth/me": SOL,
      "GET /api/workspace": WORKSPACE,
      "GET /api/supply/runs": { runs: [SUPPLY_RUN] },
      "GET /api/supply/runs/7": SUPPLY_REVIEW,
      "GET /api/supply/inputs": inputs,
      "POST /api/supply/inputs": { changed: 1 },
    });
    renderAt(<SupplyReviewPage />, at);
    const panel = await screen.findByTestId("supply-inputs");
    await within(panel).findByTestId("firm-commitments");
    expect(panel.textContent).toContain("2 frozen months, 1 firm commitments, 0 capacity edits");
    // The change came after the plan: the planner is told to run it again.
    expect(within(panel).getByTestId("supply-inputs-stale")).toBeTruthy();
    expect(within(panel).getByTestId("supply-input-log").textContent).toContain("Sol Supply");

    fireEvent.click(screen.getByRole("button", { name: "Edit P1-FILL-1 in Dec 2026" }));
    expect((screen.getByTestId("capacity-month") as HTMLSelectElement).value).toBe("2026-12");
    fireEvent.change(screen.getByTestId("capacity-regular"), { target: { value: "640" } });
    fireEvent.change(screen.getByTestId("capacity-reason"), { target: { value: "extra shift" } });
    fireEvent.click(screen.getByTestId("capacity-save"));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      edits: [{ kind: "regular_hours", resource: "P1-FILL-1", period: "2026-12", hours: 640 }],
      reason: "extra shift",
      comment: "",
    });
  });

  it("shows the inputs read-only to roles that may not change them", async () => {
    stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/workspace": WORKSPACE,
      "GET /api/supply/runs": { runs: [SUPPLY_RUN] },
      "GET /api/supply/runs/7": SUPPLY_REVIEW,
      "GET /api/supply/inputs": {
        inForce: { frozenPeriods: 0, firmProduction: [], capacity: [] },
        changes: [],
      },
    });
    renderAt(<SupplyReviewPage />, at);
    const panel = await screen.findByTestId("supply-inputs");
    expect(panel.textContent).toContain("None: the optimiser plans every month freely.");
    expect(screen.queryByTestId("capacity-save")).toBeNull();
    expect(screen.queryByRole("button", { name: /^Edit P1-FILL-1/ })).toBeNull();
  });
});
