// The report for a rejected import: how many problems, that nothing was written, and each problem
// with the file, sheet, row and column a planner needs to find and fix the cell.

import type { ImportIssue } from "@fulcrum/domain";
import { formatCount } from "../format/numbers";
import { DataGrid, type GridColumn } from "./data-grid";
import { Num } from "./num";

export interface ErrorReportProps {
  readonly fileName: string;
  readonly entityLabel: string;
  readonly message: string;
  readonly issueCount: number;
  readonly issues: readonly ImportIssue[];
}

const SHEET = "sheet";
const COLUMNS: readonly GridColumn<ImportIssue>[] = [
  {
    key: "row",
    header: "Row",
    align: "right",
    width: 64,
    render: (i) => (i.row > 0 ? <Num>{i.row}</Num> : "–"),
  },
  {
    key: "column",
    header: "Column",
    width: 150,
    render: (i) => (i.column ? <span className="code">{i.column}</span> : "–"),
  },
  {
    key: "value",
    header: "Value",
    width: 160,
    render: (i) =>
      i.value !== undefined && i.value !== "" ? (
        <span className="issue-value">{i.value}</span>
      ) : (
        <span className="cell-empty" />
      ),
  },
  { key: "message", header: "Problem", render: (i) => i.message },
  { key: SHEET, header: "Sheet", width: 110, render: (i) => i.sheet ?? "" },
  { key: "file", header: "File", width: 180, render: (i) => i.file },
];

export function ErrorReport({ fileName, entityLabel, message, issueCount, issues }: ErrorReportProps) {
  const shown = issues.length;
  // CSV files have no sheets; an always-empty column would only push the message aside.
  const columns = issues.some((issue) => issue.sheet) ? COLUMNS : COLUMNS.filter((c) => c.key !== SHEET);
  return (
    <section
      className="error-report"
      data-testid="import-error-report"
      aria-labelledby="error-report-title"
      title={message}
    >
      <header className="error-report-head">
        <div className="error-report-icon" aria-hidden="true">
          !
        </div>
        <div>
          <h2 id="error-report-title" className="error-report-title">
            Nothing was imported: {fileName} has {formatCount(issueCount)}{" "}
            {issueCount === 1 ? "problem" : "problems"}
          </h2>
          <p className="error-report-text">
            The import into <strong>{entityLabel}</strong> is all-or-nothing, so no rows were changed. Fix the
            cells below and upload the file again.
          </p>
        </div>
        <div className="error-report-count" data-testid="import-issue-count">
          <Num>{formatCount(issueCount)}</Num>
          <span>{issueCount === 1 ? "issue" : "issues"}</span>
        </div>
      </header>
      {shown < issueCount ? (
        <p className="error-report-note">
          Showing the first {formatCount(shown)} of {formatCount(issueCount)} problems.
        </p>
      ) : null}
      <DataGrid
        label="Import problems"
        testId="import-issues"
        columns={columns}
        rows={issues}
        rowKey={(issue, index) => `${index}:${issue.row}:${issue.column ?? ""}`}
        maxHeight={480}
      />
    </section>
  );
}
