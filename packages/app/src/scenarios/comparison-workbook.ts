// A comparison as an Excel workbook: the figures side by side with each plan's difference to the
// first, the months, and the drill-down children — numbers as numbers, money in major units.

import ExcelJS from "exceljs";
import type { PlanFigures, WholePlanFigures } from "./plan-figures";
import type { Comparison } from "./scenario-comparison-service";

type Format = "units" | "money" | "percent" | "ratio" | "days" | "hours";

export const FIGURES: readonly { key: keyof PlanFigures; label: string; format: Format }[] = [
  { key: "demandUnits", label: "Demand (units)", format: "units" },
  { key: "servedUnits", label: "Served (units)", format: "units" },
  { key: "lostUnits", label: "Lost sales (units)", format: "units" },
  { key: "backlogUnits", label: "Backlog at end (units)", format: "units" },
  { key: "revenue", label: "Revenue", format: "money" },
  { key: "cogs", label: "Cost of goods sold", format: "money" },
  { key: "grossMargin", label: "Gross margin", format: "money" },
  { key: "grossMarginPercent", label: "Gross margin %", format: "percent" },
  { key: "lostRevenue", label: "Lost sales (revenue)", format: "money" },
  { key: "otif", label: "Projected OTIF", format: "ratio" },
  { key: "fillRate", label: "Fill rate", format: "ratio" },
  { key: "inventoryUnits", label: "Inventory at end (units)", format: "units" },
  { key: "inventoryValue", label: "Inventory at end (value)", format: "money" },
  { key: "daysOfCover", label: "Days of cover", format: "days" },
];

export const WHOLE_PLAN_FIGURES: readonly { key: keyof WholePlanFigures; label: string; format: Format }[] = [
  { key: "expediteCost", label: "Expedite & subcontract cost (horizon)", format: "money" },
  { key: "overtimeCost", label: "Overtime cost (horizon)", format: "money" },
  { key: "overtimeHours", label: "Overtime hours", format: "hours" },
  { key: "capacityUtilisation", label: "Capacity utilisation %", format: "percent" },
  { key: "operatingCashFlow", label: "Operating cash flow", format: "money" },
  { key: "closingCash", label: "Cumulative cash at end", format: "money" },
  { key: "totalCost", label: "Supply plan cost (horizon)", format: "money" },
];

const NUMBER_FORMAT: Record<Format, string> = {
  units: "#,##0",
  money: "#,##0",
  percent: "0.0",
  ratio: "0.0%",
  days: "0.0",
  hours: "#,##0",
};

/** Money figures in major units (the sheet's readers think in euros, not cents). */
const cell = (value: number | null, format: Format, minor: number) =>
  value === null ? null : format === "money" ? value / minor : value;

export async function comparisonWorkbook(comparison: Comparison, minorDigits: number): Promise<Buffer> {
  const minor = 10 ** minorDigits;
  const book = new ExcelJS.Workbook();
  const cols = comparison.columns;
  const title = `${comparison.node.name}, ${comparison.periods[0] ?? ""}–${comparison.periods.at(-1) ?? ""}`;

  const side = book.addWorksheet("Comparison", { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  side.addRow([title]).font = { bold: true };
  side.addRow([
    "Figure",
    ...cols.map((c) => c.label),
    ...cols.slice(1).map((c) => `${c.label} − ${cols[0]!.label}`),
  ]).font = {
    bold: true,
  };
  const addRows = <K extends string>(
    list: readonly { key: K; label: string; format: Format }[],
    value: (c: (typeof cols)[number], key: K) => number | null,
  ) => {
    for (const f of list) {
      const values = cols.map((c) => value(c, f.key));
      const base = values[0] ?? null;
      const row = side.addRow([
        f.label,
        ...values.map((v) => cell(v, f.format, minor)),
        ...values.slice(1).map((v) => (v === null || base === null ? null : cell(v - base, f.format, minor))),
      ]);
      row.eachCell((c, n) => {
        if (n > 1) c.numFmt = NUMBER_FORMAT[f.format];
      });
    }
  };
  addRows(FIGURES, (c, key) => c.figures[key]);
  addRows(WHOLE_PLAN_FIGURES, (c, key) => c.wholePlan[key]);
  side.getColumn(1).width = 40;

  const months = book.addWorksheet("By month", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  months.addRow(["Plan", "Figure", ...comparison.periods]).font = { bold: true };
  for (const c of cols)
    for (const f of FIGURES.filter((f) => f.format === "units" || f.format === "money"))
      months.addRow([c.label, f.label, ...c.byPeriod.map((p) => cell(p[f.key], f.format, minor))]);

  const drill = book.addWorksheet("Drill-down", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const shown = FIGURES.filter((f) =>
    ["demandUnits", "servedUnits", "revenue", "grossMargin", "lostRevenue"].includes(f.key),
  );
  drill.addRow(["Code", "Name", ...cols.flatMap((c) => shown.map((f) => `${c.label}: ${f.label}`))]).font = {
    bold: true,
  };
  comparison.children.forEach((child, i) => {
    drill.addRow([
      child.code,
      child.name,
      ...cols.flatMap((c) => shown.map((f) => cell(c.children[i]?.figures[f.key] ?? null, f.format, minor))),
    ]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
