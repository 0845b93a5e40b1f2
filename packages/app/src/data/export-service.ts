// Exports an entity to CSV or Excel in exactly the import format, and produces the downloadable
// templates (the header plus one example row). Rows stream from the database in key order.

import { PassThrough, type Readable } from "node:stream";
import { type Currency, type EntityDef, findEntity } from "@fulcrum/domain";
import { type Database, streamRows } from "@fulcrum/storage";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { AppError } from "../errors";
import { toCellText } from "./cell-text";
import type { FileFormat } from "./file-readers";

export interface Download {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Readable;
}

const CONTENT_TYPE: Record<FileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export class ExportService {
  constructor(
    private readonly database: Database,
    private readonly currency: () => Promise<Currency>,
  ) {}

  async export(entityName: string, format: FileFormat): Promise<Download> {
    const entity = this.entity(entityName);
    const currency = await this.currency();
    const pool = this.database.pool;
    async function* rows(): AsyncGenerator<string[]> {
      for await (const batch of streamRows(pool, entity)) {
        for (const row of batch) yield entity.columns.map((c) => toCellText(c, row[c.name], currency));
      }
    }
    return this.download(entity, `${entity.name}.${format}`, format, rows());
  }

  template(entityName: string, format: FileFormat): Download {
    const entity = this.entity(entityName);
    async function* example(): AsyncGenerator<string[]> {
      yield entity.columns.map((c) => c.example);
    }
    return this.download(entity, `${entity.name}-template.${format}`, format, example());
  }

  private download(
    entity: EntityDef,
    fileName: string,
    format: FileFormat,
    rows: AsyncIterable<string[]>,
  ): Download {
    const header = entity.columns.map((c) => c.name);
    const body = format === "csv" ? csvStream(header, rows) : xlsxStream(entity, rows);
    return { fileName, contentType: CONTENT_TYPE[format], body };
  }

  private entity(name: string): EntityDef {
    const entity = findEntity(name);
    if (!entity) throw new AppError("not_found", `no entity named ${name}`);
    return entity;
  }
}

function csvStream(header: string[], rows: AsyncIterable<string[]>): Readable {
  const csv = stringify({ header: false, record_delimiter: "\n" });
  (async () => {
    csv.write(header);
    for await (const row of rows) if (!csv.write(row)) await new Promise((r) => csv.once("drain", r));
    csv.end();
  })().catch((error: Error) => csv.destroy(error));
  return csv;
}

function xlsxStream(entity: EntityDef, rows: AsyncIterable<string[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(entity.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = entity.columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.max(12, c.name.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    sheet.getRow(1).commit();
    for await (const row of rows) {
      // Cells stay text, exactly as an import reads them, so codes like "0010" keep their zeros.
      sheet.addRow(row).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
