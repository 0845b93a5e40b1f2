// The home screen: where the cycle stands, whether its inputs are complete, how much history the
// plan can learn from, and what was imported last.

import { Link } from "react-router";
import { useWorkspace } from "../api/queries";
import type { EntitySummary, Workspace } from "../api/types";
import { CycleStageStrip } from "../components/cycle-stage-strip";
import { EntityList } from "../components/entity-list";
import { HistoryCoverage } from "../components/history-coverage";
import { ImportLog } from "../components/import-log";
import { NextCycleExceptionsPanel } from "../components/next-cycle-exceptions-panel";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { formatDate, formatPeriodLong } from "../format/dates";
import { formatCount } from "../format/numbers";
import { AREA_LABELS, AREA_ORDER } from "../stages/stage-config";

export function OverviewPage() {
  const workspace = useWorkspace();
  if (workspace.isPending) return <Loading />;
  if (workspace.isError) return <ErrorMessage error={workspace.error} />;
  return <Overview workspace={workspace.data} />;
}

function Overview({ workspace }: { workspace: Workspace }) {
  const { company, cycle, entities, history, recentImports } = workspace;
  const filled = entities.filter((e) => e.rows > 0).length;
  const labelOf = (name: string) => entities.find((e) => e.name === name)?.label ?? name;
  const current = cycle.stages.find((s) => s.stage === cycle.stage);
  return (
    <div className="page" data-testid="overview-page">
      <PageHeader
        eyebrow="Cycle overview"
        title={`S&OP cycle ${formatPeriodLong(cycle.period)}`}
        description={
          <>
            {company.name} · {company.bucket === "month" ? "monthly" : "weekly"} buckets · data as of{" "}
            {formatDate(company.asOf)}
            {current ? (
              <>
                {" "}
                · now in <strong>{current.label.toLowerCase()}</strong>
              </>
            ) : null}
          </>
        }
      />
      <Panel
        title="Cycle stages"
        subtitle="Each meeting's owner approves its stage before the next one starts."
      >
        <CycleStageStrip />
      </Panel>
      <NextCycleExceptionsPanel currency={company.currency} />
      <div className="columns columns-2-1">
        <Panel
          title="Data completeness"
          subtitle={`${formatCount(filled)} of ${formatCount(entities.length)} entities hold data`}
          actions={
            <Link className="button button-small" to="/data/import">
              Import data
            </Link>
          }
          testId="data-completeness"
        >
          <div className="area-columns">
            {AREA_ORDER.map((area) => (
              <AreaBlock
                key={area}
                title={AREA_LABELS[area]}
                entities={entities.filter((e) => e.area === area)}
              />
            ))}
          </div>
        </Panel>
        <div className="stack">
          <Panel title="Sales history" subtitle="What demand planning can learn from">
            <HistoryCoverage history={history} />
            <div className="panel-links">
              <Link to="/demand/hierarchy">Explore history by product →</Link>
              <Link to="/data/sales_history">Browse order lines →</Link>
            </div>
          </Panel>
          <Panel
            title="Recent imports"
            actions={
              <Link className="button button-small button-quiet" to="/monitor">
                All imports
              </Link>
            }
            flush
          >
            <ImportLog runs={recentImports.slice(0, 8)} labelOf={labelOf} testId="recent-imports" compact />
          </Panel>
        </div>
      </div>
    </div>
  );
}

function AreaBlock({ title, entities }: { title: string; entities: readonly EntitySummary[] }) {
  const rows = entities.reduce((sum, e) => sum + e.rows, 0);
  return (
    <div className="area-block">
      <h3 className="area-title">
        {title}
        <span className="area-total num">{formatCount(rows)} rows</span>
      </h3>
      <EntityList entities={entities} />
    </div>
  );
}
