// The statistical forecast page of the demand review: the product hierarchy on the left and, for
// the selected node, its history with the model's fitted values, the forecast with its P10–P90
// band, the model and why it was chosen, the backtest scoreboard and accuracy. Demand planners and
// administrators can run a new forecast from here and watch it progress.

import { canRunForecast } from "@fulcrum/domain";
import { Link } from "react-router";
import { useMe, useNodeForecast } from "../api/queries";
import type { HierarchySelection, NodeForecast, SeriesModel } from "../api/types";
import { Breadcrumb } from "../components/breadcrumb";
import { CleansedMonths } from "../components/cleansed-months";
import { ForecastChart } from "../components/forecast-chart";
import { ForecastRunControl } from "../components/forecast-run-control";
import { HierarchyTreePanel, useHierarchySelection } from "../components/hierarchy-tree";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { ScoreboardTable } from "../components/scoreboard-table";
import { Stat } from "../components/stat";
import { Tag } from "../components/tag";
import { formatPeriod, formatTimestamp } from "../format/dates";
import { explainModel, LEVEL_LABELS, methodLabel } from "../format/forecast-labels";
import { formatCount, formatPercentFigure, formatQuantity } from "../format/numbers";

export function ForecastPage() {
  const { selection, select, crumbs, level } = useHierarchySelection();
  const me = useMe();
  return (
    <div className="page" data-testid="forecast-page">
      <PageHeader
        eyebrow={<Link to="/demand">Demand</Link>}
        title="Statistical forecast"
        description="History, model fit and the P10–P90 forecast for any brand, family or SKU, with the backtest that chose each model."
        actions={me.data && canRunForecast(me.data.role) ? <ForecastRunControl /> : undefined}
      />
      <div className="explorer">
        <HierarchyTreePanel selection={selection} select={select} />
        <div className="explorer-main">
          <Breadcrumb crumbs={crumbs} testId="forecast-breadcrumb" />
          <NodeForecastView selection={selection} level={level} />
        </div>
      </div>
    </div>
  );
}

function NodeForecastView({
  selection,
  level,
}: {
  selection: HierarchySelection;
  level: string | undefined;
}) {
  const query = useNodeForecast(selection);
  if (query.isPending) return <Loading label="Loading the forecast…" />;
  if (query.isError) return <ErrorMessage error={query.error} />;
  const view = query.data;
  return (
    <div className={query.isPlaceholderData ? "explorer-body grid-busy" : "explorer-body"}>
      <div className="node-head">
        <h2 className="node-title" data-testid="node-title">
          {view.node.name}
        </h2>
        {selection ? (
          <span className="node-meta">
            <span className="code">{selection.code}</span>
            {level ? <span className="tag tag-neutral">{level}</span> : null}
          </span>
        ) : null}
      </div>
      {view.run ? <ForecastSummary view={view} /> : <NoForecastYet />}
      <Panel
        title={view.run ? "History and forecast" : "History"}
        subtitle={
          view.run
            ? `${LEVEL_LABELS[view.run.level]} run of ${formatTimestamp(view.run.finishedAt ?? view.run.startedAt)}, ${view.run.horizon} months from ${formatPeriod(view.run.firstPeriod)}${levelsNote(view)}`
            : undefined
        }
      >
        {view.history.length > 0 || view.forecast.length > 0 ? (
          <ForecastChart view={view} />
        ) : (
          <p className="muted">Nothing has been ordered for this node.</p>
        )}
      </Panel>
      {view.models.map((model) => (
        <SeriesModelPanel key={`${model.location ?? ""}|${model.segment ?? ""}`} model={model} />
      ))}
      {view.ownModel ? <SeriesModelPanel model={view.ownModel} title="This level's own model" /> : null}
      {view.node.kind !== "item" && view.methods.length > 0 ? <MethodMix view={view} /> : null}
    </div>
  );
}

function NoForecastYet() {
  return (
    <div className="alert alert-warning" role="note" data-testid="forecast-empty">
      <strong>No statistical forecast yet</strong>
      <span>
        The history is below. A demand planner or an administrator runs the forecast with “Run statistical
        forecast”; it writes a new draft demand version with P10, P50 and P90 per month.
      </span>
    </div>
  );
}

