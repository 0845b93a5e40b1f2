// The supply review: can the demand be made and bought, and at what cost? For one supply plan run
// it shows capacity use per resource and month, the production plan by family and SKU, projected
// stock against target and safety stock, the shortages with their causes and the revenue at risk,
// costs and cash; when runs of several strategies exist, their total costs side by side; and what
// the suppliers confirmed or counter-proposed since.
// Supply planners and administrators run new plans from here.

import { canPlanSupply } from "@fulcrum/domain";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMe, useSupplyReview, useSupplyRuns, useWorkspace } from "../api/queries";
import type { CompanyCurrency, SupplyReview, SupplyRun, SupplyRunSummary } from "../api/types";
import { CapacityHeatMap } from "../components/capacity-heat-map";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ProductionPlanTable } from "../components/production-plan-table";
import { ErrorMessage, Loading } from "../components/query-state";
import { ShortageTable } from "../components/shortage-table";
import { Stat } from "../components/stat";
import { StockChart } from "../components/stock-chart";
import { SupplierResponsesPanel } from "../components/supplier-responses-panel";
import { type CapacityTarget, SupplyInputsPanel } from "../components/supply-inputs-panel";
import { SupplyRunControl } from "../components/supply-run-control";
import { formatPeriod, formatTimestamp } from "../format/dates";
import { formatCount, formatMoneyRounded, formatPercentFigure } from "../format/numbers";
import { COST_KIND_LABELS, STRATEGY_LABELS } from "../format/supply-labels";

const EUR: CompanyCurrency = { code: "EUR", minorDigits: 2 };

