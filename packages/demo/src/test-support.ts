// Helpers the demo tests share: the default company built once per test file, and rows turned
// back into the cell text a user would import.

import { type ColumnDef, type EntityDef, EUR, formatMoney, type ImportRow } from "@fulcrum/domain";

/** The text a spreadsheet cell would hold for a typed value: money with two decimals. */
export function cellText(column: ColumnDef, value: ImportRow[string] | undefined): string {
  if (value === null || value === undefined) return "";
  if (column.type.kind === "money" && typeof value === "number") return formatMoney(value, EUR);
  return String(value);
}

export function cells(entity: EntityDef, row: ImportRow): string[] {
  return entity.columns.map((c) => cellText(c, row[c.name]));
}

/** Sum of a numeric column per value of a string column, e.g. requested units per SKU. */
export function sumBy(
  rows: readonly ImportRow[],
  key: (row: ImportRow) => string,
  value: string,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    sums.set(k, (sums.get(k) ?? 0) + Number(row[value] ?? 0));
  }
  return sums;
}
