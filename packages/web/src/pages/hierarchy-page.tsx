// The product-hierarchy explorer: a lazily loaded tree of brands, families and SKUs, and for the
// selected node (or the whole company) its monthly sales history as a chart and a grid.

import type { ReactNode } from "react";
import { Link } from "react-router";
import { useHierarchyHistory, useWorkspace } from "../api/queries";
import type { CompanyCurrency, HierarchySelection, HistoryPoint } from "../api/types";
import { Breadcrumb } from "../components/breadcrumb";
import { HierarchyTreePanel, useHierarchySelection } from "../components/hierarchy-tree";
import { HistoryTable } from "../components/history-table";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { SalesHistoryChart } from "../components/sales-history-chart";
import { Stat } from "../components/stat";
import { formatPeriod } from "../format/dates";
import { formatCount, formatMoneyRounded, formatPercentFigure, formatQuantity } from "../format/numbers";

const FALLBACK_CURRENCY: CompanyCurrency = { code: "", minorDigits: 2 };

export function HierarchyPage() {
  const { selection, select, crumbs, level } = useHierarchySelection();
  const currency = useWorkspace().data?.company.currency ?? FALLBACK_CURRENCY;
  return (
    <div className="page" data-testid="hierarchy-page">
      <PageHeader
        eyebrow={<Link to="/demand">Demand</Link>}
        title="Product hierarchy"
        description="Monthly sales history for any brand, family or SKU, summed over every SKU below it."
      />
      <div className="explorer">
        <HierarchyTreePanel selection={selection} select={select} />
        <div className="explorer-main">
          <Breadcrumb crumbs={crumbs} testId="hierarchy-breadcrumb" />
          <NodeHistoryView selection={selection} currency={currency} level={level} />
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
