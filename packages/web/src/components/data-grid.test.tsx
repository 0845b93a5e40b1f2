import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import "../testing/render";
import { DataGrid, type GridColumn } from "./data-grid";
import { Num } from "./num";

interface Row {
  sku: string;
  qty: number;
}

const columns: GridColumn<Row>[] = [
  { key: "sku", header: "SKU", sortable: true, render: (r) => r.sku },
  {
    key: "qty",
    header: "Quantity",
    align: "right",
    sortable: true,
    render: (r) => <Num>{r.qty.toLocaleString("en-US")}</Num>,
  },
];
const rows: Row[] = [
  { sku: "SKU-0001", qty: 1500 },
  { sku: "SKU-0002", qty: 25 },
];

describe("DataGrid", () => {
  it("renders a row per record with numbers right-aligned", () => {
    render(<DataGrid label="Items" columns={columns} rows={rows} rowKey={(r) => r.sku} />);
    const table = screen.getByRole("table", { name: "Items" });
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows).toHaveLength(2);
    const quantity = within(bodyRows[0]!).getByText("1,500");
    expect(quantity.closest("td")?.className).toContain("align-right");
    expect(quantity.className).toContain("num");
    expect(within(bodyRows[0]!).getByText("SKU-0001").closest("td")?.className).toContain("align-left");
  });

  it("reports header clicks and marks the sorted column", () => {
    const onSort = vi.fn();
    render(
      <DataGrid
        label="Items"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.sku}
        sort={{ key: "qty", dir: "desc" }}
        onSort={onSort}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: /SKU/ }));
    expect(onSort).toHaveBeenCalledWith("sku");
    expect(screen.getByRole("columnheader", { name: /Quantity/ }).getAttribute("aria-sort")).toBe(
      "descending",
    );
  });

  it("says so when there are no rows", () => {
    render(<DataGrid label="Items" columns={columns} rows={[]} rowKey={(r) => r.sku} empty="Nothing yet" />);
    expect(screen.getByText("Nothing yet")).toBeTruthy();
  });

  it("numbers rows from the page offset", () => {
    render(
      <DataGrid label="Items" columns={columns} rows={rows} rowKey={(r) => r.sku} firstRowNumber={51} />,
    );
    expect(screen.getByText("52")).toBeTruthy();
  });
});
