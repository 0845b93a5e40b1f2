// "Run statistical forecast": the level to forecast at, and the job followed until a worker has
// forecast every series.

import { useState } from "react";
import { jobFinished, useForecastJob, useStartForecast } from "../api/queries";
import type { ForecastJob, ForecastLevel } from "../api/types";
import { LEVEL_LABELS } from "../format/forecast-labels";
import { formatCount } from "../format/numbers";
import { JobRunControl } from "./job-run-control";

export function ForecastRunControl() {
  const [level, setLevel] = useState<ForecastLevel>("sku");
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartForecast();
  const job = useForecastJob(jobId);
  const state = job.data?.state;
  const run = job.data?.run;
  return (
    <JobRunControl
      testId="forecast"
      choice={{
        label: "Level",
        options: LEVEL_LABELS,
        value: level,
        onChange: setLevel,
        testId: "forecast-level",
      }}
      runLabel="Run statistical forecast"
      busyLabel="Forecasting…"
      running={start.isPending || (jobId !== null && !jobFinished(state))}
      onRun={() => start.mutate({ level }, { onSuccess: setJobId, onError: () => setJobId(null) })}
      progress={
        jobId === null
          ? null
          : {
              state: state ?? "created",
              fraction: state === "completed" ? 1 : run && run.total > 0 ? run.done / run.total : 0,
              text: progressText(job.data),
              label: "Forecast progress",
            }
      }
      errors={[
        ...(start.isError ? [{ error: start.error, title: "Could not start the forecast" }] : []),
        ...(job.isError ? [{ error: job.error, title: "Lost track of the forecast run" }] : []),
      ]}
    />
  );
}

function progressText(job: ForecastJob | undefined): string {
  const run = job?.run;
  if (job?.state === "completed") return `Done: ${formatCount(run?.series ?? 0)} series forecast`;
  if (job?.state === "failed") return "The run failed";
  if (job?.state === "cancelled") return "The run was cancelled";
  return run ? `${formatCount(run.done)} of ${formatCount(run.total)} series` : "Waiting for a worker…";
}
