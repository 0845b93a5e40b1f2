import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import "../testing/render";
import { ErrorReport } from "./error-report";

describe("ErrorReport", () => {
  it("lists every issue with its row and column and says nothing was imported", () => {
    render(
      <ErrorReport
        fileName="items.csv"
        entityLabel="Items"
        message="items.csv has 2 problems; nothing was imported"
        issueCount={2}
        issues={[
          { file: "items.csv", row: 4, column: "uom", value: "BOX", message: 'unknown Unit "BOX"' },
          { file: "items.csv", row: 7, column: "unit_volume", value: "-3", message: "must not be negative" },
        ]}
      />,
    );
    expect(
      screen.getByRole("heading", { name: /Nothing was imported: items.csv has 2 problems/ }),
    ).toBeTruthy();
    const table = screen.getByRole("table", { name: "Import problems" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText("4")).toBeTruthy();
    expect(within(rows[0]!).getByText("uom")).toBeTruthy();
    expect(within(rows[0]!).getByText("BOX")).toBeTruthy();
    expect(within(rows[1]!).getByText("unit_volume")).toBeTruthy();
    expect(within(rows[1]!).getByText("must not be negative")).toBeTruthy();
  });

  it("notes when only the first issues are listed", () => {
    render(
      <ErrorReport
        fileName="sales.csv"
        entityLabel="Sales history"
        message=""
        issueCount={1200}
        issues={[{ file: "sales.csv", row: 2, column: "sku", value: "X", message: "unknown SKU" }]}
      />,
    );
    expect(screen.getByText("Showing the first 1 of 1,200 problems.")).toBeTruthy();
    expect(screen.getByTestId("import-issue-count").textContent).toContain("1,200");
  });
});
