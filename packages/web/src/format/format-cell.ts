// How a value of each catalogue column type reads in a grid: text, alignment and a tone, decided
// in one place so every browser and report formats a money or date column the same way.

import type { ColumnType } from "@fulcrum/domain";
import type { CellValue, CompanyCurrency } from "../api/types";
import { formatDate, formatPeriod } from "./dates";
import { formatCount, formatMoney, formatPercent, formatQuantity } from "./numbers";

export interface FormattedCell {
  readonly text: string;
  readonly align: "left" | "right" | "center";
  /** `tag` renders as a small label (enums); `code` in the identifier face; `empty` muted. */
  readonly look: "plain" | "number" | "tag" | "code" | "empty";
  readonly negative?: boolean;
}

/** Right-aligned kinds: everything a planner compares by magnitude. */
export function isNumericType(type: ColumnType): boolean {
  return ["integer", "quantity", "percent", "money"].includes(type.kind);
}

/** The unit a column header shows, when the column type has one. */
export function columnUnit(type: ColumnType, currency: CompanyCurrency): string | null {
  if (type.kind === "money") return currency.code;
  if (type.kind === "percent") return "%";
  return null;
}

export function formatCell(type: ColumnType, value: CellValue, currency: CompanyCurrency): FormattedCell {
  const numeric = isNumericType(type);
  if (value === null || value === "") {
    return { text: "", align: numeric ? "right" : "left", look: "empty" };
  }
  const n = typeof value === "number" ? value : Number(value);
  switch (type.kind) {
    case "money":
      return { text: formatMoney(n, currency), align: "right", look: "number", negative: n < 0 };
    case "quantity":
      return { text: formatQuantity(n, 3), align: "right", look: "number", negative: n < 0 };
    case "integer":
      return { text: formatCount(n), align: "right", look: "number", negative: n < 0 };
    case "percent":
      // The unit sits in the header; cells keep only the figure so they line up.
      return { text: formatPercent(n, 2).replace(/%$/, ""), align: "right", look: "number" };
    case "date":
      return { text: formatDate(String(value)), align: "left", look: "plain" };
    case "period":
      return { text: formatPeriod(String(value)), align: "left", look: "plain" };
    case "enum":
      return { text: String(value).replaceAll("_", " "), align: "left", look: "tag" };
    case "boolean": {
      const yes = value === true || value === "true" || value === 1;
      return { text: yes ? "Yes" : "No", align: "center", look: "plain" };
    }
    case "code":
      return { text: String(value), align: "left", look: "code" };
    case "text":
      return { text: String(value), align: "left", look: "plain" };
  }
}
