import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DANA } from "../testing/fixtures";
import { GROUP_FORECAST, NO_FORECAST, RUN, SKU_FORECAST } from "../testing/forecast-fixtures";
import { renderAt, stubApi } from "../testing/render";
import { ForecastPage } from "./forecast-page";

// ECharts needs a real layout engine; the chart option has its own test.
vi.mock("../components/chart", () => ({
  Chart: ({ testId }: { testId?: string }) => <div data-testid={testId} />,
}));

const SAM = { user: { username: "sam", displayName: "Sam Sales", role: "sales" } };
const TREE = { nodes: [] };

describe("ForecastPage", () => {
  it("shows the history and says so when no forecast has been run yet", async () => {
    stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/hierarchy/nodes": TREE,
      "GET /api/forecasts/latest/node": NO_FORECAST,
    });
    renderAt(<ForecastPage />, { path: "/demand/forecast", route: "/demand/forecast" });
    expect((await screen.findByTestId("forecast-empty")).textContent).toContain(
      "No statistical forecast yet",
    );
    expect(screen.getByTestId("forecast-chart")).toBeTruthy();
    expect(screen.queryByTestId("forecast-scoreboard")).toBeNull();
  });

  it("explains a SKU's model and lists its scoreboard with the chosen method flagged", async () => {
    const fetchMock = stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/hierarchy/nodes": TREE,
      "GET /api/hierarchy/path": { path: [] },
      "GET /api/forecasts/latest/node": SKU_FORECAST,
    });
    renderAt(<ForecastPage />, {
      path: "/demand/forecast",
      route: "/demand/forecast?node=SKU-0001&kind=item",
    });
    const explanation = await screen.findByTestId("forecast-explanation");
    expect(explanation.textContent).toContain("Default combination for smooth demand");
    const rows = screen.getByTestId("forecast-scoreboard").querySelectorAll("tbody tr");
    expect(rows).toHaveLength(3);
    expect(rows[1]?.getAttribute("data-chosen")).toBe("true");
    expect(rows[1]?.textContent).toContain("Combination");
    expect(rows[1]?.textContent).toContain("chosen");
    expect(rows[0]?.textContent).toContain("110.0");
    const stats = screen.getByTestId("forecast-stats").textContent ?? "";
    expect(stats).toContain("2,110"); // P50 over the two forecast months
    expect(stats).toContain("12.0 % of demand");
    expect(stats).toContain("0.84");
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).toContain("/api/forecasts/latest/node?code=SKU-0001&kind=item");
  });

  it("shows a group's own reconciled model beside the mix of its series' methods", async () => {
    stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/hierarchy/nodes": TREE,
      "GET /api/hierarchy/path": { path: [] },
      "GET /api/forecasts/latest/node": GROUP_FORECAST,
    });
    renderAt(<ForecastPage />, { path: "/demand/forecast", route: "/demand/forecast?node=JUICE&kind=group" });
    const model = await screen.findByTestId("forecast-model");
    expect(model.textContent).toContain("This level's own model");
    expect(model.textContent).toContain("mean of ETS(A,A,A), dynamic optimised Theta");
    expect(screen.getByTestId("forecast-methods").textContent).toContain("SBA");
    expect(document.body.textContent).toContain("reconciled with the levels below (MinT-shrink, λ = 0.42)");
  });

  it("runs a forecast at the chosen level and follows its progress until the view reloads", async () => {
    let polls = 0;
    const fetchMock = stubApi({
      "GET /api/auth/me": DANA,
      "GET /api/hierarchy/nodes": TREE,
      "GET /api/forecasts/latest/node": NO_FORECAST,
      "POST /api/forecasts": { status: 202, body: { jobId: "job-1" } },
      get "GET /api/forecasts/jobs/job-1"() {
        polls++;
        return polls === 1
          ? {
              id: "job-1",
              state: "active",
              output: null,
              createdOn: "",
              completedOn: null,
              run: { ...RUN, status: "running", done: 3, total: 10 },
            }
          : {
              id: "job-1",
              state: "completed",
              output: {},
              createdOn: "",
              completedOn: "",
              run: { ...RUN, series: 10, done: 10, total: 10 },
            };
      },
    });
    renderAt(<ForecastPage />, { path: "/demand/forecast", route: "/demand/forecast" });
    await screen.findByTestId("forecast-empty");
    fireEvent.change(screen.getByTestId("forecast-level"), { target: { value: "sku-location" } });
    fireEvent.click(screen.getByTestId("forecast-run-button"));

    const progress = await screen.findByTestId("forecast-progress");
    await waitFor(() => expect(progress.textContent).toContain("3 of 10 series"));
    expect(screen.getByTestId("forecast-run-button").hasAttribute("disabled")).toBe(true);
    await waitFor(() => expect(progress.textContent).toContain("Done: 10 series"), { timeout: 3000 });

    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({ level: "sku-location" });
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.filter(([url]) => String(url).startsWith("/api/forecasts/latest/node")).length,
      ).toBe(2),
    );
  });

  it("offers the run only to the roles that may run it", async () => {
    stubApi({
      "GET /api/auth/me": SAM,
      "GET /api/hierarchy/nodes": TREE,
      "GET /api/forecasts/latest/node": NO_FORECAST,
    });
    renderAt(<ForecastPage />, { path: "/demand/forecast", route: "/demand/forecast" });
    await screen.findByTestId("forecast-empty");
    expect(screen.queryByTestId("forecast-run-button")).toBeNull();
  });
});
