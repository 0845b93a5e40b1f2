import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SupplierRequirements, SupplierResponseChange } from "../api/suppliers";
import { SupplierResponsesPanel } from "../components/supplier-responses-panel";
import { renderAt, stubApi } from "../testing/render";
import { SupplierPortalPage } from "./supplier-portal-page";

const cell = (period: string, requested: number) => ({
  period,
  requested,
  orderPeriod: requested > 0 ? period : null,
  capacity: 5000,
  leadTimeDays: 14,
  source: "imported" as const,
  comment: "",
  respondedAt: null,
});

const REQUIREMENTS: SupplierRequirements = {
  supplier: { code: "SUP-03", name: "EuroPET Bottles" },
  run: { id: 7, strategy: "optimal", finishedAt: "2026-11-22T09:00:00.000Z" },
  periods: ["2026-11", "2026-12"],
  parts: [
    {
      sku: "RM-BTL-050",
      name: "PET bottle 0.5 l",
      importedCapacity: 5000,
      importedLeadTimeDays: 14,
      periods: [cell("2026-11", 4200), cell("2026-12", 0)],
    },
    {
      sku: "RM-BTL-100",
      name: "PET bottle 1 l",
      importedCapacity: 5000,
      importedLeadTimeDays: 14,
      periods: [cell("2026-11", 1300), { ...cell("2026-12", 900), capacity: 800, source: "counter" }],
    },
  ],
};

const at = { path: "/supplier", route: "/supplier" };

describe("SupplierPortalPage", () => {
  it("shows each part's requested units and what is in force per month", async () => {
    stubApi({ "GET /api/supplier/requirements": REQUIREMENTS });
    renderAt(<SupplierPortalPage />, at);
    const grid = await screen.findByTestId("supplier-grid");
    const btl100 = grid.querySelector('tbody[data-sku="RM-BTL-100"]') as HTMLElement;
    expect(within(btl100).getAllByRole("row")[0]?.textContent).toContain("1,300");
    expect(within(btl100).getAllByRole("row")[1]?.textContent).toContain("800 · 14 d counter");
    expect(screen.getByRole("heading", { name: "EuroPET Bottles" })).toBeTruthy();
    expect((screen.getByTestId("supplier-counter") as HTMLButtonElement).disabled).toBe(true);
  });

  it("counter-proposes only the months changed, with the comment", async () => {
    const fetchMock = stubApi({
      "GET /api/supplier/requirements": REQUIREMENTS,
      "POST /api/supplier/responses": { status: 201, body: { saved: 1 } },
    });
    renderAt(<SupplierPortalPage />, at);
    const input = await screen.findByLabelText("Capacity RM-BTL-050 2026-11");
    fireEvent.change(input, { target: { value: "3000" } });
    fireEvent.change(screen.getByLabelText("Lead time RM-BTL-050 2026-11"), { target: { value: "21" } });
    fireEvent.change(screen.getByTestId("supplier-comment"), { target: { value: "mould change" } });
    const counter = screen.getByTestId("supplier-counter");
    expect(counter.textContent).toBe("Counter-propose (1)");
    fireEvent.click(counter);
    await screen.findByTestId("supplier-saved");
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]?.body))).toEqual({
      responses: [
        {
          sku: "RM-BTL-050",
          period: "2026-11",
          capacity: 3000,
          leadTimeDays: 21,
          status: "counter",
          comment: "mould change",
        },
      ],
    });
  });

  it("confirms every month with a requirement at the figures in force", async () => {
    const fetchMock = stubApi({
      "GET /api/supplier/requirements": REQUIREMENTS,
      "POST /api/supplier/responses": { status: 201, body: { saved: 3 } },
    });
    renderAt(<SupplierPortalPage />, at);
    fireEvent.click(await screen.findByTestId("supplier-confirm"));
    await waitFor(() => expect(screen.getByTestId("supplier-saved").textContent).toContain("3 answers sent"));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    const sent = JSON.parse(String(post[1]?.body)).responses;
    expect(
      sent.map((r: { sku: string; period: string; capacity: number; status: string }) => [
        r.sku,
        r.period,
        r.capacity,
        r.status,
      ]),
    ).toEqual([
      ["RM-BTL-050", "2026-11", 5000, "confirmed"],
      ["RM-BTL-100", "2026-11", 5000, "confirmed"],
      ["RM-BTL-100", "2026-12", 800, "confirmed"],
    ]);
  });

  it("refuses to counter-propose a negative capacity", async () => {
    stubApi({ "GET /api/supplier/requirements": REQUIREMENTS });
    renderAt(<SupplierPortalPage />, at);
    fireEvent.change(await screen.findByLabelText("Capacity RM-BTL-050 2026-11"), {
      target: { value: "-5" },
    });
    expect((screen.getByTestId("supplier-counter") as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("SupplierResponsesPanel", () => {
  it("lists what each supplier changed, old → new, and whether a run used it", async () => {
    const change: SupplierResponseChange = {
      id: "3",
      supplier: "SUP-03",
      supplierName: "EuroPET Bottles",
      sku: "RM-BTL-050",
      period: "2026-12",
      status: "counter",
      requestedQuantity: 4200,
      oldCapacity: 5000,
      newCapacity: 3000,
      oldLeadTimeDays: 14,
      newLeadTimeDays: 21,
      comment: "mould change",
      respondedBy: "EuroPET Bottles",
      respondedAt: "2026-11-22T09:00:00.000Z",
      runId: 7,
      inForce: true,
      usedByRunId: null,
    };
    stubApi({
      "GET /api/supply/supplier-responses": { responses: [change, { ...change, id: "2", usedByRunId: 8 }] },
    });
    renderAt(<SupplierResponsesPanel />);
    const rows = within(await screen.findByRole("table", { name: "Supplier responses" })).getAllByRole("row");
    expect(rows[1]?.textContent).toContain("Counter-proposal");
    expect(rows[1]?.textContent).toContain("5,000 → 3,000");
    expect(rows[1]?.textContent).toContain("14 → 21");
    expect(rows[1]?.textContent).toContain("not yet");
    expect(rows[2]?.textContent).toContain("run #8");
  });
});
