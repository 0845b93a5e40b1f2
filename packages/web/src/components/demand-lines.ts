// The demand review's hierarchy as the flat list of lines the grid draws, top to bottom: a node's
// row, every layer of the selected node beneath it, then the children of an open node (or one line
// saying they are loading). The grid draws only the lines in view, so the keyboard, the paste and
// the scrolling all work on this list and on the node rows' places in it, not on the page.

import type { DemandChildren, DemandGridRow, DemandLayer, DemandNodeRef } from "../api/demand";
import { DEMAND_LAYERS } from "../api/demand";

export type DemandLine =
  | {
      readonly kind: "node";
      readonly key: string;
      readonly row: DemandGridRow;
      readonly depth: number;
      /** The row's place among the node rows, the rows the keyboard and the paste move over. */
      readonly gridRow: number;
    }
  | {
      readonly kind: "layer";
      readonly key: string;
      readonly row: DemandGridRow;
      readonly layer: DemandLayer;
      readonly depth: number;
    }
  | { readonly kind: "pending"; readonly key: string; readonly depth: number; readonly error: Error | null };

export type NodeLine = Extract<DemandLine, { kind: "node" }>;

export const keyOf = (row: DemandNodeRef) => `${row.kind}:${row.code ?? ""}`;

/** The node a key names (the inverse of `keyOf`); a code may itself hold a colon. */
export function nodeOfKey(key: string): DemandNodeRef {
  const at = key.indexOf(":");
  const kind = key.slice(0, at) as DemandNodeRef["kind"];
  return kind === "all" ? { kind, code: null } : { kind, code: key.slice(at + 1) };
}

export interface DemandLines {
  readonly lines: readonly DemandLine[];
  /** The node rows in order; `nodes[gridRow]` is the line at `lineOf[gridRow]`. */
  readonly nodes: readonly NodeLine[];
  readonly lineOf: readonly number[];
}

/**
 * Walks the hierarchy from its top row. `childrenOf` answers for every open node but the top,
 * whose children are the top grid's other rows. An open SKU or childless group draws nothing below.
 */
export function demandLines(
  top: readonly DemandGridRow[],
  expanded: ReadonlySet<string>,
  selected: string,
  childrenOf: (key: string) => DemandChildren | undefined,
): DemandLines {
  const lines: DemandLine[] = [];
  const nodes: NodeLine[] = [];
  const lineOf: number[] = [];
  const visit = (row: DemandGridRow, depth: number, children: () => DemandChildren | undefined) => {
    const key = keyOf(row);
    const line: NodeLine = { kind: "node", key, row, depth, gridRow: nodes.length };
    lineOf.push(lines.length);
    nodes.push(line);
    lines.push(line);
    if (key === selected)
      for (const layer of DEMAND_LAYERS)
        lines.push({ kind: "layer", key: `${key}/${layer}`, row, layer, depth });
    if (row.kind === "item" || row.children === 0 || !expanded.has(key)) return;
    const below = children();
    if (below?.status !== "ok") {
      const error = below?.status === "error" ? below.error : null;
      lines.push({ kind: "pending", key: `${key}/pending`, depth: depth + 1, error });
      return;
    }
    for (const child of below.rows) visit(child, depth + 1, () => childrenOf(keyOf(child)));
  };
  const [root, ...rest] = top;
  if (root) visit(root, 0, () => ({ status: "ok", rows: rest }));
  return { lines, nodes, lineOf };
}