function ForecastSummary({ view }: { view: NodeForecast }) {
  const next12 = view.forecast.slice(0, 12).reduce((total, f) => total + f.p50, 0);
  const last12 = view.history.slice(-12).reduce((total, p) => total + p.actual, 0);
  const accuracy = view.accuracy;
  const single = view.models.length === 1 ? view.models[0] : undefined;
  return (
    <div className="stats stats-boxed" data-testid="forecast-stats">
      <Stat
        label={single ? "Model" : "Series"}
        value={single ? methodLabel(single.method) : formatCount(view.series)}
        hint={single ? single.model : view.run ? LEVEL_LABELS[view.run.level] : undefined}
      />
      <Stat
        label={`Forecast, next ${Math.min(12, view.forecast.length)} months`}
        value={formatQuantity(next12, 0)}
        unit="units"
        hint={last12 > 0 ? `last 12 months: ${formatQuantity(last12, 0)}` : undefined}
      />
      <Stat
        label="Backtest MAE"
        value={accuracy ? formatQuantity(accuracy.mae, 0) : "–"}
        unit="units/month"
        hint={
          accuracy?.relativeMae !== null && accuracy?.relativeMae !== undefined
            ? `${formatPercentFigure(100 * accuracy.relativeMae)} % of demand`
            : undefined
        }
      />
      <Stat
        label={view.series > 1 ? "MASE, volume-weighted" : "MASE"}
        value={
          accuracy?.mase !== null && accuracy?.mase !== undefined ? formatQuantity(accuracy.mase, 2, 2) : "–"
        }
        hint="below 1 beats seasonal naive"
      />
      <Stat
        label="Bias"
        value={accuracy ? formatQuantity(accuracy.bias, 0) : "–"}
        unit="units/month"
        hint={accuracy ? (accuracy.bias >= 0 ? "over-forecasting" : "under-forecasting") : undefined}
      />
    </div>
  );
}

function SeriesModelPanel({ model, title }: { model: SeriesModel; title?: string }) {
  const where = model.location ?? model.segment;
  return (
    <Panel
      title={title ?? (where ? `Model at ${where}` : "Model")}
      subtitle={`${model.model} · ${model.demandClass} demand`}
      testId="forecast-model"
    >
      <p className="forecast-explanation" data-testid="forecast-explanation">
        <Tag tone="info">{methodLabel(model.method)}</Tag> {explainModel(model)}
      </p>
      {model.notes.length > 0 ? (
        <ul className="forecast-notes">
          {model.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <CleansedMonths months={model.cleansing ?? []} />
      <ScoreboardTable entries={model.scoreboard} testId="forecast-scoreboard" />
    </Panel>
  );
}

function MethodMix({ view }: { view: NodeForecast }) {
  return (
    <Panel title="Chosen methods" subtitle={`${formatCount(view.series)} series below this node`}>
      <table className="grid grid-plain" aria-label="Chosen methods" data-testid="forecast-methods">
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col" className="align-right">
              Series
            </th>
            <th scope="col" className="align-right">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {view.methods.map((m) => (
            <tr key={m.method}>
              <th scope="row">{methodLabel(m.method)}</th>
              <td className="align-right">{formatCount(m.series)}</td>
              <td className="align-right">{formatPercentFigure((100 * m.series) / view.series)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

/** How this node's numbers relate to the levels below it. */
function levelsNote(view: NodeForecast): string {
  const reconciliation = view.run?.reconciliation;
  if (view.node.kind === "item" && view.run?.level === "sku") return "";
  if (!reconciliation)
    return " · summed over the series below (their P10s and P90s too, so the band is wide)";
  const method =
    reconciliation.method === "mint-shrink"
      ? `MinT-shrink${reconciliation.shrinkage === null ? "" : `, λ = ${reconciliation.shrinkage.toFixed(2)}`}`
      : "bottom-up";
  return ` · this level's own forecast, reconciled with the levels below (${method}) so they add up; band from its own model`;
}
