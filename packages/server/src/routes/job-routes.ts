// What the routes of every queued run (forecasts, supply plans) share: the queue they need and the
// shape of a job's status, so both report progress the same way.

import { EnvironmentError } from "@fulcrum/app";
import { z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";

/** The server's job queue; a server started without one cannot take runs. */
export function requireJobs(jobs: ServerEnv["Variables"]["jobs"]) {
  if (!jobs) throw new EnvironmentError("this server has no job queue; start it with `fulcrum start`");
  return jobs;
}

/** A queued job's state with the run it started (null until a worker picks it up). */
export function jobStatusSchema<Run extends z.ZodTypeAny>(run: Run) {
  return z.object({
    id: z.string(),
    state: z.string(),
    output: z.unknown(),
    createdOn: z.string(),
    completedOn: z.string().nullable(),
    run: run.nullable(),
  });
}
