// The list of import runs, accepted and rejected, with what each changed. A rejected run wrote
// nothing, so it shows its issue count instead of zero inserts that could be misread.

import { Link } from "react-router";
import type { ImportRun } from "../api/types";
import { formatTimestamp } from "../format/dates";
import { formatCount } from "../format/numbers";
import { DataGrid, type GridColumn } from "./data-grid";
import { Num } from "./num";
import { Tag } from "./tag";

const COMPACT_COLUMNS = ["at", "entity", "status"];

function count(value: number | null | undefined) {
  return value === null || value === undefined ? (
    <span className="cell-empty" />
  ) : (
    <Num>{formatCount(value)}</Num>
  );
}

function changed(run: ImportRun, value: number | null) {
  return run.status === "rejected" ? <span className="cell-empty" /> : count(value);
}

function result(run: ImportRun) {
  if (run.status === "imported") return <Tag tone="success">imported</Tag>;
  const issues = run.issueCount ?? null;
  return (
    <Tag tone="danger" title="Rejected: nothing was written">
      rejected{issues !== null ? ` · ${formatCount(issues)} ${issues === 1 ? "issue" : "issues"}` : ""}
    </Tag>
  );
}

export function ImportLog({
  runs,
  labelOf,
  maxHeight,
  testId,
  compact,
}: {
  runs: readonly ImportRun[];
  labelOf: (entity: string) => string;
  maxHeight?: number;
  testId?: string;
  /** When, entity and result only, for a side panel. */
  compact?: boolean;
}) {
  const columns: GridColumn<ImportRun>[] = [
    { key: "at", header: "When", width: 140, render: (r) => formatTimestamp(r.at) },
    {
      key: "entity",
      header: "Entity",
      render: (r) => <Link to={`/data/${r.entity}`}>{labelOf(r.entity)}</Link>,
    },
    { key: "file", header: "File", render: (r) => <span className="code">{r.fileName}</span> },
    { key: "status", header: "Result", render: result },
    { key: "rows", header: "Rows", align: "right", render: (r) => count(r.rows) },
    { key: "inserted", header: "Inserted", align: "right", render: (r) => changed(r, r.inserted) },
    { key: "updated", header: "Updated", align: "right", render: (r) => changed(r, r.updated) },
    { key: "unchanged", header: "Unchanged", align: "right", render: (r) => changed(r, r.unchanged) },
    { key: "user", header: "By", render: (r) => r.user ?? <span className="muted">system</span> },
  ];
  return (
    <DataGrid
      label="Imports"
      testId={testId}
      columns={compact ? columns.filter((c) => COMPACT_COLUMNS.includes(c.key)) : columns}
      rows={runs}
      rowKey={(r) => String(r.id)}
      maxHeight={maxHeight}
      empty="No imports yet."
    />
  );
}
