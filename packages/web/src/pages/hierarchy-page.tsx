// The product-hierarchy explorer: a lazily loaded tree of brands, families and SKUs, and for the
// selected node (or the whole company) its monthly sales history as a chart and a grid.

import { type ReactNode, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useHierarchyChildren, useHierarchyHistory, useHierarchyPath, useWorkspace } from "../api/queries";
import type {
  CompanyCurrency,
  HierarchyKind,
  HierarchyNode,
  HierarchySelection,
  HistoryPoint,
} from "../api/types";
import { Breadcrumb, type Crumb } from "../components/breadcrumb";
import { HistoryTable } from "../components/history-table";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { SalesHistoryChart } from "../components/sales-history-chart";
import { Stat } from "../components/stat";
import { Tree, type TreeChildren, type TreeItem } from "../components/tree";
import { formatPeriod } from "../format/dates";
import { formatCount, formatMoneyRounded, formatPercentFigure, formatQuantity } from "../format/numbers";
import { shortName } from "../format/short-name";

const FALLBACK_CURRENCY: CompanyCurrency = { code: "", minorDigits: 2 };
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

export function HierarchyPage() {
  const [params, setParams] = useSearchParams();
  const selection = readSelection(params);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const path = useHierarchyPath(selection?.code ?? null);
  const currency = useWorkspace().data?.company.currency ?? FALLBACK_CURRENCY;

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

  const select = (next: HierarchySelection) =>
    setParams(next ? { node: next.code, kind: next.kind } : {}, { replace: false });
  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const crumbs: Crumb[] = [{ key: "root", label: "All products", onSelect: () => select(null) }];
  for (const step of selection ? (path.data ?? []) : []) {
    crumbs.push({
      key: nodeId(step.kind, step.code),
      label: step.name,
      onSelect: () => select({ code: step.code, kind: step.kind }),
    });
  }

  return (
    <div className="page" data-testid="hierarchy-page">
      <PageHeader
        eyebrow={<Link to="/demand">Demand</Link>}
        title="Product hierarchy"
        description="Monthly sales history for any brand, family or SKU, summed over every SKU below it."
      />
      <div className="explorer">
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
        <div className="explorer-main">
          <Breadcrumb crumbs={crumbs} testId="hierarchy-breadcrumb" />
          <NodeHistoryView selection={selection} currency={currency} level={path.data?.at(-1)?.level} />
        </div>
      </div>
    </div>
  );
}

function NodeHistoryView({
  selection,
  currency,
  level,
}: {
  selection: HierarchySelection;
  currency: CompanyCurrency;
  level: string | undefined;
}) {
  const history = useHierarchyHistory(selection);
  if (history.isPending) return <Loading label="Loading sales history…" />;
  if (history.isError) return <ErrorMessage error={history.error} />;
  const { series, name, code } = history.data;
  const title = selection ? name : "All products";
  const subtitle: ReactNode =
    series.length > 0 ? (
      <>
        {formatPeriod(series[0]?.period ?? "")} – {formatPeriod(series.at(-1)?.period ?? "")} ·{" "}
        {formatCount(series.length)} months
      </>
    ) : (
      "No sales history"
    );
  return (
    <div className={history.isPlaceholderData ? "explorer-body grid-busy" : "explorer-body"}>
      <div className="node-head">
        <h2 className="node-title" data-testid="node-title">
          {title}
        </h2>
        {selection ? (
          <span className="node-meta">
            <span className="code">{code ?? selection.code}</span>
            {level ? <span className="tag tag-neutral">{level}</span> : null}
          </span>
        ) : null}
      </div>
      <LastTwelveMonths series={series} currency={currency} />
      <Panel title="Monthly sales history" subtitle={subtitle}>
        {series.length > 0 ? (
          <SalesHistoryChart series={series} currency={currency} title={title} />
        ) : (
          <p className="muted">Nothing has been ordered for this node.</p>
        )}
      </Panel>
      {series.length > 0 ? (
        <Panel title="Monthly figures" flush>
          <HistoryTable series={series} currency={currency} />
        </Panel>
      ) : null}
    </div>
  );
}

/** Sums the last 12 months and compares them with the 12 before; the change is omitted without a full prior year. */
function LastTwelveMonths({
  series,
  currency,
}: {
  series: readonly HistoryPoint[];
  currency: CompanyCurrency;
}) {
  if (series.length === 0) return null;
  const last = series.slice(-12);
  const prior = series.length >= 24 ? series.slice(-24, -12) : null;
  const sum = (points: readonly HistoryPoint[], pick: (p: HistoryPoint) => number) =>
    points.reduce((total, p) => total + pick(p), 0);
  const ordered = sum(last, (p) => p.orderedQty);
  const delivered = sum(last, (p) => p.deliveredQty);
  const revenue = sum(last, (p) => p.revenue);
  const priorOrdered = prior ? sum(prior, (p) => p.orderedQty) : 0;
  const change = prior && priorOrdered > 0 ? (100 * (ordered - priorOrdered)) / priorOrdered : null;
  return (
    <div className="stats stats-boxed" data-testid="node-stats">
      <Stat label={`Ordered, last ${last.length} months`} value={formatQuantity(ordered, 0)} unit="units" />
      <Stat
        label={`Delivered, last ${last.length} months`}
        value={formatQuantity(delivered, 0)}
        unit="units"
      />
      <Stat
        label="Delivered ÷ ordered"
        value={ordered > 0 ? formatPercentFigure((100 * delivered) / ordered) : "–"}
        unit="%"
      />
      <Stat
        label={`Revenue, last ${last.length} months`}
        value={formatMoneyRounded(revenue, currency)}
        unit={currency.code}
      />
      {change !== null ? (
        <Stat
          label="Ordered vs prior 12 months"
          value={`${change >= 0 ? "+" : ""}${formatPercentFigure(change)}`}
          unit="%"
        />
      ) : null}
    </div>
  );
}
