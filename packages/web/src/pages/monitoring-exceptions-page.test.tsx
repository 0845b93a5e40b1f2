import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MonitoringException, MonitoringExceptionList } from "../api/monitoring-exceptions";
import { NextCycleExceptionsPanel } from "../components/next-cycle-exceptions-panel";
import { DANA, WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { MonitoringExceptionsPage } from "./monitoring-exceptions-page";

const at = { path: "/monitor/exceptions", route: "/monitor/exceptions" };
const SAM = { user: { username: "sam", displayName: "Sam Sales", role: "sales" } };

const BIAS: MonitoringException = {
  key: "forecast-bias:S1:2026-10",
  kind: "forecast-bias",
  title: "S1 over-forecast by more than 10 % for 3 months",
  subject: { type: "sku", code: "S1", name: "Orange" },
  periods: ["2026-08", "2026-09", "2026-10"],
  valueAtStake: 9_000_000,
  measured: 0.3,
  limit: 0.1,
  units: 90,
  trackingSignal: 3,
  link: "/demand/forecast?node=S1&kind=item",
  acknowledgedBy: null,
  acknowledgedAt: null,
  action: null,
  status: "open",
};
const STOCK: MonitoringException = {
  ...BIAS,
  key: "inventory-above-max:S2@DC:2026-10",
  kind: "inventory-above-max",
  title: "S2@DC holds 50 units above its maximum of 150",
  subject: { type: "position", code: "S2@DC", name: "Apple" },
  periods: ["2026-10"],
  valueAtStake: 500_000,
  trackingSignal: null,
  link: "/data/inventory?q=S2",
  acknowledgedBy: "Sol Supply",
  acknowledgedAt: "2026-11-20T10:00:00.000Z",
  action: "Moved 50 to the south DC",
  status: "acknowledged",
};
const LIST: MonitoringExceptionList = {
  cycle: "2026-11",
  from: "2026-05",
  to: "2026-10",
  biasPeriods: 3,
  exceptions: [BIAS, STOCK],
};

describe("MonitoringExceptionsPage", () => {
  it("lists the exceptions largest value at stake first, each with its data link and who acknowledged it", async () => {
    stubApi({
      "GET /api/monitoring/exceptions?months=6&biasPeriods=3": LIST,
      "GET /api/workspace": WORKSPACE,
      "GET /api/auth/me": SAM,
    });
    renderAt(<MonitoringExceptionsPage />, at);
    const table = await screen.findByRole("table", { name: "Monitoring exceptions" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-key"))).toEqual([BIAS.key, STOCK.key]);
    // 9,000,000 cents = 90,000 EUR.
    expect(rows[0]!.textContent).toContain("90,000");
    expect(rows[0]!.textContent).toContain("Aug 2026–Oct 2026 (3 months)");
    expect(rows[0]!.textContent).toContain("Orange · tracking signal 3.0");
    expect(within(rows[0]!).getByTestId("exception-link").getAttribute("href")).toBe(
      "/demand/forecast?node=S1&kind=item",
    );
    // The time is shown in the viewer's zone.
    expect(within(rows[1]!).getByTestId("exception-acknowledged").textContent).toMatch(
      /^Sol Supply, 20 Nov 2026, \d\d:\d\d: Moved 50 to the south DC$/,
    );
    expect(screen.getByText("May 2026–Oct 2026 · 2 exceptions, 1 open")).toBeTruthy();
    // Sales reads them but does not acknowledge.
    expect(within(rows[0]!).getByTestId("exception-toggle").textContent).toBe("History");
  });

  it("narrows the list to one kind, offering only the kinds listed with their counts", async () => {
    stubApi({
      "GET /api/monitoring/exceptions?months=6&biasPeriods=3": LIST,
      "GET /api/workspace": WORKSPACE,
      "GET /api/auth/me": SAM,
    });
    renderAt(<MonitoringExceptionsPage />, at);
    await screen.findByRole("table", { name: "Monitoring exceptions" });
    const select = screen.getByTestId("exceptions-kind") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "all kinds",
      "forecast bias (1)",
      "stock above max (1)",
    ]);
    fireEvent.change(select, { target: { value: "inventory-above-max" } });
    const rows = within(screen.getByRole("table", { name: "Monitoring exceptions" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows.map((r) => r.getAttribute("data-key"))).toEqual([STOCK.key]);
  });

  it("acknowledges an exception only with what was done, sending the window listed", async () => {
    const fetchMock = stubApi({
      "GET /api/monitoring/exceptions?months=6&biasPeriods=3": LIST,
      "GET /api/workspace": WORKSPACE,
      "GET /api/auth/me": DANA,
      [`GET /api/monitoring/exceptions/${encodeURIComponent(BIAS.key)}`]: {
        exception: BIAS,
        acknowledgements: [],
      },
      [`POST /api/monitoring/exceptions/${encodeURIComponent(BIAS.key)}/acknowledgements`]: {
        status: 201,
        body: { exception: { ...BIAS, status: "acknowledged" }, acknowledgements: [] },
      },
    });
    renderAt(<MonitoringExceptionsPage />, at);
    const table = await screen.findByRole("table", { name: "Monitoring exceptions" });
    fireEvent.click(within(table).getAllByTestId("exception-toggle")[0]!);
    await screen.findByText("Not acknowledged yet.");
    const submit = screen.getByTestId("acknowledge-submit");
    expect(submit).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByTestId("acknowledge-action"), {
      target: { value: "  Lowered the consensus  " },
    });
    expect(submit).toHaveProperty("disabled", false);
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByTestId("acknowledge-action")).toHaveProperty("value", ""));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      action: "Lowered the consensus",
      status: "acknowledged",
      months: 6,
      biasPeriods: 3,
    });
  });
});

describe("NextCycleExceptionsPanel", () => {
  it("shows the open exceptions only, linking each to its data and to the whole list", async () => {
    stubApi({ "GET /api/monitoring/exceptions": LIST });
    renderAt(<NextCycleExceptionsPanel currency={WORKSPACE.company.currency} />);
    const table = await screen.findByRole("table", { name: "Open exceptions" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((r) => r.getAttribute("data-key"))).toEqual([BIAS.key]);
    expect(within(rows[0]!).getByRole("link").getAttribute("href")).toBe(
      "/demand/forecast?node=S1&kind=item",
    );
    expect(screen.getByTestId("next-cycle-exceptions-all").getAttribute("href")).toBe("/monitor/exceptions");
    expect(screen.getByText("1 open from the last closed months, largest value at stake first")).toBeTruthy();
  });
});
