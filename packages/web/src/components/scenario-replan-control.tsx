// "Re-plan": queues a scenario's re-plan and follows the job through its phases (demand → supply →
// finance → done) until the scenario's new plan is stored.

import { jobFinished } from "../api/queries";
import { type ScenarioJob, type ScenarioPhase, useScenarioActions, useScenarioJob } from "../api/scenarios";
import { ErrorMessage } from "./query-state";

export const PHASE_TEXT: Record<ScenarioPhase, string> = {
  demand: "Re-planning demand…",
  supply: "Planning supply…",
  finance: "Pricing the plan…",
  done: "Done",
};

export function ScenarioReplanControl({
  scenarioId,
  jobId,
  onJob,
}: {
  scenarioId: number;
  /** The job being followed; kept by the page so it survives switching scenarios. */
  jobId: string | null;
  onJob: (jobId: string | null) => void;
}) {
  const { replan } = useScenarioActions();
  const job = useScenarioJob(jobId);
  const state = job.data?.state;
  const running = replan.isPending || (jobId !== null && !jobFinished(state));
  return (
    <div className="forecast-run" data-testid="replan">
      <button
        type="button"
        className="button button-primary button-small"
        disabled={running}
        onClick={() =>
          replan.mutate(scenarioId, { onSuccess: (r) => onJob(r.jobId), onError: () => onJob(null) })
        }
        data-testid="replan-button"
      >
        {running ? "Re-planning…" : "Re-plan"}
      </button>
      {jobId !== null ? (
        <div className="forecast-progress" data-testid="replan-progress" data-state={state ?? "created"}>
          <progress
            max={1}
            value={state === "completed" ? 1 : (job.data?.run?.progress ?? 0) / 100}
            aria-label="Re-plan progress"
          />
          <span className="muted" data-phase={job.data?.run?.phase}>
            {progressText(job.data)}
          </span>
        </div>
      ) : null}
      {replan.isError ? <ErrorMessage error={replan.error} title="Could not start the re-plan" /> : null}
      {job.isError ? <ErrorMessage error={job.error} title="Lost track of the re-plan" /> : null}
    </div>
  );
}

function progressText(job: ScenarioJob | undefined): string {
  const run = job?.run;
  if (job?.state === "failed") return run?.error ?? "The re-plan failed";
  if (job?.state === "cancelled") return "The re-plan was cancelled";
  if (job?.state === "completed") return "Done: the scenario's plan is up to date";
  return run ? `${PHASE_TEXT[run.phase]} ${Math.round(run.progress)} %` : "Waiting for a worker…";
}
