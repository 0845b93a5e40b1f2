// A lazy, keyboard-navigable tree. It holds no data of its own: the owner says which nodes are
// expanded and supplies each expanded node's children (or that they are still loading), so the
// same tree can sit on an API, a test fixture or an in-memory list.

import type { KeyboardEvent, ReactNode } from "react";

export interface TreeItem {
  readonly id: string;
  readonly label: ReactNode;
  /** A quiet second label: a code, a level name. */
  readonly detail?: ReactNode;
  /** Right-aligned hint, such as the number of children. */
  readonly badge?: ReactNode;
  readonly expandable: boolean;
  /** Full text on hover, for labels the tree has to cut short. */
  readonly title?: string;
  /** Extra attributes for tests and styling (e.g. level, kind). */
  readonly data?: Readonly<Record<string, string>>;
}

export type TreeChildren = readonly TreeItem[] | "loading" | { readonly error: string };

export interface TreeProps {
  readonly roots: TreeChildren;
  readonly childrenOf: (id: string) => TreeChildren | undefined;
  readonly expanded: ReadonlySet<string>;
  readonly selectedId: string | null;
  readonly onToggle: (id: string) => void;
  readonly onSelect: (item: TreeItem) => void;
  readonly label: string;
}

type FocusedTree = TreeProps & { readonly focusId: string | null };

export function Tree(props: TreeProps) {
  // One row takes part in the tab order: the selected one, or the first while none is selected.
  const firstId = Array.isArray(props.roots) ? (props.roots[0]?.id ?? null) : null;
  const tree = { ...props, focusId: props.selectedId ?? firstId };
  return (
    <div className="tree" role="tree" aria-label={props.label}>
      <TreeLevel items={props.roots} depth={1} tree={tree} />
    </div>
  );
}

function TreeLevel({
  items,
  depth,
  tree,
}: {
  items: TreeChildren;
  depth: number;
  tree: FocusedTree;
}): ReactNode {
  if (items === "loading") {
    return (
      <div className="tree-note" style={{ paddingLeft: indent(depth) }}>
        Loading…
      </div>
    );
  }
  if ("error" in items) {
    return (
      <div className="tree-note tree-error" style={{ paddingLeft: indent(depth) }}>
        {items.error}
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="tree-note" style={{ paddingLeft: indent(depth) }}>
        Nothing here
      </div>
    );
  }
  return items.map((item) => <TreeNode key={item.id} item={item} depth={depth} tree={tree} />);
}

function indent(depth: number): number {
  return 6 + (depth - 1) * 16;
}

function TreeNode({ item, depth, tree }: { item: TreeItem; depth: number; tree: FocusedTree }) {
  const open = item.expandable && tree.expanded.has(item.id);
  const selected = tree.selectedId === item.id;
  const dataAttributes = Object.fromEntries(
    Object.entries(item.data ?? {}).map(([k, v]) => [`data-${k}`, v]),
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === " ") tree.onSelect(item);
    else if (event.key === "ArrowRight" && item.expandable && !open) tree.onToggle(item.id);
    else if (event.key === "ArrowLeft" && open) tree.onToggle(item.id);
    else return;
    event.preventDefault();
  };

  return (
    <div role="none">
      <div
        role="treeitem"
        tabIndex={tree.focusId === item.id ? 0 : -1}
        aria-level={depth}
        aria-expanded={item.expandable ? open : undefined}
        aria-selected={selected}
        className={selected ? "tree-row tree-selected" : "tree-row"}
        style={{ paddingLeft: indent(depth) }}
        onClick={() => tree.onSelect(item)}
        onKeyDown={onKeyDown}
        data-testid={`tree-node-${item.id}`}
        title={item.title}
        {...dataAttributes}
      >
        {item.expandable ? (
          <button
            type="button"
            className="tree-toggle"
            aria-label={open ? "Collapse" : "Expand"}
            data-testid={`tree-toggle-${item.id}`}
            tabIndex={-1}
            onClick={(event) => {
              event.stopPropagation();
              tree.onToggle(item.id);
            }}
          >
            <span className={open ? "chevron chevron-open" : "chevron"} aria-hidden="true" />
          </button>
        ) : (
          <span className="tree-leaf" aria-hidden="true" />
        )}
        <span className="tree-label">{item.label}</span>
        {item.detail ? <span className="tree-detail">{item.detail}</span> : null}
        {item.badge !== undefined ? <span className="tree-badge">{item.badge}</span> : null}
      </div>
      {open ? (
        // biome-ignore lint/a11y/useSemanticElements: the ARIA tree pattern's subtree, not a form fieldset
        <div role="group">
          <TreeLevel items={tree.childrenOf(item.id) ?? "loading"} depth={depth + 1} tree={tree} />
        </div>
      ) : null}
    </div>
  );
}
