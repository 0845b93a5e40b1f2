import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CommittedPlan } from "../api/scenarios";
import { WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { COMPARISON, EVE, EXECUTIVE_CYCLE, SCENARIOS } from "../testing/scenario-fixtures";
import { SUPPLY_RUN } from "../testing/supply-fixtures";
import { ExecutivePage } from "./executive-page";

const COMMITTED: CommittedPlan = {
  id: 5,
  cyclePeriod: "2026-11",
  scenarioId: 2,
  scenarioName: "Summer promo",
  supplyRunId: 11,
  demandVersionId: 20,
  supplyVersionId: 21,
  rationale: "More revenue for a little margin",
  committedBy: "Eve Executive",
  committedAt: "2026-11-25T10:00:00.000Z",
};
const LAST_CYCLE: CommittedPlan = { ...COMMITTED, id: 4, cyclePeriod: "2026-10", scenarioName: "Base plan" };

const answers = (commitments: readonly CommittedPlan[]): Record<string, unknown> => ({
  "GET /api/auth/me": EVE,
  "GET /api/workspace": WORKSPACE,
  "GET /api/cycle": EXECUTIVE_CYCLE,
  "GET /api/decisions": { period: "2026-11", asOf: "2026-11-22", decisions: [] },
  "GET /api/scenarios": SCENARIOS,
  "GET /api/supply/runs": { runs: [SUPPLY_RUN] },
  "GET /api/commitments": { commitments },
  "GET /api/scenarios/compare": COMPARISON,
});

describe("ExecutivePage", () => {
  it("compares the planned scenarios with the last cycle's committed plan", async () => {
    const fetchMock = stubApi(answers([LAST_CYCLE]));
    renderAt(<ExecutivePage />);
    await screen.findByTestId("comparison-table");
    // October's commitment first (the differences are to it), then the base and both scenarios.
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
      "/api/scenarios/compare?plans=committed%3A4%2Cscenario%3A1%2Cscenario%3A2%2Cscenario%3A3",
    );
    // The dashboard's figures, whole-plan cash among them; every figure one click away.
    const table = screen.getByTestId("comparison-table");
    const figures = () => [...table.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-figure"));
    expect(figures()).toEqual([
      "revenue",
      "grossMargin",
      "grossMarginPercent",
      "operatingCashFlow",
      "closingCash",
      "otif",
      "fillRate",
      "lostRevenue",
      "inventoryValue",
      "daysOfCover",
      "budgetRevenue",
    ]);
    expect(table.querySelector('tr[data-figure="closingCash"]')?.textContent).toContain("500,000");
    fireEvent.click(screen.getByTestId("comparison-every-figure"));
    expect(figures()).toContain("demandUnits");
    expect(screen.getByTestId("comparison-whole-plan")).toBeTruthy();
    expect(screen.getByTestId("decision-log")).toBeTruthy();
    expect(screen.getByTestId("cycle-stage-strip")).toBeTruthy();
  });

  it("commits the chosen plan with a rationale after a confirmation, then shows it with its pack", async () => {
    const api = answers([]);
    const fetchMock = stubApi(api);
    renderAt(<ExecutivePage />);
    const picker = (await screen.findByTestId("commit-plan")) as HTMLSelectElement;
    // A stale scenario cannot be committed: only the base and the promotion are offered.
    expect([...picker.options].map((o) => o.textContent)).toEqual(["Base plan (base)", "Summer promo"]);
    fireEvent.change(picker, { target: { value: "2" } });
    fireEvent.change(screen.getByTestId("commit-rationale"), {
      target: { value: "More revenue for a little margin" },
    });
    fireEvent.click(screen.getByTestId("commit-submit"));
    expect(screen.getByTestId("commit-confirm-note").textContent).toContain("Summer promo");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    api["POST /api/commitments"] = { status: 201, body: COMMITTED };
    api["GET /api/commitments"] = { commitments: [COMMITTED] };
    fireEvent.click(screen.getByTestId("commit-confirm"));
    const committed = await screen.findByTestId("committed-plan");
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(String(post[0])).toBe("/api/commitments");
    expect(JSON.parse(String(post[1]?.body))).toEqual({
      scenarioId: 2,
      rationale: "More revenue for a little margin",
    });
    expect(committed.textContent).toContain("Summer promo");
    expect(committed.textContent).toContain("Eve Executive");
    expect(screen.getByTestId("committed-rationale").textContent).toBe("More revenue for a little margin");
    expect(screen.getByTestId("pack-xlsx").getAttribute("href")).toBe("/api/commitments/5/pack.xlsx");
    expect(screen.getByTestId("pack-print").getAttribute("href")).toBe("/executive/pack/5");
    await waitFor(() => expect(screen.queryByTestId("commit-panel")).toBeNull());
  });

  it("shows the commit's refusal", async () => {
    const api = answers([]);
    api["POST /api/commitments"] = {
      status: 409,
      body: { error: { code: "conflict", message: "the cycle is in the alignment stage" } },
    };
    stubApi(api);
    renderAt(<ExecutivePage />);
    fireEvent.change(await screen.findByTestId("commit-rationale"), { target: { value: "Go" } });
    fireEvent.click(screen.getByTestId("commit-submit"));
    fireEvent.click(screen.getByTestId("commit-confirm"));
    expect((await screen.findByText("The plan was not committed")).parentElement?.textContent).toContain(
      "alignment stage",
    );
  });
});
