// The monthly S&OP performance report as an Excel workbook: the scorecard of the month (value,
// twelve-month value, target, status, definition), each KPI's monthly trend, and the top exceptions.

import type { KpiUnit } from "@fulcrum/engines";
import ExcelJS from "exceljs";
import type { PerformanceReport } from "./performance-report";

const STATUS_FILL = { "on-target": "FFD9F2D9", near: "FFFFF2CC", "off-target": "FFF8D7DA" } as const;

export async function performanceReportWorkbook(
  report: PerformanceReport,
  minorDigits: number,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const value = (unit: KpiUnit, v: number | null) =>
    v === null ? null : unit === "money" ? v / 10 ** minorDigits : v;
  const format = (unit: KpiUnit) =>
    unit === "share" ? "0.0%" : unit === "money" ? "#,##0" : unit === "days" ? "0.0" : "0.00";

  const card = book.addWorksheet("Scorecard", { views: [{ state: "frozen", ySplit: 3 }] });
  card.addRow([`S&OP performance report ${report.month}`]).font = { bold: true, size: 14 };
  card.addRow([
    report.committedPlan.cyclePeriod
      ? `Measured against the committed plan of the ${report.committedPlan.cyclePeriod} cycle`
      : `No committed plan: ${report.committedPlan.reason}`,
  ]);
  card.addRow([
    "Area",
    "KPI",
    report.month,
    `${report.from} – ${report.month}`,
    "Target",
    "Status",
    "Definition",
  ]).font = {
    bold: true,
  };
  for (const k of report.kpis) {
    const row = card.addRow([
      k.area,
      k.name,
      value(k.unit, k.monthValue) ?? k.monthReason,
      value(k.unit, k.windowValue) ?? k.windowReason,
      value(k.unit, k.target),
      k.status ?? "no value",
      k.definition,
    ]);
    for (const n of [3, 4, 5]) row.getCell(n).numFmt = format(k.unit);
    if (k.status)
      row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_FILL[k.status] } };
    row.getCell(7).alignment = { wrapText: true, vertical: "top" };
  }
  for (const [n, width] of [
    [1, 11],
    [2, 30],
    [3, 14],
    [4, 18],
    [5, 10],
    [6, 11],
    [7, 90],
  ] as const)
    card.getColumn(n).width = width;

  const trends = book.addWorksheet("Trends", { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  const periods = report.kpis[0]?.trend.map((t) => t.period) ?? [];
  trends.addRow(["KPI", ...periods]).font = { bold: true };
  for (const k of report.kpis) {
    if (k.trend.length === 0) continue;
    const row = trends.addRow([k.name, ...k.trend.map((t) => value(k.unit, t.value))]);
    row.eachCell((c, n) => {
      if (n > 1) c.numFmt = format(k.unit);
    });
  }
  trends.getColumn(1).width = 30;

  const exceptions = book.addWorksheet("Exceptions");
  exceptions.addRow([
    "Kind",
    "Exception",
    "Subject",
    "Value at stake",
    "Acknowledged by",
    "Action",
    "Link",
  ]).font = {
    bold: true,
  };
  if (report.exceptions.length === 0) exceptions.addRow(["No exceptions recorded"]);
  for (const e of report.exceptions) {
    const row = exceptions.addRow([
      e.kind,
      e.title,
      e.subject,
      e.valueAtStake / 10 ** minorDigits,
      e.acknowledgedBy ?? "",
      e.action ?? "",
      e.link,
    ]);
    row.getCell(4).numFmt = "#,##0";
  }
  for (const [n, width] of [
    [1, 16],
    [2, 40],
    [3, 20],
    [4, 14],
    [5, 16],
    [6, 30],
    [7, 30],
  ] as const)
    exceptions.getColumn(n).width = width;
  return Buffer.from(await book.xlsx.writeBuffer());
}
