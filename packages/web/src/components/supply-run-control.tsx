// "Run supply plan": the strategy to plan with, the button that queues the run, and a progress bar
// that follows the job through its phases until the new supply version is stored.

import { useState } from "react";
import { jobFinished, useStartSupplyRun, useSupplyJob } from "../api/queries";
import type { SupplyJob, SupplyStrategy } from "../api/types";
import { STRATEGY_LABELS } from "../format/supply-labels";
import { ErrorMessage } from "./query-state";

const PHASE_TEXT = {
  assembling: "Assembling the problem…",
  solving: "Solving…",
  storing: "Storing the plan…",
  done: "Done",
} as const;

export function SupplyRunControl() {
  const [strategy, setStrategy] = useState<SupplyStrategy>("optimal");
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartSupplyRun();
  const job = useSupplyJob(jobId);
  const state = job.data?.state;
  const running = start.isPending || (jobId !== null && !jobFinished(state));
  const run = job.data?.run;

  const submit = () =>
    start.mutate({ strategy }, { onSuccess: (id) => setJobId(id), onError: () => setJobId(null) });

  return (
    <div className="forecast-run" data-testid="supply-run">
      <label className="field forecast-run-level">
        <span className="field-label">Strategy</span>
        <select
          className="input input-small"
          value={strategy}
          disabled={running}
          onChange={(event) => setStrategy(event.target.value as SupplyStrategy)}
          data-testid="supply-strategy"
        >
          {(Object.keys(STRATEGY_LABELS) as SupplyStrategy[]).map((s) => (
            <option key={s} value={s}>
              {STRATEGY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-primary"
        disabled={running}
        onClick={submit}
        data-testid="supply-run-button"
      >
        {running ? "Planning…" : "Run supply plan"}
      </button>
      {jobId !== null ? (
        <div className="forecast-progress" data-testid="supply-progress" data-state={state ?? "created"}>
          <progress
            max={100}
            value={state === "completed" ? 100 : (run?.progress ?? 0)}
            aria-label="Supply plan progress"
          />
          <span className="muted">{progressText(job.data)}</span>
        </div>
      ) : null}
      {start.isError ? <ErrorMessage error={start.error} title="Could not start the supply plan" /> : null}
      {job.isError ? <ErrorMessage error={job.error} title="Lost track of the supply run" /> : null}
    </div>
  );
}

function progressText(job: SupplyJob | undefined): string {
  const run = job?.run;
  if (job?.state === "failed") return run?.error ?? "The run failed";
  if (job?.state === "cancelled") return "The run was cancelled";
  if (job?.state === "completed") return "Done: a new draft supply version";
  return run ? PHASE_TEXT[run.phase] : "Waiting for a worker…";
}
