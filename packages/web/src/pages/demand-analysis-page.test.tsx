import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DemandAnalysis } from "../api/demand-analysis";
import { WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { DemandAnalysisPage } from "./demand-analysis-page";

// ECharts needs a real layout engine; the chart wrapper has its own browser test.
vi.mock("../components/chart", () => ({
  Chart: ({ testId }: { testId?: string }) => <div data-testid={testId} />,
}));

const share = (key: string, name: string, quantity: number, basisPoints: number) => ({
  key,
  name,
  quantity,
  basisPoints,
});

const ANALYSIS: DemandAnalysis = {
  node: { kind: "group", code: "FAM-A", name: "Juices" },
  segment: null,
  asOf: "2026-12",
  history: { periods: ["2026-10", "2026-11"], values: [20, 20] },
  profile: { indices: [...Array(11).fill(6 / 7), 18 / 7], years: 2, enough: true },
  trend: {
    last12: 340,
    prior12: 180,
    growthPercent: 88.89,
    slopePerMonth: 0.57,
    slopePercentPerYear: 4100 / 105,
    months: 24,
  },
  mix: {
    segment: [share("RETAIL", "Retail", 280, 8235), share("WHOLESALE", "Wholesale", 60, 1765)],
    channel: [share("retail", "retail", 280, 8235), share("wholesale", "wholesale", 60, 1765)],
    region: [share("North", "North", 280, 8235), share("South", "South", 60, 1765)],
  },
  drivers: {
    compare: "year-over-year",
    by: "customer",
    beforeRange: { from: "2024-12", to: "2025-11" },
    afterRange: { from: "2025-12", to: "2026-11" },
    before: 180,
    after: 340,
    change: 160,
    drivers: [
      { key: "C1", before: 140, after: 280, change: 140, shareOfChange: 0.875 },
      { key: "C2", before: 0, after: 60, change: 60, shareOfChange: 0.375 },
      { key: "C3", before: 40, after: 0, change: -40, shareOfChange: -0.25 },
    ],
    others: 0,
    names: { C1: "Shop", C2: "Cash & Carry", C3: "Web shop" },
  },
};

const SKUS: DemandAnalysis = {
  ...ANALYSIS,
  drivers: {
    ...ANALYSIS.drivers,
    by: "sku",
    drivers: [
      { key: "S1", before: 140, after: 280, change: 140, shareOfChange: 0.875 },
      { key: "S2", before: 40, after: 60, change: 20, shareOfChange: 0.125 },
    ],
    names: { S1: "Orange", S2: "Apple" },
  },
};

describe("DemandAnalysisPage", () => {
  it("shows the node's trend, profile, mix to 100 % and the customers behind the change", async () => {
    const fetchMock = stubApi({
      "GET /api/workspace": WORKSPACE,
      "GET /api/plans/versions": { versions: [] },
      "GET /api/entities/segments/rows": {
        total: 2,
        offset: 0,
        limit: 100,
        rows: [
          { code: "RETAIL", name: "Retail" },
          { code: "WHOLESALE", name: "Wholesale" },
        ],
      },
      "GET /api/hierarchy/nodes": { nodes: [] },
      "GET /api/hierarchy/path": {
        path: [{ kind: "group", code: "FAM-A", name: "Juices", level: "family" }],
      },
      "GET /api/demand/analysis?node=FAM-A&nodeKind=group&by=sku&compare=year-over-year": SKUS,
      "GET /api/demand/analysis?node=FAM-A&nodeKind=group&by=customer&compare=year-over-year": ANALYSIS,
    });
    renderAt(<DemandAnalysisPage />, {
      path: "/demand/analysis",
      route: "/demand/analysis?node=FAM-A&kind=group",
    });
    const trend = await screen.findByTestId("analysis-trend");
    expect(trend.textContent).toContain("340");
    expect(trend.textContent).toContain("+88.9");
    expect(trend.textContent).toContain("+39.0% a year");
    expect(screen.getByTestId("analysis-profile").textContent).toContain("over the last 2 full years");
    const segments = screen.getByTestId("mix-segment");
    expect(
      within(segments)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual(["UnitsShare %", "Retail28082.35", "Wholesale6017.65", "Total340100.00"]);

    expect(screen.getByTestId("analysis-drivers").textContent).toContain("S2 Apple");
    fireEvent.change(screen.getByTestId("analysis-by"), { target: { value: "customer" } });
    const drivers = screen.getByTestId("analysis-drivers");
    await waitFor(() => expect(drivers.textContent).toContain("Web shop"));
    expect(
      within(drivers)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      "CustomerBeforeAfterChangeShare of the change %",
      "C1 Shop140280+14087.5",
      "C2 Cash & Carry060+6037.5",
      "C3 Web shop400−40−25.0",
      "Total180340+160100.0",
    ]);
    expect(drivers.textContent).toContain("What drives the change: +160 units");
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
      "/api/demand/analysis?node=FAM-A&nodeKind=group&by=customer&compare=year-over-year",
    );
  });
});
