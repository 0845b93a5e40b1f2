// The S&OP cycle as a track of steps: which meetings are done, which one the cycle is in, who
// owns each. Statuses come from the server; the track only draws them.

import { ROLE_LABELS } from "@fulcrum/domain";
import type { CycleStage, StageStatus } from "../api/types";

const STATUS_LABEL: Record<StageStatus, string> = {
  done: "Done",
  current: "In progress",
  upcoming: "Upcoming",
};

export function StageTrack({ stages, compact }: { stages: readonly CycleStage[]; compact?: boolean }) {
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
                <span className="stage-owner">{ROLE_LABELS[stage.owner] ?? stage.owner}</span>
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function stageStatusLabel(status: StageStatus): string {
  return STATUS_LABEL[status];
}
