import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PerformanceReport } from "../api/scorecard";
import { renderAt, stubApi } from "../testing/render";
import { PerformanceReportPage } from "./performance-report-page";

const at = { path: "/monitor/report", route: "/monitor/report?month=2026-10" };
const REPORT: PerformanceReport = {
  month: "2026-10",
  from: "2025-11",
  committedPlan: { cyclePeriod: "2026-10", reason: null },
  kpis: [
    {
      code: "lost_sales",
      name: "Lost sales",
      area: "alignment",
      unit: "money",
      direction: "lower",
      definition: "Units wanted and not delivered × price.",
      target: 0,
      status: "off-target",
      monthValue: 400_000,
      monthReason: null,
      windowValue: 1_250_000,
      windowReason: null,
      trend: [{ period: "2026-10", value: 400_000, reason: null }],
    },
  ],
  exceptions: [],
  exceptionCount: 0,
};

describe("PerformanceReportPage", () => {
  it("shows the month's scorecard against its committed plan, and says when no exceptions are recorded", async () => {
    stubApi({ "GET /api/monitoring/report?month=2026-10": REPORT });
    renderAt(<PerformanceReportPage />, at);
    const table = await screen.findByTestId("report-scorecard");
    expect(table.querySelector('tr[data-kpi="lost_sales"]')?.textContent).toContain("4,000 EUR");
    expect(table.querySelector('tr[data-kpi="lost_sales"]')?.textContent).toContain("12,500 EUR");
    expect(screen.getByTestId("report-plan").textContent).toContain("committed plan of the 2026-10 cycle");
    expect(screen.getByTestId("report-no-exceptions").textContent).toBe("No exceptions recorded.");
  });

  it("lists the exceptions it is given", async () => {
    stubApi({
      "GET /api/monitoring/report?month=2026-10": {
        ...REPORT,
        exceptions: [
          {
            kind: "bias",
            title: "Forecast biased high for 4 months",
            subject: "JUICES",
            valueAtStake: 1_000_000,
            link: "/demand",
            acknowledgedBy: "Dana",
            action: "reset the baseline",
          },
        ],
        exceptionCount: 1,
      },
    });
    renderAt(<PerformanceReportPage />, at);
    const table = await screen.findByTestId("report-exceptions");
    expect(table.textContent).toContain("Forecast biased high for 4 months");
    expect(table.textContent).toContain("10,000");
    expect(table.textContent).toContain("reset the baseline");
  });
});
