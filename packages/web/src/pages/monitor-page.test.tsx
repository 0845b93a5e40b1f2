import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SupplyKpis } from "../api/monitoring";
import { WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { MonitorPage } from "./monitor-page";

const at = { path: "/monitor", route: "/monitor" };
const KPIS: SupplyKpis = {
  from: "2025-12",
  to: "2026-11",
  tolerance: 0.05,
  plans: [{ period: "2026-11", versionId: 4, cyclePeriod: "2026-11" }],
  attainment: {
    total: { key: null, planned: 10_000, actual: 9_200, attainment: 0.9, withinTolerance: 0.5 },
    byPlant: [
      { key: "PLANT-1", planned: 6_000, actual: 6_000, attainment: 1, withinTolerance: 1 },
      { key: "PLANT-2", planned: 4_000, actual: 3_200, attainment: 0.8, withinTolerance: 0 },
    ],
    byResource: [{ key: "P1-FILL-1", planned: 120, actual: 118, attainment: 118 / 120, withinTolerance: 1 }],
    bySku: [{ key: "SKU-0007", planned: 4_000, actual: 3_200, attainment: 0.8, withinTolerance: 0 }],
  },
  inventory: {
    total: { actualValue: 1_250_000, plannedValue: 1_000_000, deviationValue: 250_000, belowSafetyStock: 1 },
    positions: 2,
    rows: [
      {
        key: "SKU-0007@DC-NORTH",
        period: "2026-11",
        deviation: -400,
        deviationShare: -0.5,
        actualValue: 100_000,
        plannedValue: 200_000,
        deviationValue: -100_000,
        coverDays: 12,
        plannedCoverDays: null,
        versusTarget: -500,
        safetyShortfall: 100,
        status: "below-safety-stock",
      },
    ],
  },
};

const service = (key: string, unitFillRate: number, otif: number) => ({
  key,
  lines: 10,
  requested: 1_000,
  unitFillRate,
  lineFillRate: 0.8,
  otif,
  cancelledLines: 1,
  cancelledUnits: 20,
  cancelledShare: 0.02,
});
const ORDERS = {
  from: "2025-12",
  to: "2026-11",
  total: service("all", 0.875, 0.7),
  byMonth: [service("2026-11", 0.875, 0.7)],
  bySegment: [service("KEY", 0.95, 0.6), service("RETAIL", 0.8, 0.75)],
  byFamily: [],
};

describe("MonitorPage", () => {
  it("shows plan attainment coloured against its target and the stock furthest from plan", async () => {
    stubApi({
      "GET /api/workspace": WORKSPACE,
      "GET /api/imports": { imports: [] },
      "GET /api/monitoring/supply": KPIS,
      "GET /api/monitoring/orders": ORDERS,
    });
    renderAt(<MonitorPage />, at);
    expect((await screen.findByTestId("order-service-stats")).textContent).toContain("87.5");
    expect(
      screen.getByTestId("order-service-segments").querySelector('tr[data-key="KEY"]')?.textContent,
    ).toContain("60.0");
    const stats = await screen.findByTestId("supply-performance-stats");
    expect(stats.textContent).toContain("90.0");
    expect(stats.textContent).toContain("2,500");
    const plants = screen.getByTestId("attainment-plants");
    expect(plants.querySelector('tr[data-key="PLANT-1"] .tag')?.className).toContain("tag-success");
    expect(plants.querySelector('tr[data-key="PLANT-2"] .tag')?.className).toContain("tag-danger");
    const row = within(screen.getByTestId("inventory-vs-plan")).getAllByRole("row")[1]!;
    expect(row.textContent).toContain("SKU-0007@DC-NORTH");
    expect(row.textContent).toContain("below safety stock");
    expect(row.textContent).toContain("–");
  });

  it("says why nothing is measured before a supply plan has covered a closed month", async () => {
    stubApi({
      "GET /api/workspace": WORKSPACE,
      "GET /api/imports": { imports: [] },
      "GET /api/monitoring/supply": {
        ...KPIS,
        plans: [{ period: "2026-11", versionId: null, cyclePeriod: null }],
      },
    });
    renderAt(<MonitorPage />, at);
    expect((await screen.findByTestId("supply-performance-empty")).textContent).toContain("No supply plan");
  });
});