export function SupplyReviewPage() {
  const me = useMe();
  const runs = useSupplyRuns();
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const finished = (runs.data ?? []).filter((r) => r.status === "finished");
  const chosen = Number(params.get("run")) || null;
  const selected = finished.find((r) => r.id === chosen) ?? finished[0] ?? null;
  const latest = runs.data?.[0];
  const currency = workspace.data?.company.currency ?? EUR;
  return (
    <div className="page" data-testid="supply-review-page">
      <PageHeader
        eyebrow={<Link to="/supply">Supply</Link>}
        title="Supply review"
        description="Capacity, production, stock, shortages and cost of a supply plan, with the optimiser, level and chase plans compared."
        actions={me.data && canPlanSupply(me.data.role) ? <SupplyRunControl /> : undefined}
      />
      {runs.isPending ? <Loading label="Loading supply plans…" /> : null}
      {runs.isError ? <ErrorMessage error={runs.error} /> : null}
      {latest?.status === "failed" ? (
        <div className="alert alert-danger" role="alert" data-testid="supply-failed">
          <strong>The latest supply run failed</strong>
          <span>{latest.error}</span>
        </div>
      ) : null}
      {runs.data && !selected ? (
        <div className="alert alert-warning" role="note" data-testid="supply-empty">
          <strong>No supply plan yet</strong>
          <span>
            A supply planner or an administrator runs one with “Run supply plan”: it plans the latest demand
            plan into a new draft supply version.
          </span>
        </div>
      ) : null}
      {selected ? (
        <>
          <div className="supply-toolbar">
            <label className="field">
              <span className="field-label">Plan</span>
              <select
                className="input input-small"
                value={selected.id}
                onChange={(event) => setParams({ run: event.target.value })}
                data-testid="supply-run-picker"
              >
                {finished.map((r) => (
                  <option key={r.id} value={r.id}>
                    {runLabel(r)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <StrategyComparison runs={finished} currency={currency} />
          <RunReview
            runId={selected.id}
            currency={currency}
            editable={!!me.data && canPlanSupply(me.data.role)}
          />
        </>
      ) : null}
      <SupplierResponsesPanel />
    </div>
  );
}

function runLabel(run: SupplyRun): string {
  return `#${run.id} ${STRATEGY_LABELS[run.strategy]} · ${formatTimestamp(run.finishedAt ?? run.startedAt)} · version ${run.versionId}`;
}

/** The newest finished run of each strategy, side by side, once there are at least two. */
function StrategyComparison({ runs, currency }: { runs: readonly SupplyRun[]; currency: CompanyCurrency }) {
  const newest = (["optimal", "level", "chase"] as const)
    .map((strategy) => runs.find((r) => r.strategy === strategy))
    .filter((r): r is SupplyRun => r !== undefined && r.totalCost !== null);
  if (newest.length < 2) return null;
  const best = Math.min(...newest.map((r) => r.totalCost!));
  return (
    <Panel title="Strategies compared" subtitle="Total plan cost of the newest run of each strategy">
      <table className="grid grid-plain" aria-label="Strategies compared" data-testid="strategy-comparison">
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Run</th>
            <th scope="col" className="align-right">
              Total cost ({currency.code})
            </th>
            <th scope="col" className="align-right">
              Above the cheapest (%)
            </th>
          </tr>
        </thead>
        <tbody>
          {newest.map((r) => (
            <tr key={r.strategy} data-strategy={r.strategy}>
              <th scope="row">{STRATEGY_LABELS[r.strategy]}</th>
              <td>#{r.id}</td>
              <td className="align-right num">{formatMoneyRounded(r.totalCost!, currency)}</td>
              <td className="align-right num">{formatPercentFigure((100 * (r.totalCost! - best)) / best)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function RunReview({
  runId,
  currency,
  editable,
}: {
  runId: number;
  currency: CompanyCurrency;
  editable: boolean;
}) {
  const review = useSupplyReview(runId);
  const [target, setTarget] = useState<CapacityTarget | null>(null);
  if (review.isPending) return <Loading label="Loading the supply plan…" />;
  if (review.isError) return <ErrorMessage error={review.error} />;
  const { summary } = review.data;
  if (!summary) return null;
  return (
    <div className={review.isPlaceholderData ? "supply-review grid-busy" : "supply-review"}>
      <Headline summary={summary} currency={currency} />
      <Panel
        title="Capacity"
        subtitle={`Load of each resource as a share of its regular hours, ${formatPeriod(summary.periods[0]!)}–${formatPeriod(summary.periods.at(-1)!)}`}
      >
        <CapacityHeatMap
          periods={summary.periods}
          capacity={summary.capacity}
          names={review.data.resourceNames}
          onPick={editable ? setTarget : undefined}
        />
      </Panel>
      <SupplyInputsPanel run={review.data.run} summary={summary} editable={editable} target={target} />
      <Panel title="Production plan" subtitle="Units made per month by family; open a family for its SKUs">
        <ProductionPlanTable periods={summary.periods} rows={review.data.production} />
      </Panel>
      <StockPanel review={review.data} periods={summary.periods} />
      <Panel
        title="Shortages"
        subtitle={`${formatCount(summary.shortageTotals.count)} shortages, ${formatCount(summary.shortageTotals.units)} units, ${formatMoneyRounded(summary.shortageTotals.revenueAtRisk, currency)} ${currency.code} revenue at risk; largest first`}
      >
        <ShortageTable shortages={summary.shortages} currency={currency} />
      </Panel>
      <div className="supply-columns">
        <CostPanel summary={summary} currency={currency} />
        <CashPanel summary={summary} currency={currency} />
      </div>
    </div>
  );
}

function Headline({ summary, currency }: { summary: SupplyRunSummary; currency: CompanyCurrency }) {
  const cash = summary.cashFlow.at(-1)?.cumulative ?? 0;
  return (
    <div className="stats stats-boxed" data-testid="supply-stats">
      <Stat
        label="Total cost"
        value={formatMoneyRounded(summary.costs.total, currency)}
        unit={currency.code}
        hint={
          summary.outcome === "heuristic"
            ? "heuristic plan"
            : `${summary.outcome === "optimal" ? "optimal" : "best found in the time limit"}, ${summary.solveSeconds?.toFixed(1) ?? "–"} s`
        }
      />
      <Stat
        label="Fill rate"
        value={formatPercentFigure(100 * summary.service.fillRate)}
        unit="%"
        hint="demand served in the month asked"
      />
      <Stat
        label="Revenue at risk"
        value={formatMoneyRounded(summary.shortageTotals.revenueAtRisk, currency)}
        unit={currency.code}
        hint={`${formatCount(summary.shortageTotals.count)} shortages`}
      />
      <Stat
        label="Revenue"
        value={formatMoneyRounded(summary.service.revenue, currency)}
        unit={currency.code}
      />
      <Stat
        label="Cash at horizon end"
        value={formatMoneyRounded(cash, currency)}
        unit={currency.code}
        hint="cumulative net cash flow"
      />
    </div>
  );
}

function StockPanel({ review, periods }: { review: SupplyReview; periods: readonly string[] }) {
  const [sku, setSku] = useState<string | null>(null);
  const stock = review.inventory.find((s) => s.sku === sku) ?? review.inventory[0];
  if (!stock) return null;
  return (
    <Panel
      title="Projected stock"
      subtitle="All locations of the SKU, against its target (safety stock plus half a month of demand) and safety stock"
      actions={
        <select
          className="input input-small"
          value={stock.sku}
          onChange={(event) => setSku(event.target.value)}
          aria-label="SKU"
          data-testid="stock-sku"
        >
          {review.inventory.map((s) => (
            <option key={s.sku} value={s.sku}>
              {s.sku} {s.name}
            </option>
          ))}
        </select>
      }
    >
      <StockChart periods={periods} stock={stock} />
    </Panel>
  );
}

function CostPanel({ summary, currency }: { summary: SupplyRunSummary; currency: CompanyCurrency }) {
  const kinds = Object.entries(summary.costs.byKind).filter(([, amount]) => amount !== 0);
  return (
    <Panel title="Costs" subtitle="Over the horizon, by kind">
      <table className="grid grid-plain" aria-label="Costs" data-testid="supply-costs">
        <thead>
          <tr>
            <th scope="col">Cost</th>
            <th scope="col" className="align-right">
              {currency.code}
            </th>
            <th scope="col" className="align-right">
              Share (%)
            </th>
          </tr>
        </thead>
        <tbody>
          {kinds.map(([kind, amount]) => (
            <tr key={kind}>
              <th scope="row">{COST_KIND_LABELS[kind] ?? kind}</th>
              <td className="align-right num">{formatMoneyRounded(amount, currency)}</td>
              <td className="align-right num">{formatPercentFigure((100 * amount) / summary.costs.total)}</td>
            </tr>
          ))}
          <tr className="row-emphasis">
            <th scope="row">Total</th>
            <td className="align-right num">{formatMoneyRounded(summary.costs.total, currency)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </Panel>
  );
}

function CashPanel({ summary, currency }: { summary: SupplyRunSummary; currency: CompanyCurrency }) {
  return (
    <Panel title="Cash flow" subtitle={`Receipts and payments per month, in ${currency.code}`}>
      <table className="grid grid-plain" aria-label="Cash flow" data-testid="supply-cash">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="align-right">
              Receipts
            </th>
            <th scope="col" className="align-right">
              Payments
            </th>
            <th scope="col" className="align-right">
              Net
            </th>
            <th scope="col" className="align-right">
              Cumulative
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.cashFlow.map((c) => (
            <tr key={c.period}>
              <th scope="row">{formatPeriod(c.period)}</th>
              <td className="align-right num">{formatMoneyRounded(c.receipts, currency)}</td>
              <td className="align-right num">
                {formatMoneyRounded(c.materialPayments + c.labourPayments + c.overheadPayments, currency)}
              </td>
              <td className="align-right num">{formatMoneyRounded(c.net, currency)}</td>
              <td className="align-right num">{formatMoneyRounded(c.cumulative, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
