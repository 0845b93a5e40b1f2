import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ITEMS, WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { EntityBrowserPage } from "./entity-browser-page";

const ROWS = {
  total: 1234,
  offset: 0,
  limit: 50,
  rows: [
    { sku: "SKU-0001", valid_from: "2026-01-01", unit_price: 123456, status: "phase_out" },
    { sku: "SKU-0002", valid_from: "2026-02-01", unit_price: 195, status: null },
  ],
};

function open(route = "/data/prices") {
  const fetchMock = stubApi({
    "GET /api/entities": { entities: [ITEMS] },
    "GET /api/workspace": WORKSPACE,
    "GET /api/entities/prices/rows": ROWS,
  });
  renderAt(<EntityBrowserPage />, { path: "/data/:entity", route });
  return fetchMock;
}

const rowRequests = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes("/rows"));

describe("EntityBrowserPage", () => {
  it("formats values by column type and shows the total", async () => {
    open();
    const grid = await screen.findByRole("table", { name: "Prices" });
    const price = await within(grid).findByText("1,234.56");
    expect(price.closest("td")?.className).toContain("align-right");
    expect(within(grid).getByText("01 Jan 2026")).toBeTruthy();
    expect(within(grid).getByText("phase out").className).toContain("tag");
    expect(within(grid).getByText("EUR")).toBeTruthy();
    expect(screen.getByTestId("row-total").textContent).toBe("1,234 rows");
    expect(screen.getByTestId("pager").textContent).toContain("1–50 of 1,234");
  });

  it("asks the server for the first page with the default page size", async () => {
    const fetchMock = open();
    await screen.findByText("1,234.56");
    expect(rowRequests(fetchMock)[0]).toBe("/api/entities/prices/rows?offset=0&limit=50");
  });

  it("sorts on the server when a header is clicked", async () => {
    const fetchMock = open();
    await screen.findByText("1,234.56");
    fireEvent.click(screen.getByRole("button", { name: /Unit price/ }));
    await waitFor(() =>
      expect(rowRequests(fetchMock).some((url) => url.includes("sort=unit_price&dir=asc"))).toBe(true),
    );
  });

  it("reads search and page from the address", async () => {
    const fetchMock = open("/data/prices?q=SKU-00&page=3");
    await screen.findByText("1,234.56");
    expect(rowRequests(fetchMock)[0]).toBe("/api/entities/prices/rows?search=SKU-00&offset=100&limit=50");
  });

  it("links to the template and export files", async () => {
    open();
    await screen.findByText("1,234.56");
    expect(screen.getByTestId("export-csv").getAttribute("href")).toBe("/api/entities/prices/export.csv");
  });
});
