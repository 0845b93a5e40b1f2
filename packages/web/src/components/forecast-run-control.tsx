// "Run statistical forecast": the level to forecast at, the button that queues the run, and a
// progress bar that follows the job until a worker has forecast every series.

import { useState } from "react";
import { jobFinished, useForecastJob, useStartForecast } from "../api/queries";
import type { ForecastJob, ForecastLevel } from "../api/types";
import { LEVEL_LABELS } from "../format/forecast-labels";
import { formatCount } from "../format/numbers";
import { ErrorMessage } from "./query-state";

export function ForecastRunControl() {
  const [level, setLevel] = useState<ForecastLevel>("sku");
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartForecast();
  const job = useForecastJob(jobId);
  const state = job.data?.state;
  const running = start.isPending || (jobId !== null && !jobFinished(state));
  const run = job.data?.run;
  const fraction = run && run.total > 0 ? run.done / run.total : 0;

  const submit = () =>
    start.mutate({ level }, { onSuccess: (id) => setJobId(id), onError: () => setJobId(null) });

  return (
    <div className="forecast-run" data-testid="forecast-run">
      <label className="field forecast-run-level">
        <span className="field-label">Level</span>
        <select
          className="input input-small"
          value={level}
          disabled={running}
          onChange={(event) => setLevel(event.target.value as ForecastLevel)}
          data-testid="forecast-level"
        >
          {(Object.keys(LEVEL_LABELS) as ForecastLevel[]).map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-primary"
        disabled={running}
        onClick={submit}
        data-testid="forecast-run-button"
      >
        {running ? "Forecasting…" : "Run statistical forecast"}
      </button>
      {jobId !== null ? (
        <div className="forecast-progress" data-testid="forecast-progress" data-state={state ?? "created"}>
          <progress max={1} value={state === "completed" ? 1 : fraction} aria-label="Forecast progress" />
          <span className="muted">{progressText(job.data)}</span>
        </div>
      ) : null}
      {start.isError ? <ErrorMessage error={start.error} title="Could not start the forecast" /> : null}
      {job.isError ? <ErrorMessage error={job.error} title="Lost track of the forecast run" /> : null}
    </div>
  );
}

function progressText(job: ForecastJob | undefined): string {
  const run = job?.run;
  if (job?.state === "completed") return `Done: ${formatCount(run?.series ?? 0)} series forecast`;
  if (job?.state === "failed") return "The run failed";
  if (job?.state === "cancelled") return "The run was cancelled";
  return run ? `${formatCount(run.done)} of ${formatCount(run.total)} series` : "Waiting for a worker…";
}
