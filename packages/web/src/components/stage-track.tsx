// The S&OP cycle as a track of steps: which meetings are done, which one the cycle is in, who
// owns each and, when the stages come from the cycle API, who approved each and when. Statuses
// come from the server; the track only draws them.

import { ROLE_LABELS, type Role } from "@fulcrum/domain";
import type { StageApproval } from "../api/cycle";
import type { CycleStage, StageStatus } from "../api/types";
import { formatDate } from "../format/dates";

const STATUS_LABEL: Record<StageStatus, string> = {
  done: "Done",
  current: "In progress",
  upcoming: "Upcoming",
};

export interface TrackStage extends CycleStage {
  /** Every role that may approve the stage; the owner alone when absent. */
  readonly approvers?: readonly Role[];
  readonly approval?: StageApproval | null;
}

/** "Demand planner or Administrator". */
export function rolesLabel(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r] ?? r).join(" or ");
}

export function StageTrack({ stages, compact }: { stages: readonly TrackStage[]; compact?: boolean }) {
  return (
    <ol className={compact ? "stage-track stage-track-compact" : "stage-track"} data-testid="stage-track">
      {stages.map((stage, index) => (
        <li
          key={stage.stage}
          className={`stage stage-${stage.status}`}
          aria-current={stage.status === "current" ? "step" : undefined}
          data-stage={stage.stage}
        >
          <span className="stage-marker" aria-hidden="true">
            {stage.status === "done" ? "✓" : index + 1}
          </span>
          <span className="stage-text">
            <span className="stage-label">{stage.label}</span>
            {compact ? null : (
              <span className="stage-meta">
                <span className="stage-status">{STATUS_LABEL[stage.status]}</span>
                <span className="stage-owner">
                  {stage.approvers && stage.approvers.length > 0
                    ? rolesLabel(stage.approvers)
                    : (ROLE_LABELS[stage.owner] ?? stage.owner)}
                </span>
              </span>
            )}
            {stage.approval ? (
              <span
                className="stage-approval"
                data-testid="stage-approval"
                title={stage.approval.comment ?? undefined}
              >
                {stage.approval.by.displayName} · {formatDate(stage.approval.at)}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function stageStatusLabel(status: StageStatus): string {
  return STATUS_LABEL[status];
}
