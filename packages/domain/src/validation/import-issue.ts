// A problem found in an imported file, located precisely enough that a planner can open the file
// and fix it: file, sheet (for Excel), row as the spreadsheet numbers it, and column header.

export interface ImportIssue {
  readonly file: string;
  readonly sheet?: string;
  /** 1-based row as a spreadsheet shows it; the header is row 1. 0 for a file-level problem. */
  readonly row: number;
  readonly column?: string;
  /** The offending cell text, when there is one. */
  readonly value?: string;
  readonly message: string;
}

export function describeIssue(issue: ImportIssue): string {
  const where = [
    issue.file,
    issue.sheet && `sheet ${issue.sheet}`,
    issue.row > 0 && `row ${issue.row}`,
    issue.column && `column ${issue.column}`,
  ]
    .filter(Boolean)
    .join(", ");
  const value = issue.value !== undefined && issue.value !== "" ? ` (value "${issue.value}")` : "";
  return `${where}: ${issue.message}${value}`;
}
