// The reusable grid: sticky header, dense rows, numeric columns right-aligned, and sortable headers
// that report clicks to the owner (sorting happens on the server, the grid only shows the state).

import type { CSSProperties, ReactNode } from "react";

export interface GridColumn<R> {
  readonly key: string;
  readonly header: ReactNode;
  /** Shown on hover over the header: what the column means. */
  readonly description?: string;
  readonly align?: "left" | "right" | "center";
  readonly sortable?: boolean;
  readonly width?: number | string;
  readonly render: (row: R, index: number) => ReactNode;
}

export interface GridSort {
  readonly key: string;
  readonly dir: "asc" | "desc";
}

export interface DataGridProps<R> {
  readonly columns: readonly GridColumn<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => string;
  readonly sort?: GridSort | null;
  readonly onSort?: (key: string) => void;
  /** Dims the rows while a new page loads, keeping the old ones visible. */
  readonly busy?: boolean;
  readonly empty?: ReactNode;
  readonly label: string;
  readonly testId?: string;
  readonly maxHeight?: number | string;
  /** Cells of a totals row, by column key. */
  readonly totals?: Readonly<Record<string, ReactNode>>;
  /** Row numbers in a first column, counting from `firstRowNumber`. */
  readonly firstRowNumber?: number;
}

function ariaSort(column: string, sort: GridSort | null | undefined) {
  if (sort?.key !== column) return "none";
  return sort.dir === "asc" ? "ascending" : "descending";
}

export function DataGrid<R>(props: DataGridProps<R>) {
  const { columns, rows, sort, onSort, busy, label, testId, maxHeight, totals, firstRowNumber } = props;
  const style: CSSProperties | undefined = maxHeight === undefined ? undefined : { maxHeight };
  const numbered = firstRowNumber !== undefined;
  return (
    <div className={busy ? "grid-scroll grid-busy" : "grid-scroll"} style={style} data-testid={testId}>
      <table className="grid" aria-label={label} aria-busy={busy || undefined}>
        <thead>
          <tr>
            {numbered ? <th className="grid-rownum" aria-label="Row" /> : null}
            {columns.map((column) => {
              const align = column.align ?? "left";
              const sorted = sort?.key === column.key ? sort.dir : null;
              return (
                <th
                  key={column.key}
                  className={`align-${align}`}
                  style={column.width === undefined ? undefined : { width: column.width }}
                  title={column.description}
                  aria-sort={column.sortable ? ariaSort(column.key, sort) : undefined}
                  scope="col"
                >
                  {column.sortable && onSort ? (
                    <button type="button" className="grid-sort" onClick={() => onSort(column.key)}>
                      <span>{column.header}</span>
                      <span className={sorted ? "sort-mark sort-active" : "sort-mark"} aria-hidden="true">
                        {sorted === "desc" ? "▼" : "▲"}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="grid-empty" colSpan={columns.length + (numbered ? 1 : 0)}>
                {props.empty ?? "No rows"}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={props.rowKey(row, index)}>
                {numbered ? <td className="grid-rownum">{(firstRowNumber ?? 1) + index}</td> : null}
                {columns.map((column) => (
                  <td key={column.key} className={`align-${column.align ?? "left"}`}>
                    {column.render(row, index)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {totals ? (
          <tfoot>
            <tr>
              {numbered ? <td className="grid-rownum" /> : null}
              {columns.map((column) => (
                <td key={column.key} className={`align-${column.align ?? "left"}`}>
                  {totals[column.key]}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
