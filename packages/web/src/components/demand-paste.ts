// Where a block pasted into the demand review lands: from the cell it was pasted at, one node row
// per pasted line (the rows as the hierarchy is open, an open family's SKUs included, whether or
// not they are drawn yet) and one column per pasted cell. Every figure is checked before anything
// is sent, so a bad value or a cell that cannot take it stops the whole paste with a message
// naming the cell.

import type { Bucket, DemandNodeRef } from "../api/demand";
import { formatPeriod } from "../format/dates";
import { parsePasteBlock, parsePastedFigure } from "../format/paste-block";
import type { GridCells, GridPoint } from "./grid-keys";

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

/** The grid's node rows, in order, with which of their cells take edits. */
export interface PasteTarget extends GridCells {
  readonly nodes: readonly (DemandNodeRef & { readonly name: string })[];
}

export function planPaste(
  target: PasteTarget,
  at: GridPoint,
  text: string,
  buckets: readonly Bucket[],
): PastePlan {
  const block = parsePasteBlock(text);
  const width = Math.max(...block.map((line) => line.length));
  if (at.col + width > buckets.length)
    return {
      ok: false,
      message: `The pasted block is ${width} columns wide but only ${buckets.length - at.col} remain from this cell`,
    };
  if (at.row + block.length > target.nodes.length)
    return {
      ok: false,
      message: `The pasted block has ${block.length} rows but only ${target.nodes.length - at.row} are shown from this row; open the families you mean`,
    };
  const cells: PastedCellEdit[] = [];
  for (const [r, line] of block.entries()) {
    const row = at.row + r;
    const node = target.nodes[row]!;
    for (const [c, raw] of line.entries()) {
      const col = at.col + c;
      const bucket = buckets[col]!;
      const label = `${node.name}, ${formatPeriod(bucket.bucket)}`;
      const figure = parsePastedFigure(raw);
      if (figure.kind === "empty") continue;
      if (figure.kind === "bad")
        return {
          ok: false,
          message: `${label}: “${raw.trim()}” ${badReason(figure.reason)}; nothing was pasted`,
        };
      if (!target.editable(row, col))
        return { ok: false, message: `${label} is locked or read-only; nothing was pasted` };
      cells.push({ node: { kind: node.kind, code: node.code }, bucket, value: figure.value, label });
    }
  }
  if (cells.length === 0) return { ok: false, message: "The pasted block has no figures" };
  return { ok: true, cells };
}

const badReason = (reason: string) => (reason === "not a number" ? "is not a number" : `— ${reason}`);
