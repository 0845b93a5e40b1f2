import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AtpView } from "../api/promising";
import { renderAt, stubApi } from "../testing/render";
import { PromisingPage } from "./promising-page";

const at = { path: "/monitor/promising", route: "/monitor/promising" };
const ATP: AtpView = {
  sku: "SKU-0001",
  location: "DC-NORTH",
  committedPlanId: 1,
  cyclePeriod: "2026-11",
  periods: ["2026-11", "2026-12"],
  onHand: 50,
  receipts: [0, 100],
  committed: [30, 20],
  discrete: [20, 80],
  cumulative: [20, 100],
  uncovered: 0,
  promised: [0, 10],
  available: [{ segment: "*", cumulative: [20, 90] }],
  atRisk: [],
};

describe("PromisingPage", () => {
  it("shows a SKU-location's ATP and quotes a request", async () => {
    const fetchMock = stubApi({
      "GET /api/promising/atp?sku=SKU-0001&location=DC-NORTH": ATP,
      "POST /api/promising/promises": {
        kind: "partial",
        lines: [
          { period: "2026-11", quantity: 20 },
          { period: "2026-12", quantity: 10 },
        ],
        promised: 30,
        unpromised: 0,
      },
    });
    renderAt(<PromisingPage />, at);
    fireEvent.change(screen.getByTestId("atp-sku"), { target: { value: "SKU-0001" } });
    fireEvent.change(screen.getByTestId("atp-location"), { target: { value: "DC-NORTH" } });
    fireEvent.click(screen.getByTestId("atp-show"));
    const table = await screen.findByTestId("atp-table");
    expect(table.querySelector('tr[data-key="2026-12"]')?.textContent).toContain("90");
    fireEvent.change(screen.getByTestId("promise-quantity"), { target: { value: "30" } });
    fireEvent.change(screen.getByTestId("promise-segment"), { target: { value: "RETAIL" } });
    fireEvent.click(screen.getByTestId("promise-quote"));
    expect((await screen.findByTestId("promise-answer")).textContent).toBe(
      "Quote (partial): 20 in 2026-11, 10 in 2026-12",
    );
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      sku: "SKU-0001",
      location: "DC-NORTH",
      quantity: 30,
      period: "2026-11",
      segment: "RETAIL",
      accept: false,
    });
  });
});

describe("PromisingPage capable-to-promise, cancelling and risks", () => {
  const RISKS = {
    committedPlanId: 2,
    cyclePeriod: "2026-12",
    atRisk: [
      {
        id: 7,
        sku: "SKU-0001",
        location: "DC-NORTH",
        customer: "CUST-0001",
        quantity: 50,
        uncovered: 20,
        achievablePeriod: null,
        notify: "sam",
      },
    ],
  };
  const PROMISE = {
    id: 7,
    kind: "full",
    sku: "SKU-0001",
    location: "DC-NORTH",
    segment: "RETAIL",
    customer: "CUST-0001",
    quantity: 50,
    requestedPeriod: "2026-12",
    status: "accepted",
    lines: [{ period: "2026-12", quantity: 50, source: "atp" }],
    createdBy: "Sam Sales",
    createdAt: "2026-11-22T09:00:00Z",
    cancellation: null,
  };

  it("offers what ATP lacks as made, and promises it that way", async () => {
    const fetchMock = stubApi({
      "GET /api/promising/atp?sku=SKU-0001&location=DC-NORTH": ATP,
      "GET /api/promising/promises": { promises: [] },
      "GET /api/promising/at-risk": { ...RISKS, atRisk: [] },
      "POST /api/promising/promises": {
        kind: "later",
        lines: [{ period: "2026-12", quantity: 90 }],
        promised: 90,
        unpromised: 10,
        ctp: {
          kind: "partial",
          lines: [
            { period: "2026-11", quantity: 20, source: "atp" },
            { period: "2026-12", quantity: 80, source: "ctp" },
          ],
          promised: 100,
          unpromised: 0,
          made: 80,
          madeBy: "2026-12",
          limitedBy: "capacity",
        },
      },
    });
    renderAt(<PromisingPage />, at);
    fireEvent.change(screen.getByTestId("atp-sku"), { target: { value: "SKU-0001" } });
    fireEvent.change(screen.getByTestId("atp-location"), { target: { value: "DC-NORTH" } });
    fireEvent.click(screen.getByTestId("atp-show"));
    await screen.findByTestId("atp-table");
    expect(await screen.findByText("The committed plan meets every accepted promise.")).toBeTruthy();
    fireEvent.change(screen.getByTestId("promise-quantity"), { target: { value: "100" } });
    fireEvent.change(screen.getByTestId("promise-segment"), { target: { value: "RETAIL" } });
    fireEvent.click(screen.getByTestId("promise-quote"));
    expect((await screen.findByTestId("promise-ctp")).textContent).toContain(
      "Capable-to-promise (partial): 20 in 2026-11, 80 in 2026-12 (to be made)",
    );
    fireEvent.click(screen.getByTestId("promise-accept-ctp"));
    await waitFor(() => {
      const posts = fetchMock.mock.calls.filter(([, init]) => init?.method === "POST");
      expect(posts).toHaveLength(2);
      expect(JSON.parse(String(posts[1]![1]!.body))).toMatchObject({ accept: true, capableToPromise: true });
    });
  });

  it("shows the promise a notification links to, cancels it with a reason, and lists those at risk", async () => {
    const fetchMock = stubApi({
      "GET /api/promising/promises?id=7": { promises: [PROMISE] },
      "GET /api/promising/at-risk": RISKS,
      "POST /api/promising/promises/7/cancel": { ...PROMISE, status: "cancelled" },
      "POST /api/promising/at-risk/check": { ...RISKS, notified: 0 },
    });
    renderAt(<PromisingPage />, { ...at, route: "/monitor/promising?promise=7" });
    const row = await screen.findByText("#7 SKU-0001 at DC-NORTH");
    expect(row.closest("tr")!.textContent).toContain("50 in 2026-12");
    const risk = (await screen.findByTestId("at-risk-table")).querySelector('tr[data-promise="7"]')!;
    expect(risk.textContent).toContain("Not within the plan");
    expect(risk.textContent).toContain("sam");
    expect((screen.getByTestId("cancel-promise") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId("cancel-reason"), { target: { value: "order withdrawn" } });
    fireEvent.click(screen.getByTestId("cancel-promise"));
    fireEvent.click(screen.getByTestId("at-risk-check"));
    expect((await screen.findByTestId("at-risk-notified")).textContent).toBe("Everyone was already told.");
    const cancel = fetchMock.mock.calls.find(([url]) => String(url).endsWith("/promises/7/cancel"))!;
    expect(JSON.parse(String(cancel[1]!.body))).toEqual({ reason: "order withdrawn" });
  });
});
