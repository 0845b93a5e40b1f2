import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DANA, ITEMS } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { ImportPage } from "./import-page";

const REJECTED = {
  status: 422,
  body: {
    error: { code: "invalid_import", message: "prices.csv has 2 problems; nothing was imported" },
    status: "rejected",
    entity: "prices",
    fileName: "prices.csv",
    issueCount: 2,
    issues: [
      { file: "prices.csv", row: 3, column: "sku", value: "SKU-9999", message: 'unknown SKU "SKU-9999"' },
      { file: "prices.csv", row: 5, column: "unit_price", value: "-1", message: "must not be negative" },
    ],
  },
};

function open(answer: unknown) {
  const fetchMock = stubApi({
    "GET /api/entities": { entities: [ITEMS] },
    "GET /api/auth/me": DANA,
    "GET /api/imports": { imports: [] },
    "POST /api/imports": answer,
  });
  renderAt(<ImportPage />, { path: "/data/import", route: "/data/import?entity=prices" });
  return fetchMock;
}

async function upload() {
  const input = await screen.findByTestId("import-file");
  const file = new File(["sku,valid_from,unit_price\n"], "prices.csv", { type: "text/csv" });
  fireEvent.change(input, { target: { files: [file] } });
  fireEvent.click(screen.getByTestId("import-submit"));
}

describe("ImportPage", () => {
  it("sends the entity and the file as multipart form data", async () => {
    const fetchMock = open({
      status: "imported",
      entity: "prices",
      fileName: "prices.csv",
      rows: 2,
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    await upload();
    await screen.findByTestId("import-success");
    const [, init] = fetchMock.mock.calls.find(([, options]) => options?.method === "POST") ?? [];
    const form = init?.body as FormData;
    expect(form.get("entity")).toBe("prices");
    expect((form.get("file") as File).name).toBe("prices.csv");
  });

  it("shows what an accepted file changed", async () => {
    open({
      status: "imported",
      entity: "prices",
      fileName: "prices.csv",
      rows: 2,
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    await upload();
    const success = await screen.findByTestId("import-success");
    expect(success.textContent).toContain("Inserted1");
    expect(success.textContent).toContain("Updated1");
    expect(success.textContent).toContain("Unchanged0");
  });

  it("shows the issues of a rejected file and that nothing was imported", async () => {
    open(REJECTED);
    await upload();
    const report = await screen.findByTestId("import-error-report");
    expect(report.textContent).toContain("Nothing was imported: prices.csv has 2 problems");
    const rows = within(screen.getByTestId("import-issues")).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('3skuSKU-9999unknown SKU "SKU-9999"'),
      expect.stringContaining("5unit_price-1must not be negative"),
    ]);
    expect(screen.queryByTestId("import-success")).toBeNull();
  });

  it("explains a refusal that is not about the file", async () => {
    open({ status: 403, body: { error: { code: "forbidden", message: "Executives cannot import" } } });
    await upload();
    expect((await screen.findByRole("alert")).textContent).toContain("Executives cannot import");
  });
});
