// The product hierarchy as a lazily loaded tree panel, with the selected node kept in the URL
// (`?node=CODE&kind=group|item`) so any view of a node can be linked to. The explorer and the
// forecast page share it; each draws its own view of the selected node beside it.

import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useHierarchyChildren, useHierarchyPath } from "../api/queries";
import type { HierarchyKind, HierarchyNode, HierarchySelection } from "../api/types";
import { formatCount } from "../format/numbers";
import { shortName } from "../format/short-name";
import type { Crumb } from "./breadcrumb";
import { Panel } from "./panel";
import { Tree, type TreeChildren, type TreeItem } from "./tree";

const nodeId = (kind: HierarchyKind, code: string) => `${kind}:${code}`;

function toTreeItem(node: HierarchyNode, ancestorNames: readonly string[]): TreeItem {
  return {
    id: nodeId(node.kind, node.code),
    label: node.kind === "item" ? shortName(node.name, ancestorNames) : node.name,
    title: `${node.name} (${node.code})`,
    // Item names are long; their code sits at the right where a group shows its child count.
    detail: node.kind === "item" ? undefined : node.level,
    badge: node.kind === "group" ? formatCount(node.children) : <span className="code">{node.code}</span>,
    expandable: node.kind === "group" && node.children > 0,
    data: { kind: node.kind, level: node.level, code: node.code },
  };
}

function readSelection(params: URLSearchParams): HierarchySelection {
  const code = params.get("node");
  const kind = params.get("kind");
  return code && (kind === "group" || kind === "item") ? { code, kind } : null;
}

/** The selected node (null for every product), a way to change it, and the breadcrumb to it. */
export function useHierarchySelection() {
  const [params, setParams] = useSearchParams();
  const selection = readSelection(params);
  const path = useHierarchyPath(selection?.code ?? null);
  const select = (next: HierarchySelection) =>
    setParams(next ? { node: next.code, kind: next.kind } : {}, { replace: false });
  const crumbs: Crumb[] = [{ key: "root", label: "All products", onSelect: () => select(null) }];
  for (const step of selection ? (path.data ?? []) : []) {
    crumbs.push({
      key: nodeId(step.kind, step.code),
      label: step.name,
      onSelect: () => select({ code: step.code, kind: step.kind }),
    });
  }
  return { selection, select, crumbs, level: selection ? path.data?.at(-1)?.level : undefined };
}

export function HierarchyTreePanel({
  selection,
  select,
}: {
  selection: HierarchySelection;
  select: (next: HierarchySelection) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const path = useHierarchyPath(selection?.code ?? null);

  // Opening a deep link (or a breadcrumb step) unfolds the tree down to the selected node.
  useEffect(() => {
    const ancestors = (path.data ?? []).filter(
      (step) => step.kind === "group" && step.code !== selection?.code,
    );
    if (ancestors.length === 0) return;
    setExpanded((previous) => {
      const ids = ancestors.map((step) => nodeId("group", step.code));
      return ids.every((id) => previous.has(id)) ? previous : new Set([...previous, ...ids]);
    });
  }, [path.data, selection?.code]);

  const expandedCodes = useMemo(
    () => [...expanded].filter((id) => id.startsWith("group:")).map((id) => id.slice("group:".length)),
    [expanded],
  );
  const parents = useMemo(() => [null, ...expandedCodes], [expandedCodes]);
  const results = useHierarchyChildren(parents);
  // Groups seen so far, to name each row's ancestors (parents load before their children).
  const groups = new Map<string, { name: string; parent: string | null }>();
  parents.forEach((parent, index) => {
    for (const node of results[index]?.data ?? []) {
      if (node.kind === "group") groups.set(node.code, { name: node.name, parent });
    }
  });
  const ancestorNames = (code: string | null): string[] => {
    const names: string[] = [];
    for (let at = code; at !== null && names.length < 32; at = groups.get(at)?.parent ?? null) {
      names.unshift(groups.get(at)?.name ?? "");
    }
    return names;
  };
  const childrenByParent = new Map<string | null, TreeChildren>();
  parents.forEach((parent, index) => {
    const result = results[index];
    if (!result || result.isPending) childrenByParent.set(parent, "loading");
    else if (result.isError) childrenByParent.set(parent, { error: result.error.message });
    else {
      const names = ancestorNames(parent);
      childrenByParent.set(
        parent,
        result.data.map((node) => toTreeItem(node, names)),
      );
    }
  });

  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Panel title="Products" className="explorer-tree" flush>
      <button
        type="button"
        className={selection ? "tree-root" : "tree-root tree-selected"}
        onClick={() => select(null)}
        data-testid="tree-root"
      >
        All products
      </button>
      <Tree
        label="Product hierarchy"
        roots={childrenByParent.get(null) ?? "loading"}
        childrenOf={(id) => childrenByParent.get(id.slice(id.indexOf(":") + 1))}
        expanded={expanded}
        selectedId={selection ? nodeId(selection.kind, selection.code) : null}
        onToggle={toggle}
        onSelect={(item) =>
          select({ code: item.data?.code ?? "", kind: item.data?.kind === "item" ? "item" : "group" })
        }
      />
    </Panel>
  );
}
