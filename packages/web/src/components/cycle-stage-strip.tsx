// Where the current S&OP cycle stands, read from the cycle API: the stages in order with who
// approved each and when, and — for a user whose role owns the current stage — the Approve button
// (with an optional comment). The executive stage has no button: committing a plan closes it.

import { canApproveStage } from "@fulcrum/domain";
import { useState } from "react";
import { useApproveStage, useCycle } from "../api/cycle";
import { useMe } from "../api/queries";
import { ErrorMessage, Loading } from "./query-state";
import { rolesLabel, StageTrack } from "./stage-track";

export function CycleStageStrip({ compact }: { compact?: boolean }) {
  const cycle = useCycle();
  const me = useMe();
  const approve = useApproveStage();
  const [comment, setComment] = useState("");
  if (cycle.isPending) return <Loading />;
  if (cycle.isError) return <ErrorMessage error={cycle.error} title="Could not load the cycle" />;
  const current = cycle.data.stages.find((s) => s.stage === cycle.data.stage);
  const role = me.data?.role;
  const mayApprove = !!current && !!role && !current.closedByCommit && canApproveStage(role, current.stage);
  return (
    <div className="cycle-strip" data-testid="cycle-stage-strip">
      <StageTrack stages={cycle.data.stages} compact={compact} />
      {current && mayApprove ? (
        <form
          className="cycle-approve"
          onSubmit={(event) => {
            event.preventDefault();
            approve.mutate(
              { stage: current.stage, ...(comment.trim() ? { comment: comment.trim() } : {}) },
              { onSuccess: () => setComment("") },
            );
          }}
        >
          <label className="field cycle-approve-comment">
            <span className="field-label">Comment (optional)</span>
            <input
              className="input"
              data-testid="approve-comment"
              maxLength={2000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </label>
          <button
            type="submit"
            className="button button-primary"
            data-testid="approve-stage"
            disabled={approve.isPending}
          >
            Approve {current.label.toLowerCase()}
          </button>
        </form>
      ) : null}
      {current && !mayApprove && current.approvers.length > 0 && !current.closedByCommit ? (
        <p className="muted cycle-strip-note">
          {current.label} is approved by the {rolesLabel(current.approvers).toLowerCase()}.
        </p>
      ) : null}
      {current?.closedByCommit ? (
        <p className="muted cycle-strip-note">
          The executive S&OP stage closes when the executive commits one plan for the cycle.
        </p>
      ) : null}
      {approve.isError ? <ErrorMessage error={approve.error} title="The stage was not approved" /> : null}
    </div>
  );
}
