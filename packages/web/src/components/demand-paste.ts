// Where a block pasted into the demand review lands: from the cell it was pasted at, one grid
// row per pasted line (the rows as they are on screen, an open family's SKUs included) and one
// column per pasted cell. Every figure is checked before anything is sent, so a bad value or a
// cell that cannot take it stops the whole paste with a message naming the cell.

import type { Bucket, DemandNodeRef } from "../api/demand";
import { formatPeriod } from "../format/dates";
import { parsePasteBlock, parsePastedFigure } from "../format/paste-block";
import { cellOf, gridPosition, isEditable } from "./grid-keys";

export interface PastedCellEdit {
  readonly node: DemandNodeRef;
  readonly bucket: Bucket;
  readonly value: number;
  /** "Juices, Dec 2026" */
  readonly label: string;
}

export type PastePlan =
  | { readonly ok: true; readonly cells: readonly PastedCellEdit[] }
  | { readonly ok: false; readonly message: string };

export function planPaste(at: HTMLElement, text: string, buckets: readonly Bucket[]): PastePlan {
  const position = gridPosition(at);
  if (!position) return { ok: false, message: "Select a cell of the grid to paste into" };
  const block = parsePasteBlock(text);
  const width = Math.max(...block.map((line) => line.length));
  if (position.col + width > buckets.length)
    return {
      ok: false,
      message: `The pasted block is ${width} columns wide but only ${buckets.length - position.col} remain from this cell`,
    };
  if (position.row + block.length > position.rows.length)
    return {
      ok: false,
      message: `The pasted block has ${block.length} rows but only ${position.rows.length - position.row} are shown from this row; open the families you mean`,
    };
  const cells: PastedCellEdit[] = [];
  for (const [r, line] of block.entries()) {
    const row = position.rows[position.row + r]!;
    for (const [c, raw] of line.entries()) {
      const col = position.col + c;
      const bucket = buckets[col]!;
      const label = `${row.dataset.name ?? "row"}, ${formatPeriod(bucket.bucket)}`;
      const figure = parsePastedFigure(raw);
      if (figure.kind === "empty") continue;
      if (figure.kind === "bad")
        return {
          ok: false,
          message: `${label}: “${raw.trim()}” ${badReason(figure.reason)}; nothing was pasted`,
        };
      if (!isEditable(cellOf(row, col)))
        return { ok: false, message: `${label} is locked or read-only; nothing was pasted` };
      cells.push({ node: nodeOf(row), bucket, value: figure.value, label });
    }
  }
  if (cells.length === 0) return { ok: false, message: "The pasted block has no figures" };
  return { ok: true, cells };
}

const badReason = (reason: string) => (reason === "not a number" ? "is not a number" : `— ${reason}`);

function nodeOf(row: HTMLElement): DemandNodeRef {
  const kind = row.dataset.kind as DemandNodeRef["kind"];
  return kind === "all" ? { kind, code: null } : { kind, code: row.dataset.node ?? null };
}
