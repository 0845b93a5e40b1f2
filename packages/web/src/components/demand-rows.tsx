// The rows of the demand review grid: a hierarchy node with the chosen layer's figures (editable
// where the role may), every layer beneath the selected node, and the children of an expanded node,
// fetched when it opens. A figure an edit set carries that edit's reason code and comment. Rows and
// cells carry the marks the keyboard movement and the paste read (grid-keys, demand-paste).

import type { DemandEditSummary, DemandGrid, DemandGridRow, DemandLayer, DemandNodeRef } from "../api/demand";
import { DEMAND_LAYERS, useDemandGrid } from "../api/demand";
import { formatPeriod } from "../format/dates";
import { editFor, editNoteText } from "../format/edit-note";
import { formatQuantity } from "../format/numbers";
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
  /** The last month the grid asked for (null: the server's default), for the children to ask the same. */
  readonly to: string | null;
  readonly layer: DemandLayer;
  readonly canEdit: boolean;
  readonly expanded: ReadonlySet<string>;
  readonly selected: string;
  /** The row to scroll into view once it is on screen (an exception just opened). */
  readonly reveal: string | null;
  /** The version's recent edits, newest first: each cell shows the one that explains it. */
  readonly edits: readonly DemandEditSummary[];
  readonly toggle: (key: string) => void;
  readonly select: (row: DemandGridRow) => void;
  readonly commit: (row: DemandGridRow, index: number, text: string) => void;
  readonly toggleLock: (row: DemandGridRow, index: number, locked: boolean) => void;
  /** A block pasted at a cell: the page maps it onto the rows and columns from there. */
  readonly paste: (text: string, at: HTMLElement) => void;
}

export const keyOf = (row: DemandNodeRef) => `${row.kind}:${row.code ?? ""}`;

export function NodeRows({
  row,
  depth,
  context,
}: {
  row: DemandGridRow;
  depth: number;
  context: RowContext;
}) {
  const key = keyOf(row);
  const open = context.expanded.has(key);
  const isSelected = context.selected === key;
  const values = row.layers[context.layer];
  const locked = row.locked[context.layer] ?? [];
  return (
    <>
      <tr
        ref={context.reveal === key ? revealRow : undefined}
        data-testid="demand-row"
        data-node={row.code ?? "all"}
        data-kind={row.kind}
        data-name={row.name}
        data-grid-row=""
        className={isSelected ? "demand-row-selected" : undefined}
      >
        <th scope="row" className="demand-node" style={{ paddingLeft: 8 + depth * 16 }}>
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
              onPasteBlock={context.paste}
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
      {isSelected
        ? DEMAND_LAYERS.map((layer) => (
            <tr key={layer} className="layer-row" data-testid="layer-row" data-layer={layer}>
              <th scope="row" className="demand-node" style={{ paddingLeft: 32 + depth * 16 }}>
                {LAYER_LABELS[layer]}
              </th>
              {row.layers[layer].map((v, i) => (
                <td key={context.grid.buckets[i]?.bucket} className="align-right">
                  <span className="num">{v === null ? "" : formatQuantity(v, 0)}</span>
                </td>
              ))}
              <td className="align-right">
                <span className="num">{total(row.layers[layer])}</span>
              </td>
            </tr>
          ))
        : null}
      {open ? <ChildRows parent={row} depth={depth + 1} context={context} /> : null}
    </>
  );
}

const revealRow = (row: HTMLTableRowElement | null) => row?.scrollIntoView?.({ block: "center" });

/** The reason and comment of the edit behind a figure: a marker beside it, the text on hover and for screen readers. */
function EditNote({ text }: { text: string }) {
  return (
    <span className="edit-note" title={text} data-testid="edit-note">
      <span aria-hidden="true">✎</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

function ChildRows({
  parent,
  depth,
  context,
}: {
  parent: DemandGridRow;
  depth: number;
  context: RowContext;
}) {
  const query = useDemandGrid(
    context.grid.versionId,
    parent,
    context.grid.periods[0] ?? null,
    context.grid.grain,
    context.to,
  );
  const span = context.grid.buckets.length + 2;
  if (query.isPending || query.isError)
    return (
      <tr>
        <td colSpan={span} style={{ paddingLeft: 8 + depth * 16 }}>
          {query.isError ? <ErrorMessage error={query.error} /> : "Loading…"}
        </td>
      </tr>
    );
  return query.data.rows
    .slice(1)
    .map((row) => <NodeRows key={keyOf(row)} row={row} depth={depth} context={context} />);
}

function total(values: readonly (number | null)[]): string {
  return values.some((v) => v !== null)
    ? formatQuantity(
        values.reduce<number>((s, v) => s + (v ?? 0), 0),
        0,
      )
    : "";
}
