// Which recorded edit explains a figure in the demand grid: the newest edit typed at that very row
// (node), on that layer, over a range touching the column — not undone, and not an undo itself —
// so the reason code and comment can sit next to the value they explain.

import type { Bucket, DemandEditSummary, DemandLayer, DemandNodeRef } from "../api/demand";
import { formatTimestamp } from "./dates";

/** `edits` newest first, as the API lists them; null when no edit explains the cell. */
export function editFor(
  edits: readonly DemandEditSummary[],
  node: DemandNodeRef,
  layer: DemandLayer,
  bucket: Bucket,
): DemandEditSummary | null {
  return (
    edits.find(
      (e) =>
        e.measure === layer &&
        e.nodeKind === node.kind &&
        (e.nodeCode ?? null) === (node.code ?? null) &&
        e.kind !== "undo" &&
        e.undoneBy === null &&
        // Periods are YYYY-MM, so text order is time order.
        e.from <= bucket.to &&
        e.to >= bucket.from,
    ) ?? null
  );
}

/** "Key account win — tender signed (dana, 22 Nov 2026, 09:00)". */
export function editNoteText(edit: DemandEditSummary): string {
  return `${edit.reason}${edit.comment ? ` — ${edit.comment}` : ""} (${edit.user}, ${formatTimestamp(edit.at)})`;
}
