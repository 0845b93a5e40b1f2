// The hierarchy a forecast run reconciles over: the whole company, the product groups at every
// depth, the SKUs and (below SKU level) each SKU's series, with every node's monthly history
// aligned on one window. Groups without any series under them are left out.

import type { PeriodKey } from "@fulcrum/domain";
import { buildHierarchy, type HierarchyTree, sumUp } from "@fulcrum/engines";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import type { DemandSeries } from "./demand-history";

/** What a node of the run's hierarchy is; `series` nodes are the forecast level's own series. */
export type RunNode =
  | { readonly kind: "all"; readonly code: "*" }
  | { readonly kind: "group" | "item"; readonly code: string }
  | { readonly kind: "series"; readonly series: DemandSeries };

export interface RunHierarchy {
  readonly tree: HierarchyTree;
  /** By node index of the tree. */
  readonly nodes: readonly RunNode[];
  /** By node index: demand per month of `window`, zeros before a series began. */
  readonly histories: readonly number[][];
}

export interface ProductTree {
  readonly groupParents: ReadonlyMap<string, string | null>;
  readonly itemGroups: ReadonlyMap<string, string | null>;
}

export async function loadProductTree(db: Kysely<Schema>): Promise<ProductTree> {
  const groups = await sql<{ code: string; parent_code: string | null }>`
    SELECT code, parent_code FROM product_groups`.execute(db);
  const items = await sql<{ sku: string; group_code: string | null }>`
    SELECT sku, group_code FROM items`.execute(db);
  return {
    groupParents: new Map(groups.rows.map((g) => [g.code, g.parent_code])),
    itemGroups: new Map(items.rows.map((i) => [i.sku, i.group_code])),
  };
}

/**
 * Nodes from the series up: at SKU level a series is its SKU's node; below it, SKUs are aggregates
 * of their series. Every node reaches the company node through its groups.
 */
export function runHierarchy(
  series: readonly DemandSeries[],
  products: ProductTree,
  window: readonly PeriodKey[],
  skuLevel: boolean,
): RunHierarchy {
  const ids: { id: string; parent: string | null }[] = [];
  const nodes: RunNode[] = [];
  const seen = new Set<string>();
  const add = (id: string, parent: string | null, node: RunNode) => {
    if (seen.has(id)) return;
    seen.add(id);
    ids.push({ id, parent });
    nodes.push(node);
  };
  add("all", null, { kind: "all", code: "*" });
  const addGroup = (code: string | null): string => {
    if (code === null || !products.groupParents.has(code)) return "all";
    const id = `group:${code}`;
    if (!seen.has(id)) {
      // Parents first, so the chain to the top exists whatever order the groups come in.
      const parent = addGroup(products.groupParents.get(code) ?? null);
      add(id, parent, { kind: "group", code });
    }
    return id;
  };
  const column = new Map(window.map((p, i) => [p as string, i]));
  const leafValues = new Map<string, number[]>();
  for (const s of series) {
    const group = addGroup(products.itemGroups.get(s.sku) ?? null);
    let leaf: string;
    if (skuLevel) {
      leaf = `item:${s.sku}`;
      add(leaf, group, { kind: "series", series: s });
    } else {
      const item = `item:${s.sku}`;
      add(item, group, { kind: "item", code: s.sku });
      leaf = `series:${s.sku}|${s.location ?? ""}|${s.segment ?? ""}`;
      add(leaf, item, { kind: "series", series: s });
    }
    const aligned = window.map(() => 0);
    const start = column.get(s.start) ?? 0;
    s.values.forEach((v, t) => {
      aligned[start + t] = v;
    });
    leafValues.set(leaf, aligned);
  }
  const built = buildHierarchy(ids);
  if (!built.ok) throw new Error(`forecast hierarchy: ${built.issues.join("; ")}`);
  const histories = sumUp(
    built.tree,
    ids.map(({ id }) => leafValues.get(id) ?? window.map(() => 0)),
  );
  return { tree: built.tree, nodes, histories };
}
