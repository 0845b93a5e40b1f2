import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { HierarchyPage } from "./hierarchy-page";

// ECharts needs a real layout engine; the chart wrapper has its own browser test.
vi.mock("../components/chart", () => ({
  Chart: ({ testId }: { testId?: string }) => <div data-testid={testId} />,
}));

const SERIES = [
  { period: "2026-09", orderedQty: 1200, deliveredQty: 1180, cancelledQty: 10, revenue: 229900 },
  { period: "2026-10", orderedQty: 1000, deliveredQty: 1000, cancelledQty: 0, revenue: 190000 },
];

describe("HierarchyPage", () => {
  it("loads children lazily as a brand and a family are expanded", async () => {
    const fetchMock = stubApi({
      "GET /api/workspace": WORKSPACE,
      "GET /api/hierarchy/nodes": {
        nodes: [{ kind: "group", code: "BRAND-SUNNY", name: "Sunny Valley", level: "brand", children: 1 }],
      },
      "GET /api/hierarchy/nodes?parent=BRAND-SUNNY": {
        nodes: [{ kind: "group", code: "FAM-JUICE", name: "Orange juice", level: "family", children: 1 }],
      },
      "GET /api/hierarchy/nodes?parent=FAM-JUICE": {
        nodes: [
          {
            kind: "item",
            code: "SKU-0001",
            name: "Sunny Valley Orange juice Classic 1 l",
            level: "sku",
            children: 0,
          },
        ],
      },
      "GET /api/hierarchy/history": { code: null, name: "All products", series: SERIES },
    });
    renderAt(<HierarchyPage />, { path: "/demand/hierarchy", route: "/demand/hierarchy" });

    fireEvent.click(await screen.findByTestId("tree-toggle-group:BRAND-SUNNY"));
    fireEvent.click(await screen.findByTestId("tree-toggle-group:FAM-JUICE"));
    const sku = await screen.findByTestId("tree-node-item:SKU-0001");
    expect(sku.textContent).toContain("Classic 1 l");
    expect(sku.textContent).not.toContain("Sunny Valley");
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).toContain("/api/hierarchy/nodes?parent=FAM-JUICE");
  });

  it("shows the company's history in the chart and the monthly grid", async () => {
    stubApi({
      "GET /api/workspace": WORKSPACE,
      "GET /api/hierarchy/nodes": { nodes: [] },
      "GET /api/hierarchy/history": { code: null, name: "All products", series: SERIES },
    });
    renderAt(<HierarchyPage />, { path: "/demand/hierarchy", route: "/demand/hierarchy" });
    expect(await screen.findByTestId("history-chart")).toBeTruthy();
    const grid = screen.getByTestId("history-table");
    await waitFor(() => expect(grid.textContent).toContain("Oct 2026"));
    expect(grid.textContent).toContain("2,200"); // ordered over both months
    expect(grid.textContent).toContain("4,199"); // revenue in whole euros
    expect(grid.textContent).toContain("99.1"); // 2,180 delivered ÷ 2,200 ordered
  });
});
