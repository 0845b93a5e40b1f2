// The executive pack of a committed plan as an Excel workbook: what was decided and why, the
// financial plan month by month (revenue, margin, working capital, cash, budget gap), the product
// groups over the horizon, the scenario's changes and the cycle's decision log.

import ExcelJS from "exceljs";
import type { DecisionView } from "../cycle/decision-service";
import type { CommitService } from "./commit-service";

type CommittedPlan = Awaited<ReturnType<CommitService["get"]>>;

export async function executivePackWorkbook(
  plan: CommittedPlan,
  decisions: readonly DecisionView[],
  minorDigits: number,
): Promise<Buffer> {
  const money = (v: number | null | undefined) =>
    v === null || v === undefined ? null : v / 10 ** minorDigits;
  const book = new ExcelJS.Workbook();
  const finance = plan.summary.finance;
  const service = plan.summary.service;

  const summary = book.addWorksheet("Summary");
  summary.addRow([`Committed plan ${plan.cyclePeriod}`]).font = { bold: true, size: 14 };
  const horizon = finance?.total.horizon;
  const rows: [string, string | number | null, string?][] = [
    ["Plan", plan.scenarioName],
    ["Committed by", plan.committedBy],
    ["Committed at", plan.committedAt],
    ["Rationale", plan.rationale],
    ["Revenue", money(horizon?.revenue), "#,##0"],
    ["Gross margin", money(horizon?.grossMargin), "#,##0"],
    ["Gross margin %", horizon?.grossMarginPercent ?? null, "0.0"],
    ["Operating cash flow", money(horizon?.operatingCashFlow), "#,##0"],
    ["Working capital at end", money(horizon?.workingCapital), "#,##0"],
    ["Budget revenue", money(horizon?.budget.revenue), "#,##0"],
    ["Gap to budget", money(horizon?.budget.revenueGap), "#,##0"],
    ["Fill rate", service.fillRate, "0.0%"],
    ["Lost sales (revenue)", money(service.lostRevenue), "#,##0"],
    ["Supply plan cost", money(plan.summary.costs.total), "#,##0"],
  ];
  for (const [label, value, format] of rows) {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (format) row.getCell(2).numFmt = format;
  }
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 48;

  const months = book.addWorksheet("Financial plan", { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  const periods = finance?.total.byPeriod ?? [];
  months.addRow(["", ...periods.map((p) => p.period), "Horizon"]).font = { bold: true };
  const line = (label: string, pick: (f: NonNullable<typeof horizon>) => number | null, asMoney = true) => {
    const values = [...periods, ...(horizon ? [horizon] : [])].map((f) =>
      asMoney ? money(pick(f)) : pick(f),
    );
    const row = months.addRow([label, ...values]);
    row.eachCell((c, n) => {
      if (n > 1) c.numFmt = asMoney ? "#,##0" : "0.0";
    });
  };
  line("Units sold", (f) => f.unitsSold, false);
  line("Revenue", (f) => f.revenue);
  line("Material", (f) => f.cogs.material);
  line("Labour", (f) => f.cogs.labour);
  line("Overhead", (f) => f.cogs.overhead);
  line("Cost of goods sold", (f) => f.cogs.total);
  line("Gross margin", (f) => f.grossMargin);
  line("Gross margin %", (f) => f.grossMarginPercent, false);
  line("Inventory value", (f) => f.inventoryValue);
  line("Receivables", (f) => f.receivables);
  line("Payables", (f) => f.payables);
  line("Working capital", (f) => f.workingCapital);
  line("Cash in", (f) => f.cashIn);
  line("Cash out", (f) => f.cashOut.total);
  line("Operating cash flow", (f) => f.operatingCashFlow);
  line("Cumulative cash", (f) => f.cumulativeCash);
  line("Budget revenue", (f) => f.budget.revenue);
  line("Gap to budget revenue", (f) => f.budget.revenueGap);
  months.getColumn(1).width = 24;

  const groups = book.addWorksheet("By product group", { views: [{ state: "frozen", ySplit: 1 }] });
  groups.addRow([
    "Group",
    "Level",
    "Units",
    "Revenue",
    "COGS",
    "Gross margin",
    "Margin %",
    "Budget revenue",
    "Gap",
    "Market share",
  ]).font = {
    bold: true,
  };
  for (const g of finance?.groups ?? []) {
    const f = g.horizon;
    groups.addRow([
      g.code,
      g.level,
      f.unitsSold,
      money(f.revenue),
      money(f.cogs.total),
      money(f.grossMargin),
      f.grossMarginPercent,
      money(f.budget.revenue),
      money(f.budget.revenueGap),
      f.marketShare,
    ]);
  }
  groups.getColumn(10).numFmt = "0.0%";

  const changes = book.addWorksheet("Scenario changes");
  changes.addRow(["Change", "Reason", "By", "At"]).font = { bold: true };
  if (plan.changes.length === 0) changes.addRow(["The base plan, as the demand and supply reviews left it"]);
  for (const c of plan.changes) changes.addRow([c.summary, c.reason, c.createdBy, c.createdAt]);
  changes.getColumn(1).width = 60;

  const log = book.addWorksheet("Decisions");
  log.addRow(["Decision", "Rationale", "Owner", "Due", "Status", "Scenario"]).font = { bold: true };
  for (const d of decisions)
    log.addRow([
      d.title,
      d.rationale,
      d.owner.displayName,
      d.dueDate,
      d.overdue ? "overdue" : d.status,
      d.scenario?.name ?? "",
    ]);
  log.getColumn(1).width = 48;
  return Buffer.from(await book.xlsx.writeBuffer());
}
