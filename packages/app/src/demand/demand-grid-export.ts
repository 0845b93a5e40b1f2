// Any view of the demand review as an Excel workbook: the rows of the grid (the node, then its
// children) × its months, quarters or years, one line per layer that holds figures, numbers as
// numbers so the sheet can be summed and charted as it is.

import ExcelJS from "exceljs";
import type { DemandGrid } from "./demand-grid";
import { DEMAND_LAYERS } from "./demand-layers";

const LAYER_NAMES: Record<(typeof DEMAND_LAYERS)[number], string> = {
  "demand.statistical": "Statistical",
  "demand.sales": "Sales",
  "demand.marketing": "Marketing",
  "demand.product": "Product",
  "demand.consensus": "Consensus",
};

export async function demandGridWorkbook(grid: DemandGrid, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Demand plan", { views: [{ state: "frozen", xSplit: 4, ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true };
  const header = sheet.addRow(["Level", "Code", "Name", "Layer", ...grid.buckets.map((b) => b.bucket)]);
  header.font = { bold: true };
  for (const row of grid.rows)
    for (const layer of DEMAND_LAYERS) {
      const values = row.layers[layer];
      if (!values?.some((v) => v !== null)) continue;
      sheet.addRow([
        row.level,
        row.code ?? "",
        row.name,
        LAYER_NAMES[layer],
        ...values.map((v) => v ?? null),
      ]);
    }
  for (let c = 5; c <= 4 + grid.buckets.length; c++) sheet.getColumn(c).numFmt = "#,##0";
  sheet.getColumn(3).width = 32;
  return Buffer.from(await book.xlsx.writeBuffer());
}
