import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, openDemoServer } from "../testing/demo-server";

let server: DemoServer;
let versionId: number;

beforeAll(async () => {
  server = await openDemoServer();
  const scenarioId = await server.fulcrum.plans.baseScenario(null);
  versionId = (
    await server.fulcrum.plans.createVersion({
      scenarioId,
      kind: "demand",
      user: null,
      cyclePeriod: "2026-11",
    })
  ).id;
  const { rows } = await server.database.pool.query(
    "SELECT sku FROM items WHERE item_type = 'finished' ORDER BY sku LIMIT 2",
  );
  for (const [i, { sku }] of rows.entries())
    for (const period of ["2026-11", "2026-12"])
      await server.database.pool.query(
        "INSERT INTO plan_values (version_id, measure, sku, period, value) VALUES ($1, 'demand.statistical', $2, $3, $4)",
        [versionId, sku, period, 100 * (i + 1)],
      );
});
afterAll(() => server.close());

describe("demand review export", () => {
  it("answers the grid's view as a workbook with a line per layer and numbers as numbers", async () => {
    const cookie = await server.login("dana");
    const response = await server.send(
      cookie,
      `/api/plans/versions/${versionId}/demand.xlsx?from=2026-11&to=2026-12`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`demand-plan-v${versionId}-all.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet("Demand plan")!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      "Level",
      "Code",
      "Name",
      "Layer",
      "2026-11",
      "2026-12",
    ]);
    // The company row first: 100 + 200 statistical in each month.
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      "company",
      "",
      "All products",
      "Statistical",
      300,
      300,
    ]);
  });
});
