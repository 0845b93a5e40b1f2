// Statistical forecast runs: queue one for the workers, follow its job, list past runs.

import { AppError, DEFAULT_FORECAST_RUN, EnvironmentError } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";

const start = createRoute({
  method: "post",
  path: "/forecasts",
  tags: ["demand"],
  middleware: [
    requireRole((role) => role === "demand_planner" || role === "admin", "run statistical forecasts"),
  ] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            horizon: z.number().int().min(1).max(60).default(DEFAULT_FORECAST_RUN.horizon),
            historyMonths: z.number().int().min(6).max(120).default(DEFAULT_FORECAST_RUN.historyMonths),
          }),
        },
      },
    },
  },
  responses: {
    202: json(z.object({ jobId: z.string() }), "Queued; a worker runs it"),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The role may not run forecasts"),
    503: json(ErrorSchema, "No job queue in this server"),
  },
});

const job = createRoute({
  method: "get",
  path: "/forecasts/jobs/{id}",
  tags: ["demand"],
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: json(
      z.object({
        id: z.string(),
        state: z.string(),
        output: z.unknown(),
        createdOn: z.string(),
        completedOn: z.string().nullable(),
      }),
      "The job's state; `output` holds the run summary once completed",
    ),
    401: errors[401],
    404: errors[404],
  },
});

const runs = createRoute({
  method: "get",
  path: "/forecasts/runs",
  tags: ["demand"],
  responses: {
    200: json(
      z.object({
        runs: z.array(
          z.object({
            id: z.number(),
            versionId: z.number(),
            firstPeriod: z.string(),
            horizon: z.number(),
            series: z.number(),
            finishedAt: z.string(),
          }),
        ),
      }),
      "Past runs, newest first",
    ),
    401: errors[401],
  },
});

function queue(jobs: ServerEnv["Variables"]["jobs"]) {
  if (!jobs) throw new EnvironmentError("this server has no job queue; start it with `fulcrum start`");
  return jobs;
}

export const forecastRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(start, async (c) => {
    const body = c.req.valid("json");
    const jobId = await queue(c.var.jobs).enqueueForecast({ ...body, userId: c.var.user.id });
    return c.json({ jobId }, 202);
  })
  .openapi(job, async (c) => {
    const status = await queue(c.var.jobs).status(c.req.valid("param").id);
    if (!status) throw new AppError("not_found", `no forecast job ${c.req.valid("param").id}`);
    return c.json(status, 200);
  })
  .openapi(runs, async (c) => c.json({ runs: await c.var.fulcrum.forecasts.runs() }, 200));
