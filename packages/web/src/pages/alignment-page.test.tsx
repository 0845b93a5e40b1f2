import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Alignment, GapRow, SegmentService } from "../api/scenarios";
import { DANA, WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { BASE, SCENARIOS } from "../testing/scenario-fixtures";
import { AlignmentPage } from "./alignment-page";

const gap = (over: Partial<GapRow>): GapRow => ({
  group: "JUICE",
  segment: "RETAIL",
  period: "2026-11",
  demandUnits: 100,
  demandRevenue: 100_000,
  servedUnits: 80,
  servedRevenue: 80_000,
  gapUnits: 20,
  prebuildUnits: 0,
  overtimeHours: 2,
  overtimeCost: 10_000,
  subcontractUnits: 5,
  subcontractCost: 2_500,
  backlogUnits: 20,
  lostUnits: 0,
  lostRevenue: 0,
  ...over,
});
const service = (segment: string, fillRate: number, revenue: number): SegmentService => ({
  segment,
  lines: 2,
  linesInFull: 1,
  demand: 100,
  allocated: 100 * fillRate,
  fillRate,
  otif: 0.5,
  revenue,
  lostRevenue: 0,
  margin: 0,
  backlogAtEnd: 0,
  lostUnits: 0,
});
const ALIGNMENT: Alignment = {
  scenario: BASE,
  supplyRunId: 7,
  periods: ["2026-11", "2026-12"],
  gap: [
    gap({}),
    // December serves the backlog and loses 10 units at €12 each to the key accounts.
    gap({
      period: "2026-12",
      servedUnits: 120,
      gapUnits: 0,
      backlogUnits: 5,
      overtimeHours: 0,
      overtimeCost: 0,
    }),
    gap({ segment: "KEY", period: "2026-12", backlogUnits: 0, lostUnits: 10, lostRevenue: 12_000 }),
  ],
  allocation: {
    asPlanned: [service("RETAIL", 0.8, 80_000), service("KEY", 0.9, 90_000)],
    byRule: {
      priority: [service("RETAIL", 0.7, 70_000), service("KEY", 1, 100_000)],
      margin: [service("RETAIL", 0.95, 95_000), service("KEY", 0.75, 75_000)],
      "fair-share": [service("RETAIL", 0.85, 85_000), service("KEY", 0.85, 85_000)],
    },
  },
};

const at = { path: "/alignment/gap", route: "/alignment/gap" };

describe("AlignmentPage", () => {
  it("totals the gap per family, keeps backlog as the end balance, and filters by segment", async () => {
    stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/workspace": WORKSPACE,
      "GET /api/scenarios": SCENARIOS,
      "GET /api/scenarios/1/alignment": ALIGNMENT,
    });
    renderAt(<AlignmentPage />, at);
    const table = await screen.findByTestId("alignment-gap");
    const family = () => table.querySelector('tr[data-family="JUICE"]')!;
    const value = (measure: string) => family().querySelector(`td[data-measure="${measure}"]`)?.textContent;
    expect(value("demandUnits")).toBe("300");
    expect(value("gapUnits")).toBe("40"); // 20 + 0 + 20
    expect(value("overtimeCost")).toBe("200"); // 2 × €100 in minor units
    expect(value("backlogUnits")).toBe("5"); // December's 5 + 0, not a sum of months
    expect(value("lostRevenue")).toBe("120");
    expect(table.querySelector("tr[data-row]")).toBeNull();
    fireEvent.click(family().querySelector("button")!);
    expect(table.querySelectorAll("tr[data-row]")).toHaveLength(3);

    fireEvent.change(screen.getByTestId("alignment-segment"), { target: { value: "RETAIL" } });
    await waitFor(() => expect(value("demandUnits")).toBe("200"));
    expect(value("lostRevenue")).toBe("0");
  });

  it("shows each segment's service under the chosen rule beside the plan's own split", async () => {
    stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/workspace": WORKSPACE,
      "GET /api/scenarios": SCENARIOS,
      "GET /api/scenarios/1/alignment": ALIGNMENT,
    });
    renderAt(<AlignmentPage />, at);
    const panel = await screen.findByTestId("alignment-allocation");
    const cells = () => [...panel.querySelectorAll('tr[data-segment="RETAIL"] td')].map((c) => c.textContent);
    // Fill rate as planned, by rule; OTIF; revenue; lost revenue.
    expect(cells().slice(0, 2)).toEqual(["80.0", "70.0"]);
    fireEvent.change(screen.getByTestId("allocation-rule"), { target: { value: "margin" } });
    expect(cells().slice(0, 2)).toEqual(["80.0", "95.0"]);
    expect(cells()[5]).toBe("950");
  });
});
