import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ScenarioChange, ScenarioDetail } from "../api/scenarios";
import { DANA, WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { COMPARISON, LINE_DOWN, SCENARIOS } from "../testing/scenario-fixtures";
import { SUPPLY_RUN } from "../testing/supply-fixtures";
import { ScenariosPage } from "./scenarios-page";

const change = (over: Partial<ScenarioChange>): ScenarioChange => ({
  id: "1",
  scenarioId: 3,
  change: {
    kind: "capacity",
    resource: "FILL-1",
    periods: { from: "2027-01", to: "2027-01" },
    lineLost: true,
  },
  summary: "FILL-1 lost, 2027-01",
  reason: "Line stop",
  comment: "",
  createdBy: "Sol Supply",
  createdAt: "2026-11-22T09:00:00.000Z",
  withdrawnBy: null,
  withdrawnAt: null,
  inherited: false,
  ...over,
});
const DETAIL: ScenarioDetail = {
  ...LINE_DOWN,
  changes: [
    change({ id: "7", scenarioId: 2, summary: "Demand +10 % on JUICE, 2026-12", inherited: true }),
    change({}),
  ],
  runs: [],
};
const at = { path: "/alignment/scenarios", route: "/alignment/scenarios?scenario=3" };
const base = {
  "GET /api/auth/me": DANA,
  "GET /api/workspace": WORKSPACE,
  "GET /api/scenarios": SCENARIOS,
  "GET /api/supply/runs": { runs: [SUPPLY_RUN] },
  "GET /api/scenarios/3": DETAIL,
  "GET /api/scenarios/compare": COMPARISON,
};

describe("ScenariosPage", () => {
  it("lists the plans with their change count and stale badge, and a scenario's changes with the inherited one marked", async () => {
    stubApi(base);
    renderAt(<ScenariosPage />, at);
    const list = await screen.findByTestId("scenario-list");
    const stale = list.querySelector('tr[data-scenario="Line down"]')!;
    expect(stale.textContent).toContain("Stale");
    expect(stale.textContent).toContain("2");
    expect(list.querySelector('tr[data-scenario="Summer promo"]')?.textContent).not.toContain("Stale");
    const changes = await screen.findByTestId("scenario-changes");
    const inherited = changes.querySelector('li[data-change="7"]')!;
    expect(inherited.getAttribute("data-inherited")).toBe("true");
    expect(inherited.textContent).toContain("Inherited");
    // Only its own change can be withdrawn.
    expect(within(changes).getAllByTestId("change-withdraw")).toHaveLength(1);
    expect(changes.querySelector('li[data-change="1"]')?.textContent).toContain("Line stop · Sol Supply");
  });

  it("re-plans a scenario and follows the job's phase and progress", async () => {
    const api: Record<string, unknown> = {
      ...base,
      "POST /api/scenarios/3/runs": { status: 202, body: { jobId: "job-4" } },
      "GET /api/scenarios/jobs/job-4": {
        id: "job-4",
        state: "active",
        run: { ...LINE_DOWN.latestRun, phase: "supply", status: "running", progress: 40 },
      },
    };
    const fetchMock = stubApi(api);
    renderAt(<ScenariosPage />, at);
    fireEvent.click(await screen.findByTestId("replan-button"));
    const progress = await screen.findByTestId("replan-progress");
    await waitFor(() => expect(progress.textContent).toBe("Planning supply… 40 %"));
    expect(progress.querySelector("progress")?.value).toBeCloseTo(0.4);
    expect(screen.getByTestId("replan-button").textContent).toBe("Re-planning…");
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(String(post[0])).toBe("/api/scenarios/3/runs");

    api["GET /api/scenarios/jobs/job-4"] = {
      id: "job-4",
      state: "completed",
      run: { ...LINE_DOWN.latestRun, phase: "done", status: "finished", progress: 100 },
    };
    await waitFor(() => expect(progress.getAttribute("data-state")).toBe("completed"), { timeout: 3000 });
    expect(progress.textContent).toContain("Done");
  });

  it("creates a scenario branched from another one", async () => {
    const fetchMock = stubApi({
      ...base,
      "POST /api/scenarios": { status: 201, body: { ...LINE_DOWN, id: 9 } },
    });
    renderAt(<ScenariosPage />, at);
    fireEvent.change(await screen.findByTestId("scenario-name"), {
      target: { value: "Promo and line down" },
    });
    fireEvent.change(screen.getByTestId("scenario-parent"), { target: { value: "2" } });
    fireEvent.click(screen.getByTestId("scenario-create"));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({ name: "Promo and line down", parentId: 2 });
  });
});
