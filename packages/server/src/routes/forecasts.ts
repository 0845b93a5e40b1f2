// Statistical forecast runs: queue one for the workers at a chosen level, follow its job's
// progress, list past runs, and read the latest forecast from any hierarchy node.

import { AppError, DEFAULT_FORECAST_RUN, FORECAST_LEVELS } from "@fulcrum/app";
import { canRunForecast } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";
import { jobStatusSchema, requireJobs } from "./job-routes";

const LevelSchema = z.enum(FORECAST_LEVELS);

const RunSchema = z
  .object({
    id: z.number(),
    versionId: z.number(),
    level: LevelSchema,
    status: z.enum(["running", "finished", "failed"]),
    firstPeriod: z.string(),
    horizon: z.number(),
    series: z.number(),
    done: z.number(),
    total: z.number(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    reconciliation: z
      .object({ method: z.enum(["bottom-up", "mint-shrink"]), shrinkage: z.number().nullable() })
      .nullable(),
  })
  .openapi("ForecastRun");

const start = createRoute({
  method: "post",
  path: "/forecasts",
  tags: ["demand"],
  middleware: [requireRole(canRunForecast, "run statistical forecasts")] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            horizon: z.number().int().min(1).max(60).default(DEFAULT_FORECAST_RUN.horizon),
            historyMonths: z.number().int().min(6).max(120).default(DEFAULT_FORECAST_RUN.historyMonths),
            level: LevelSchema.default(DEFAULT_FORECAST_RUN.level),
            scenarioId: z.number().int().optional(),
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
      jobStatusSchema(RunSchema),
      "The job's state; `run` (with `done` of `total` series) once a worker has started it, `output` the run summary once completed",
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
    200: json(z.object({ runs: z.array(RunSchema) }), "Past and running runs, newest first"),
    401: errors[401],
  },
});

const BandSchema = z.object({ period: z.string(), p10: z.number(), p50: z.number(), p90: z.number() });
const BacktestSchema = z
  .object({ mae: z.number(), rmse: z.number(), bias: z.number(), mase: z.number().nullable() })
  .openapi("BacktestAccuracy");

const SeriesModelSchema = z.object({
  location: z.string().nullable(),
  segment: z.string().nullable(),
  method: z.string(),
  model: z.string(),
  demandClass: z.string(),
  notes: z.array(z.string()),
  accuracy: BacktestSchema.nullable(),
  scoreboard: z.array(
    BacktestSchema.extend({ method: z.string(), origins: z.number(), chosen: z.boolean() }),
  ),
  cleansing: z
    .array(
      z.object({
        period: z.string(),
        original: z.number(),
        cleansed: z.number(),
        reason: z.enum(["outlier", "promotion"]),
      }),
    )
    .openapi({
      description:
        "History months cleansed before fitting: outliers replaced by the baseline, promotion months cleared of the promotion's effect",
    }),
});

const latest = createRoute({
  method: "get",
  path: "/forecasts/latest/node",
  tags: ["demand"],
  request: { query: z.object({ code: z.string().optional(), kind: z.enum(["group", "item"]).optional() }) },
  responses: {
    200: json(
      z
        .object({
          node: z.object({
            kind: z.enum(["group", "item"]).nullable(),
            code: z.string().nullable(),
            name: z.string(),
          }),
          run: RunSchema.nullable(),
          history: z.array(
            z.object({ period: z.string(), actual: z.number(), fitted: z.number().nullable() }),
          ),
          forecast: z.array(BandSchema),
          series: z.number(),
          methods: z.array(z.object({ method: z.string(), series: z.number() })),
          accuracy: z
            .object({
              mae: z.number(),
              bias: z.number(),
              mase: z.number().nullable(),
              relativeMae: z.number().nullable(),
              backtested: z.number(),
            })
            .nullable(),
          models: z.array(SeriesModelSchema),
          ownModel: SeriesModelSchema.nullable(),
        })
        .openapi("NodeForecast"),
      "The latest finished run seen from the node (omit code for every product); run is null before the first run",
    ),
    401: errors[401],
    404: errors[404],
  },
});

export const forecastRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(start, async (c) => {
    const body = c.req.valid("json");
    const jobId = await requireJobs(c.var.jobs).enqueueForecast({ ...body, userId: c.var.user.id });
    return c.json({ jobId }, 202);
  })
  .openapi(job, async (c) => {
    const { id } = c.req.valid("param");
    const status = await requireJobs(c.var.jobs).status(id);
    if (!status) throw new AppError("not_found", `no forecast job ${id}`);
    return c.json({ ...status, run: await c.var.fulcrum.forecasts.runForJob(id) }, 200);
  })
  .openapi(runs, async (c) => c.json({ runs: await c.var.fulcrum.forecasts.runs() }, 200))
  .openapi(latest, async (c) => {
    const { code, kind } = c.req.valid("query");
    return c.json(
      await c.var.fulcrum.forecasts.latestForNode(code ? { code, kind: kind ?? "group" } : undefined),
      200,
    );
  });
