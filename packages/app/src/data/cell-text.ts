// Typed values back to the text an import accepts, so every export re-imports unchanged.

import { type CellValue, type ColumnDef, type Currency, formatMoney } from "@fulcrum/domain";

export function toCellText(column: ColumnDef, value: CellValue | undefined, currency: Currency): string {
  if (value === null || value === undefined) return "";
  if (column.type.kind === "money" && typeof value === "number") return formatMoney(value, currency);
  return String(value);
}
