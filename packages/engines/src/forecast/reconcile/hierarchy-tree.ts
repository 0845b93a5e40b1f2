// A forecasting hierarchy as reconciliation sees it: nodes in a tree (or forest), each aggregate
// the sum of its children. Built once from parent links, validated, with children and leaves
// indexed so the reconciliation methods run in linear passes.

export interface HierarchyNodeInput {
  readonly id: string;
  /** The node this one adds up into; null for a root. */
  readonly parent: string | null;
}

export interface HierarchyTree {
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Children of each node by index; empty for a leaf (a bottom-level series). */
  readonly children: readonly (readonly number[])[];
  /** Parent of each node by index; −1 for a root. */
  readonly parents: readonly number[];
  /** Node indices ordered so that every child comes before its parent. */
  readonly bottomUpOrder: readonly number[];
  readonly leaves: readonly number[];
  readonly aggregates: readonly number[];
  readonly roots: readonly number[];
}

export type HierarchyResult =
  | { readonly ok: true; readonly tree: HierarchyTree }
  | { readonly ok: false; readonly issues: readonly string[] };

/** Builds the tree, or lists what is wrong: duplicate ids, unknown parents, cycles. */
export function buildHierarchy(nodes: readonly HierarchyNodeInput[]): HierarchyResult {
  const issues: string[] = [];
  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (indexOf.has(node.id)) issues.push(`node ${node.id} appears more than once`);
    indexOf.set(node.id, i);
  });
  const children: number[][] = nodes.map(() => []);
  const parentOf: number[] = nodes.map(() => -1);
  nodes.forEach((node, i) => {
    if (node.parent === null) return;
    const parent = indexOf.get(node.parent);
    if (parent === undefined) issues.push(`node ${node.id} has unknown parent ${node.parent}`);
    else {
      children[parent]!.push(i);
      parentOf[i] = parent;
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  // Children before parents: repeatedly emit nodes whose children are all emitted.
  const pending = children.map((c) => c.length);
  const bottomUpOrder: number[] = [];
  const ready = nodes.map((_, i) => i).filter((i) => pending[i] === 0);
  while (ready.length > 0) {
    const i = ready.pop()!;
    bottomUpOrder.push(i);
    const parent = parentOf[i]!;
    if (parent >= 0 && --pending[parent]! === 0) ready.push(parent);
  }
  if (bottomUpOrder.length < nodes.length) {
    const stuck = nodes.filter((_, i) => pending[i]! > 0).map((n) => n.id);
    return { ok: false, issues: [`the hierarchy has a cycle through ${stuck.join(", ")}`] };
  }
  const all = nodes.map((_, i) => i);
  return {
    ok: true,
    tree: {
      ids: nodes.map((n) => n.id),
      indexOf,
      children,
      parents: parentOf,
      bottomUpOrder,
      leaves: all.filter((i) => children[i]!.length === 0),
      aggregates: all.filter((i) => children[i]!.length > 0),
      roots: all.filter((i) => parentOf[i] === -1),
    },
  };
}

/** Replaces every aggregate's values with the sum of its children's, bottom-up, in place. */
export function sumUp(tree: HierarchyTree, values: number[][]): number[][] {
  for (const i of tree.bottomUpOrder) {
    const kids = tree.children[i]!;
    if (kids.length === 0) continue;
    const row = values[i]!.fill(0);
    for (const c of kids) {
      const child = values[c]!;
      for (let j = 0; j < row.length; j++) row[j]! += child[j]!;
    }
  }
  return values;
}
