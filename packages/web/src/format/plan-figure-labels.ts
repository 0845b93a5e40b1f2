// The figures a comparison shows, in the order and words of the server's comparison workbook
// (comparison-workbook.ts), each with how it is formatted and which way is better — so a difference
// to the first plan can be coloured good or bad. Money is integer minor units; ratios are 0–1.

import type { CompanyCurrency } from "../api/types";
import { formatMoneyRounded, formatPercentFigure, formatQuantity } from "./numbers";

export type FigureFormat = "units" | "money" | "percent" | "ratio" | "days" | "hours";

export interface FigureDef {
  readonly key: string;
  readonly label: string;
  readonly format: FigureFormat;
  /** True when more is better, false when less is, null when neither (demand, stock). */
  readonly higherIsBetter: boolean | null;
}

export const PLAN_FIGURES: readonly FigureDef[] = [
  { key: "demandUnits", label: "Demand (units)", format: "units", higherIsBetter: null },
  { key: "servedUnits", label: "Served (units)", format: "units", higherIsBetter: true },
  { key: "lostUnits", label: "Lost sales (units)", format: "units", higherIsBetter: false },
  { key: "backlogUnits", label: "Backlog at end (units)", format: "units", higherIsBetter: false },
  { key: "revenue", label: "Revenue", format: "money", higherIsBetter: true },
  { key: "cogs", label: "Cost of goods sold", format: "money", higherIsBetter: null },
  { key: "grossMargin", label: "Gross margin", format: "money", higherIsBetter: true },
  { key: "grossMarginPercent", label: "Gross margin %", format: "percent", higherIsBetter: true },
  { key: "lostRevenue", label: "Lost sales (revenue)", format: "money", higherIsBetter: false },
  { key: "otif", label: "Projected OTIF %", format: "ratio", higherIsBetter: true },
  { key: "fillRate", label: "Fill rate %", format: "ratio", higherIsBetter: true },
  { key: "inventoryUnits", label: "Inventory at end (units)", format: "units", higherIsBetter: null },
  { key: "inventoryValue", label: "Inventory at end (value)", format: "money", higherIsBetter: false },
  { key: "daysOfCover", label: "Days of cover", format: "days", higherIsBetter: null },
];

export const WHOLE_PLAN_FIGURES: readonly FigureDef[] = [
  { key: "expediteCost", label: "Expedite & subcontract cost", format: "money", higherIsBetter: false },
  { key: "overtimeCost", label: "Overtime cost", format: "money", higherIsBetter: false },
  { key: "overtimeHours", label: "Overtime hours", format: "hours", higherIsBetter: false },
  { key: "capacityUtilisation", label: "Capacity utilisation %", format: "percent", higherIsBetter: null },
  { key: "operatingCashFlow", label: "Operating cash flow", format: "money", higherIsBetter: true },
  { key: "closingCash", label: "Cumulative cash at end", format: "money", higherIsBetter: true },
  { key: "totalCost", label: "Supply plan cost", format: "money", higherIsBetter: false },
];

/** A figure as shown in a column: money in whole major units, ratios as percent figures. */
export function formatFigure(value: number | null, format: FigureFormat, currency: CompanyCurrency): string {
  if (value === null) return "—";
  switch (format) {
    case "money":
      return formatMoneyRounded(value, currency);
    case "ratio":
      return formatPercentFigure(100 * value);
    case "percent":
    case "days":
      return formatPercentFigure(value);
    case "units":
    case "hours":
      return formatQuantity(value, 0);
  }
}

/** A difference with its sign, "+1,200" / "−3.5"; "" when there is none to show. */
export function formatDifference(
  value: number | null,
  format: FigureFormat,
  currency: CompanyCurrency,
): string {
  if (value === null) return "";
  const text = formatFigure(value, format, currency);
  return value > 0 && !/^0(\.0+)?$/.test(text) ? `+${text}` : text;
}

/**
 * Whether a difference to the first plan is good, bad or neither: "good" when it moves the way the
 * figure is better, "bad" the other way; "same" when it rounds to nothing on screen.
 */
export function differenceTone(
  difference: number | null,
  figure: FigureDef,
  currency: CompanyCurrency,
): "good" | "bad" | "same" | "neutral" {
  if (difference === null) return "neutral";
  if (/^[0.,]+$/.test(formatFigure(Math.abs(difference), figure.format, currency))) return "same";
  if (figure.higherIsBetter === null) return "neutral";
  return difference > 0 === figure.higherIsBetter ? "good" : "bad";
}
