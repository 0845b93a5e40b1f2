import { fireEvent, screen } from "@testing-library/react";
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
