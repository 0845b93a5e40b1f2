import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Scorecard, ScorecardKpi } from "../api/scorecard";
import { renderAt, stubApi } from "../testing/render";
import { ScorecardPage } from "./scorecard-page";

const at = { path: "/monitor/scorecard", route: "/monitor/scorecard" };
const kpi = (k: Partial<ScorecardKpi> & Pick<ScorecardKpi, "code" | "name" | "area">): ScorecardKpi => ({
  unit: "share",
  direction: "higher",
  definition: "Order lines delivered in full on or before the requested date ÷ lines.",
  value: 0.9,
  reason: null,
  target: 0.95,
  targetSource: "default",
  status: "near",
  trend: [
    { period: "2026-09", value: 0.88, reason: null },
    { period: "2026-10", value: 0.92, reason: null },
  ],
  filtered: true,
  details: [],
  ...k,
});
const CARD: Scorecard = {
  from: "2026-09",
  to: "2026-10",
  scope: "company",
  accuracy: [],
  months: [
    {
      period: "2026-09",
      committedPlanId: null,
      cyclePeriod: null,
      reason: "no plan was committed by 2026-09",
    },
    { period: "2026-10", committedPlanId: 1, cyclePeriod: "2026-10", reason: null },
  ],
  kpis: [
    kpi({
      code: "otif",
      name: "On time in full (OTIF)",
      area: "alignment",
      value: 0.8,
      status: "off-target",
    }),
    kpi({
      code: "revenue_vs_plan",
      name: "Revenue versus plan",
      area: "executive",
      unit: "ratio",
      value: 1.25,
      target: 1,
      status: "on-target",
    }),
    kpi({
      code: "forecast_wape",
      name: "Forecast error (WAPE)",
      area: "demand",
      direction: "lower",
      value: null,
      reason: "no consensus snapshot",
      status: null,
      trend: [],
    }),
  ],
};
const WITH_ACCURACY: Scorecard = {
  ...CARD,
  accuracy: [1, 3].map((lag) => ({
    lag,
    steps: [
      { step: "statistical", wape: 0.3, mape: 0.4, mase: 0.9, bias: 0.02, valueAdded: null },
      {
        step: "consensus",
        wape: lag === 1 ? 0.25 : 0.35,
        mape: 0.3,
        mase: 0.8,
        bias: -0.01,
        valueAdded: 0.05,
      },
    ],
  })),
};
const me = { user: { username: "fin", displayName: "Fin", role: "finance" } };

describe("ScorecardPage", () => {
  it("groups the KPIs by area, colours them against their targets and shows why a value is missing", async () => {
    stubApi({ "GET /api/monitoring/scorecard": CARD, "GET /api/auth/me": me });
    renderAt(<ScorecardPage />, at);
    const otif = await screen.findByTestId("kpi-value-otif");
    expect(otif.textContent).toBe("80%");
    expect(otif.dataset.status).toBe("off-target");
    expect(screen.getByTestId("kpi-value-revenue_vs_plan").dataset.status).toBe("on-target");
    const demand = screen.getByTestId("scorecard-demand");
    expect(within(demand).getByText("no consensus snapshot")).toBeTruthy();
    expect(within(screen.getByTestId("scorecard-alignment")).getByText(/delivered in full/)).toBeTruthy();
    expect(screen.getByTestId("scorecard-window").textContent).toContain(
      "1 of 2 months with a committed plan",
    );
  });

  it("shows the accuracy of each plan layer at lags 1 and 3", async () => {
    stubApi({ "GET /api/monitoring/scorecard": WITH_ACCURACY, "GET /api/auth/me": me });
    renderAt(<ScorecardPage />, at);
    const panel = await screen.findByTestId("scorecard-accuracy");
    const consensus = panel.querySelector('tr[data-step="consensus"]')!;
    // WAPE lag 1, WAPE lag 3, bias lag 1, bias lag 3, value added at lag 1.
    expect([...consensus.querySelectorAll("td")].map((td) => td.textContent)).toEqual([
      "25%",
      "35%",
      "−1%",
      "−1%",
      "5%",
    ]);
  });

  it("drills into a KPI and sets a target as a percentage", async () => {
    const fetchMock = stubApi({
      "GET /api/monitoring/scorecard": CARD,
      "GET /api/auth/me": me,
      "GET /api/monitoring/scorecard/otif/drill": {
        kpi: "otif",
        name: "On time in full (OTIF)",
        basis: "lines not on time in full, per SKU",
        contributionUnit: "units",
        rows: [{ subject: "SKU-1", kind: "sku", value: 0.5, contribution: 12, link: "/data/items/SKU-1" }],
      },
      "POST /api/monitoring/targets": { status: 201, body: { id: 1 } },
    });
    renderAt(<ScorecardPage />, at);
    fireEvent.click(await screen.findByTestId("drill-otif"));
    const drill = await screen.findByTestId("scorecard-drill");
    expect(await within(drill).findByText("SKU-1")).toBeTruthy();
    fireEvent.click(await screen.findByTestId("edit-target-otif"));
    fireEvent.change(screen.getByTestId("target-value"), { target: { value: "97" } });
    fireEvent.change(screen.getByTestId("target-note"), { target: { value: "FY27" } });
    fireEvent.click(screen.getByTestId("target-save"));
    await screen.findByTestId("edit-target-otif");
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      kpi: "otif",
      scope: "company",
      target: 0.97,
      note: "FY27",
    });
  });

  it("sends the filters to the scorecard", async () => {
    const fetchMock = stubApi({ "GET /api/monitoring/scorecard": CARD, "GET /api/auth/me": me });
    renderAt(<ScorecardPage />, at);
    await screen.findByTestId("kpi-value-otif");
    fireEvent.change(screen.getByTestId("scorecard-segment"), { target: { value: "RETAIL" } });
    fireEvent.click(screen.getByTestId("scorecard-apply"));
    await screen.findByTestId("kpi-value-otif");
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls.some((u) => u.includes("/api/monitoring/scorecard?segment=RETAIL"))).toBe(true);
  });
});
