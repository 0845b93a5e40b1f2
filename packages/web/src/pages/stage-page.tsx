// One page per S&OP stage, built from its definition: what the stage is for, where it sits in the
// current cycle, the input data it reads, and the tools that exist for it today. Nothing here is
// invented: a stage without tools says so instead of showing placeholders.

import { ROLE_LABELS } from "@fulcrum/domain";
import { Link } from "react-router";
import { useWorkspace } from "../api/queries";
import type { StageStatus, Workspace } from "../api/types";
import { CycleStageStrip } from "../components/cycle-stage-strip";
import { DecisionLogPanel } from "../components/decision-log-panel";
import { EntityList } from "../components/entity-list";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { stageStatusLabel } from "../components/stage-track";
import { Tag, type TagTone } from "../components/tag";
import { formatPeriodLong } from "../format/dates";
import { AREA_LABELS, type StageDef, type StageId, stageById } from "../stages/stage-config";

const STATUS_TONE: Record<StageStatus, TagTone> = {
  done: "success",
  current: "current",
  upcoming: "neutral",
};

export function StagePage({ stageId }: { stageId: StageId }) {
  const workspace = useWorkspace();
  if (workspace.isPending) return <Loading />;
  if (workspace.isError) return <ErrorMessage error={workspace.error} />;
  return <Stage stage={stageById(stageId)} workspace={workspace.data} />;
}

function Stage({ stage, workspace }: { stage: StageDef; workspace: Workspace }) {
  const cycleStages = workspace.cycle.stages.filter((s) => stage.cycleStages.includes(s.stage));
  return (
    <div className="page" data-testid={`stage-page-${stage.id}`}>
      <PageHeader eyebrow="S&OP stage" title={stage.label} description={stage.purpose} />
      {cycleStages.length > 0 ? (
        <Panel title={`In the ${formatPeriodLong(workspace.cycle.period)} cycle`}>
          <div className="stage-cards">
            {cycleStages.map((s) => (
              <div key={s.stage} className={`stage-card stage-card-${s.status}`}>
                <div className="stage-card-label">{s.label}</div>
                <Tag tone={STATUS_TONE[s.status]}>{stageStatusLabel(s.status)}</Tag>
                <div className="stage-card-owner">
                  Owner <strong>{ROLE_LABELS[s.owner] ?? s.owner}</strong>
                </div>
              </div>
            ))}
          </div>
          <CycleStageStrip compact />
        </Panel>
      ) : null}
      {stage.id === "executive" ? <DecisionLogPanel /> : null}
      {stage.tools.length > 0 ? (
        <Panel title="Tools">
          <ul className="tool-list">
            {stage.tools.map((tool) => (
              <li key={tool.to}>
                <Link to={tool.to} className="tool">
                  <span className="tool-label">{tool.label}</span>
                  <span className="tool-description">{tool.description}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {stage.areas.length > 0 ? (
        <div className="area-columns">
          {stage.areas.map((area) => (
            <Panel key={area} title={`${AREA_LABELS[area]} inputs`} flush testId={`stage-inputs-${area}`}>
              <EntityList entities={workspace.entities.filter((e) => e.area === area)} />
            </Panel>
          ))}
        </div>
      ) : null}
      {stage.tools.length === 0 ? (
        <p className="not-yet">
          The {stage.label.toLowerCase()} views (plans, scenarios and their review) are not part of this
          version of Fulcrum yet; this page lists what the stage can use today.
        </p>
      ) : null}
    </div>
  );
}
