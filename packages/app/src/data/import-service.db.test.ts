import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createFulcrum, type Fulcrum } from "../fulcrum";

let database: Database;
let fulcrum: Fulcrum;

beforeAll(async () => {
  database = await createTestDatabase();
  fulcrum = createFulcrum(database);
});
afterAll(() => database.close());

const csv = (...lines: string[]) => Buffer.from(`${lines.join("\n")}\n`);
const importCsv = (entity: string, content: Buffer, fileName = `${entity}.csv`) =>
  fulcrum.imports.importFile({ entity, fileName, content, userId: null });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("importing files", () => {
  it("imports master data in dependency order and reports what it inserted", async () => {
    expect(await importCsv("units_of_measure", csv("code,name", "EA,Each", "KG,Kilogram"))).toMatchObject({
      inserted: 2,
    });
    await importCsv(
      "product_groups",
      csv("code,name,level,parent_code", "FAM-J,Juices,family,BR-S", "BR-S,Sunny,brand,"),
    );
    const items = await importCsv(
      "items",
      csv(
        "sku,name,item_type,group_code,uom,status,unit_volume",
        "S1,Orange 1l,finished,FAM-J,EA,active,1.05",
        "S2,Apple 1l,finished,FAM-J,EA,active,",
      ),
    );
    expect(items).toEqual({
      status: "imported",
      entity: "items",
      fileName: "items.csv",
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
  });

  it("changes nothing when the same file is imported again, and updates only changed rows", async () => {
    const file = csv(
      "sku,name,item_type,group_code,uom,status,unit_volume",
      "S1,Orange 1l,finished,FAM-J,EA,active,1.05",
      "S2,Apple 1l,finished,FAM-J,EA,active,",
    );
    expect(await importCsv("items", file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const changed = csv(
      "sku,name,item_type,group_code,uom,status,unit_volume",
      "S1,Orange 1l,finished,FAM-J,EA,active,1.05",
      "S2,Apple juice 1l,finished,FAM-J,EA,active,",
    );
    expect(await importCsv("items", changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
  });

  it("rejects a bad file whole, naming file, row and column, and writes nothing", async () => {
    const before = await database.pool.query("SELECT sku, name FROM items ORDER BY sku");
    const error = await rejection(
      importCsv(
        "items",
        csv(
          "sku,name,item_type,group_code,uom,status,unit_volume",
          "S3,Lemon 1l,finished,FAM-J,EA,active,1",
          "S1,Renamed,finished,FAM-J,BOX,active,1",
          "S4,Lime 1l,gadget,FAM-J,EA,active,-1",
          "S3,Lemon again,finished,FAM-J,EA,active,1",
        ),
        "my items.csv",
      ),
    );
    expect(error.code).toBe("invalid_import");
    expect(error.message).toBe("my items.csv has 4 problems; nothing was imported");
    expect(error.details?.issues?.map((i) => `${i.file}:${i.row}:${i.column}: ${i.message}`)).toEqual([
      'my items.csv:3:uom: unknown Unit "BOX"',
      "my items.csv:4:item_type: must be one of finished, component, raw",
      "my items.csv:4:unit_volume: must not be negative",
      "my items.csv:5:sku: duplicate key (sku S3); first on row 2",
    ]);
    const after = await database.pool.query("SELECT sku, name FROM items ORDER BY sku");
    expect(after.rows).toEqual(before.rows);
    const run = await database.pool.query(
      "SELECT status, issue_count FROM import_runs ORDER BY id DESC LIMIT 1",
    );
    expect(run.rows[0]).toEqual({ status: "rejected", issue_count: 4 });
  });

  it("rejects a BOM that references itself and one that closes a cycle", async () => {
    await importCsv(
      "items",
      csv(
        "sku,name,item_type,group_code,uom,status,unit_volume",
        "C1,Bottle,component,,EA,active,",
        "R1,Resin,raw,,KG,active,",
      ),
    );
    await importCsv("bom", csv("parent_sku,component_sku,qty_per,scrap_pct", "S1,C1,1,", "C1,R1,0.03,2"));
    const error = await rejection(
      importCsv("bom", csv("parent_sku,component_sku,qty_per,scrap_pct", "R1,S1,1,", "S2,S2,1,")),
    );
    expect(error.details?.issues?.map((i) => [i.row, i.column, i.message])).toEqual([
      [3, "component_sku", "references itself"],
      [2, "component_sku", "forms a cycle: R1 → S1 → C1 → R1"],
    ]);
  });

  it("reads semicolon-separated CSV and day-first dates from European spreadsheets", async () => {
    await importCsv("locations", csv("code,name,location_type,region", "DC1,North DC,dc,North"));
    const result = await importCsv(
      "inventory",
      csv("sku;location;snapshot_date;on_hand", "S1;DC1;31/10/2026;1500"),
    );
    expect(result.inserted).toBe(1);
    const row = await database.pool.query("SELECT snapshot_date, on_hand FROM inventory");
    expect(row.rows).toEqual([{ snapshot_date: "2026-10-31", on_hand: 1500 }]);
  });

  it("imports an Excel workbook from the sheet named like the entity, with sheet and row in errors", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("notes").addRow(["ignore me"]);
    const sheet = workbook.addWorksheet("segments");
    sheet.addRow(["code", "name", "priority"]);
    sheet.addRow(["RETAIL", "Retail", 1]);
    sheet.addRow(["ONLINE", "Online", "first"]);
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = await rejection(importCsv("segments", bad, "segments.xlsx"));
    expect(error.details?.issues).toEqual([
      {
        file: "segments.xlsx",
        sheet: "segments",
        row: 3,
        column: "priority",
        value: "first",
        message: "is not a whole number",
      },
    ]);
    sheet.getRow(3).getCell(3).value = 2;
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await importCsv("segments", good, "segments.xlsx")).toMatchObject({ inserted: 2 });
  });

  it("exports in import format so that an export re-imports unchanged", async () => {
    await importCsv(
      "prices",
      csv(
        "sku,segment,valid_from,valid_to,unit_price",
        "S1,RETAIL,2026-01-01,,1.95",
        "S1,,2026-01-01,2026-12-31,2.10",
      ),
    );
    const download = await fulcrum.exports.export("prices", "csv");
    const chunks: Buffer[] = [];
    for await (const chunk of download.body) chunks.push(Buffer.from(chunk as Buffer));
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text).toBe(
      "sku,segment,valid_from,valid_to,unit_price\nS1,,2026-01-01,2026-12-31,2.10\nS1,RETAIL,2026-01-01,,1.95\n",
    );
    expect(await importCsv("prices", Buffer.from(text))).toMatchObject({
      rows: 2,
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it("gives a clear error for an empty file and a file that is not CSV or Excel", async () => {
    const empty = await rejection(importCsv("items", Buffer.from("")));
    expect(empty.details?.issues?.[0]?.message).toMatch(/is empty/);
    const pdf = await rejection(importCsv("items", Buffer.from("%PDF"), "items.pdf"));
    expect(pdf.details?.issues?.[0]?.message).toBe("is not a .csv or .xlsx file");
    const broken = await rejection(importCsv("items", Buffer.from("not a zip"), "items.xlsx"));
    expect(broken.details?.issues?.[0]?.message).toBe("is not a readable Excel (.xlsx) workbook");
  });
});
