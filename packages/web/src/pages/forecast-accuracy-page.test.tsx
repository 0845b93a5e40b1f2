import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ForecastAccuracy } from "../api/accuracy";
import { renderAt, stubApi } from "../testing/render";
import { ForecastAccuracyPage } from "./forecast-accuracy-page";

const at = { path: "/demand/accuracy", route: "/demand/accuracy" };
const step = (step: string, wape: number, fvaVsPrevious: number | null) => ({
  step,
  wape,
  mape: wape + 2,
  mase: 0.8,
  biasPct: 1.5,
  trackingSignal: 0.4,
  fvaVsPrevious,
  fvaVsStatistical: step === "naive" ? null : 10 - wape,
  fvaVsNaive: step === "naive" ? null : 16 - wape,
});
const ACCURACY: ForecastAccuracy = {
  lag: 1,
  level: "sku",
  from: "2025-12",
  to: "2026-11",
  months: [{ period: "2026-11", cycle: "2026-10", snapshotId: 3 }],
  cells: 150,
  steps: [
    step("naive", 16, null),
    step("statistical", 10, 6),
    step("sales", 12, -2),
    step("marketing", 12, 0),
    step("product", 12, 0),
    step("consensus", 9, 3),
  ] as ForecastAccuracy["steps"],
  trend: [{ period: "2026-11", wape: { naive: 16, statistical: 10, consensus: 9 } }],
  people: [
    {
      person: "Dana Demand",
      step: "consensus",
      cells: 12,
      wapeBefore: 14,
      wapeAfter: 9,
      wapeStatistical: 10,
      fva: 5,
      fvaVsStatistical: 1,
      biasPct: 2,
    },
  ],
  // Dana's value added over three cycles: +8 in September, nothing in October, −2 in November.
  peopleTrend: [
    {
      person: "Dana Demand",
      step: "consensus",
      periods: [
        { period: "2026-09", cycle: "2026-08", cells: 5, wapeBefore: 18, wapeAfter: 10, fva: 8 },
        { period: "2026-10", cycle: "2026-09", cells: 0, wapeBefore: null, wapeAfter: null, fva: null },
        { period: "2026-11", cycle: "2026-10", cells: 7, wapeBefore: 9, wapeAfter: 11, fva: -2 },
      ],
    },
  ],
  biasedSeries: [{ key: "SKU-0042", months: 6, biasUnits: 1200, trackingSignal: 5.5 }],
};

describe("ForecastAccuracyPage", () => {
  it("shows each step's accuracy with what it added, the people, and the biased series", async () => {
    stubApi({ "GET /api/demand/accuracy": ACCURACY });
    renderAt(<ForecastAccuracyPage />, at);
    const steps = await screen.findByTestId("fva-steps");
    const sales = steps.querySelector('tr[data-step="sales"]')!;
    expect(sales.textContent).toContain("12.0");
    expect(sales.querySelector(".tag")?.textContent).toBe("−2.0");
    expect(sales.querySelector(".tag")?.className).toContain("tag-danger");
    expect(steps.querySelector('tr[data-step="consensus"] .tag')?.className).toContain("tag-success");
    expect(screen.getByTestId("fva-people").textContent).toContain("Dana Demand");
    expect(screen.getByTestId("biased-series").textContent).toContain("SKU-0042");
  });

  it("shows each person's value added cycle by cycle, with a sparkline of it", async () => {
    stubApi({ "GET /api/demand/accuracy": ACCURACY });
    renderAt(<ForecastAccuracyPage />, at);
    const table = await screen.findByTestId("fva-people-trend");
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "Person",
      "Layer",
      "Trend",
      "Aug 2026",
      "Sep 2026",
      "Oct 2026",
    ]);
    const dana = table.querySelector('tr[data-person="Dana Demand"]')!;
    const cells = [...dana.querySelectorAll("td")].slice(2);
    expect(cells.map((td) => td.textContent)).toEqual(["+8.0", "–", "−2.0"]);
    expect(cells[0]!.querySelector(".tag")?.className).toContain("tag-success");
    expect(cells[2]!.querySelector(".tag")?.className).toContain("tag-danger");
    expect(cells[0]!.getAttribute("title")).toBe("5 SKU-months, WAPE 18.0 → 10.0");
    // Two points with a gap between them: dots, no line across the month without changes.
    const spark = screen.getByRole("img", { name: "Dana Demand's value added by cycle" });
    expect(spark.querySelectorAll("circle")).toHaveLength(2);
    expect(spark.querySelectorAll("polyline")).toHaveLength(0);
  });

  it("asks for the lag and level chosen, and explains an empty measurement", async () => {
    const fetchMock = stubApi({
      "GET /api/demand/accuracy?lag=1&level=sku": ACCURACY,
      "GET /api/demand/accuracy?lag=3&level=family": { ...ACCURACY, lag: 3, level: "family", cells: 0 },
    });
    renderAt(<ForecastAccuracyPage />, at);
    await screen.findByTestId("fva-steps");
    fireEvent.change(screen.getByTestId("accuracy-lag"), { target: { value: "3" } });
    fireEvent.change(screen.getByTestId("accuracy-level"), { target: { value: "family" } });
    expect((await screen.findByTestId("accuracy-empty")).textContent).toContain("3 cycles later");
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
        "/api/demand/accuracy?lag=3&level=family",
      ),
    );
  });
});
