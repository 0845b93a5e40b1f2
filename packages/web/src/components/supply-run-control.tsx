// "Run supply plan": the strategy to plan with, and the job followed through its phases until the
// new supply version is stored.

import { useState } from "react";
import { jobFinished, useStartSupplyRun, useSupplyJob } from "../api/queries";
import type { SupplyJob, SupplyStrategy } from "../api/types";
import { STRATEGY_LABELS } from "../format/supply-labels";
import { JobRunControl } from "./job-run-control";

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
  return (
    <JobRunControl
      testId="supply"
      choice={{
        label: "Strategy",
        options: STRATEGY_LABELS,
        value: strategy,
        onChange: setStrategy,
        testId: "supply-strategy",
      }}
      runLabel="Run supply plan"
      busyLabel="Planning…"
      running={start.isPending || (jobId !== null && !jobFinished(state))}
      onRun={() => start.mutate({ strategy }, { onSuccess: setJobId, onError: () => setJobId(null) })}
      progress={
        jobId === null
          ? null
          : {
              state: state ?? "created",
              fraction: state === "completed" ? 1 : (job.data?.run?.progress ?? 0) / 100,
              text: progressText(job.data),
              label: "Supply plan progress",
            }
      }
      errors={[
        ...(start.isError ? [{ error: start.error, title: "Could not start the supply plan" }] : []),
        ...(job.isError ? [{ error: job.error, title: "Lost track of the supply run" }] : []),
      ]}
    />
  );
}

function progressText(job: SupplyJob | undefined): string {
  const run = job?.run;
  if (job?.state === "failed") return run?.error ?? "The run failed";
  if (job?.state === "cancelled") return "The run was cancelled";
  if (job?.state === "completed") return "Done: a new draft supply version";
  return run ? PHASE_TEXT[run.phase] : "Waiting for a worker…";
}
