// One line of the demand review grid: a hierarchy node with the chosen layer's figures (editable
// where the role may), one layer of the selected node, or the "Loading…" of an opening node's
// children. A figure an edit set carries that edit's reason code and comment. The grid draws only
// the lines in view (demand-grid), so a node row carries its place among the node rows for the
// keyboard and the paste, and the line its place in the whole grid for screen readers.

import { memo } from "react";
import type { DemandEditSummary, DemandGrid, DemandGridRow, DemandLayer } from "../api/demand";
import { formatPeriod } from "../format/dates";
import { editFor, editNoteText } from "../format/edit-note";
import { formatQuantity } from "../format/numbers";
import type { DemandLine } from "./demand-lines";
import type { GridMove, GridPoint } from "./grid-keys";
import { PlanCell } from "./plan-cell";
import { ErrorMessage } from "./query-state";

export const LAYER_LABELS: Record<DemandLayer, string> = {
  "demand.statistical": "Statistical",
  "demand.sales": "Sales",
  "demand.marketing": "Marketing",
  "demand.product": "Product",
  "demand.consensus": "Consensus",
};

export interface RowContext {
  readonly grid: DemandGrid;
  readonly layer: DemandLayer;
  readonly canEdit: boolean;
  readonly expanded: ReadonlySet<string>;
  readonly selected: string;
  /** The version's recent edits, newest first: each cell shows the one that explains it. */
  readonly edits: readonly DemandEditSummary[];
  readonly toggle: (key: string) => void;
  readonly select: (row: DemandGridRow) => void;
  readonly commit: (row: DemandGridRow, index: number, text: string) => void;
  readonly toggleLock: (row: DemandGridRow, index: number, locked: boolean) => void;
  /** Moves the focus from a cell; false at the grid's edge. */
  readonly move: (from: GridPoint, move: GridMove) => boolean;
  /** A block pasted at a cell: the page maps it onto the node rows and columns from there. */
  readonly paste: (text: string, at: GridPoint) => void;
}

export interface LineRowProps {
  readonly line: DemandLine;
  /** The line's place in the grid, from 0 (the header row is above it). */
  readonly index: number;
  readonly context: RowContext;
  /** Lets the grid measure the drawn line. */
  readonly measure: (element: HTMLTableRowElement | null) => void;
}

/** Drawn lines are not drawn again as the grid scrolls: only the ones coming into view are. */
export const LineRow = memo(function LineRow({ line, index, context, measure }: LineRowProps) {
  const rowIndex = index + 2;
  if (line.kind === "pending")
    return (
      <tr ref={measure} data-index={index} aria-rowindex={rowIndex}>
        <td colSpan={context.grid.buckets.length + 2} style={{ paddingLeft: 8 + line.depth * 16 }}>
          {line.error ? <ErrorMessage error={line.error} /> : "Loading…"}
        </td>
      </tr>
    );
  if (line.kind === "layer")
    return (
      <tr
        ref={measure}
        data-index={index}
        aria-rowindex={rowIndex}
        className="layer-row"
        data-testid="layer-row"
        data-layer={line.layer}
      >
        <th scope="row" className="demand-node" style={{ paddingLeft: 32 + line.depth * 16 }}>
          {LAYER_LABELS[line.layer]}
        </th>
        {line.row.layers[line.layer].map((v, i) => (
          <td key={context.grid.buckets[i]?.bucket} className="align-right">
            <span className="num">{v === null ? "" : formatQuantity(v, 0)}</span>
          </td>
        ))}
        <td className="align-right">
          <span className="num">{total(line.row.layers[line.layer])}</span>
        </td>
      </tr>
    );
  return <NodeRow line={line} index={index} context={context} measure={measure} />;
});

function NodeRow({
  line,
  index,
  context,
  measure,
}: LineRowProps & { line: Extract<DemandLine, { kind: "node" }> }) {
  const { row, key, depth, gridRow } = line;
  const open = context.expanded.has(key);
  const isSelected = context.selected === key;
  const values = row.layers[context.layer];
  const locked = row.locked[context.layer] ?? [];
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      data-testid="demand-row"
      data-node={row.code ?? "all"}
      data-kind={row.kind}
      data-name={row.name}
      data-grid-row={gridRow}
      className={isSelected ? "demand-row-selected" : undefined}
    >
      <th scope="row" className="demand-node" aria-colindex={1} style={{ paddingLeft: 8 + depth * 16 }}>
        <span className="demand-node-label">
          {row.kind !== "item" && row.children > 0 ? (
            <button
              type="button"
              className="tree-toggle"
              aria-label={`${open ? "Collapse" : "Expand"} ${row.name}`}
              aria-expanded={open}
              data-testid="demand-toggle"
              onClick={() => context.toggle(key)}
            >
              <span className={open ? "chevron chevron-open" : "chevron"} aria-hidden="true" />
            </button>
          ) : (
            <span className="tree-leaf" aria-hidden="true" />
          )}
          <button
            type="button"
            className="link-button"
            data-testid="demand-select"
            onClick={() => context.select(row)}
          >
            {row.name}
          </button>
        </span>
      </th>
      {context.grid.buckets.map((b, i) => {
        const { bucket } = b;
        const edit = editFor(context.edits, row, context.layer, b);
        return (
          <PlanCell
            key={bucket}
            period={bucket}
            col={i}
            value={values[i] ?? null}
            label={`${row.name}, ${formatPeriod(bucket)}`}
            editable={context.canEdit}
            locked={locked[i] ?? false}
            rowSelected={isSelected}
            note={edit ? <EditNote text={editNoteText(edit)} /> : null}
            onCommit={(text) => context.commit(row, i, text)}
            onMove={(move) => context.move({ row: gridRow, col: i }, move)}
            onPasteBlock={(text) => context.paste(text, { row: gridRow, col: i })}
            onToggleLock={
              // Only figures can be held still; an empty cell has nothing to keep.
              context.canEdit && (values[i] !== null || locked[i])
                ? () => context.toggleLock(row, i, locked[i] ?? false)
                : undefined
            }
          />
        );
      })}
      <td className="align-right" data-testid="demand-row-total">
        <span className="num">{total(values)}</span>
      </td>
    </tr>
  );
}

/** The reason and comment of the edit behind a figure: a marker beside it, the text on hover and for screen readers. */
function EditNote({ text }: { text: string }) {
  return (
    <span className="edit-note" title={text} data-testid="edit-note">
      <span aria-hidden="true">✎</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

function total(values: readonly (number | null)[]): string {
  return values.some((v) => v !== null)
    ? formatQuantity(
        values.reduce<number>((s, v) => s + (v ?? 0), 0),
        0,
      )
    : "";
}
