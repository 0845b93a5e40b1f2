// Turns typed demo rows back into the cell text a user would import, for the validation tests.

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
