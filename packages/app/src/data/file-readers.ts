// Reads an uploaded CSV or Excel file as rows of cell text with the row number a spreadsheet shows,
// so validation messages point at the exact place. CSV streams; Excel is read sheet by sheet.

import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";

export type FileFormat = "csv" | "xlsx";

export interface FileRow {
  /** 1-based row number as a spreadsheet shows it. */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface OpenedFile {
  readonly format: FileFormat;
  readonly sheet?: string;
  readonly rows: AsyncIterable<FileRow>;
}

export function formatOf(fileName: string): FileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

/**
 * Rows of a CSV file. The delimiter is a comma, or a semicolon when the header uses semicolons
 * (what spreadsheets write in locales with a decimal comma). A UTF-8 byte-order mark is ignored.
 */
export async function* readCsv(source: Readable | Buffer): AsyncGenerator<FileRow> {
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
  const { delimiter, stream } = await sniffDelimiter(input);
  const parser = stream.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, relax_quotes: false }),
  );
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row++;
    yield { row, cells };
  }
}

/** Rows of the sheet named like the entity, or of the first sheet. */
export async function openXlsx(
  content: Buffer,
  preferredSheet: string,
): Promise<{ sheet: string; rows: AsyncIterable<FileRow> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(preferredSheet) ?? workbook.worksheets[0];
  if (!sheet) return { sheet: preferredSheet, rows: (async function* () {})() };
  async function* rows(): AsyncGenerator<FileRow> {
    const width = sheet!.columnCount;
    for (let r = 1; r <= sheet!.rowCount; r++) {
      const row = sheet!.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      yield { row: r, cells };
    }
  }
  return { sheet: sheet.name, rows: rows() };
}

/** What a person sees in an Excel cell, as text: dates as ISO, formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

async function sniffDelimiter(input: Readable): Promise<{ delimiter: string; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  const firstLine = head.toString("utf8").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  async function* rest() {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { delimiter, stream: Readable.from(rest()) };
}
