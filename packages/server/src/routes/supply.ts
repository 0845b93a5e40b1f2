// Supply plan runs: queue one for the workers (optimiser, level or chase), follow its job's phases,
// list past runs, and read one run as the supply review shows it.

import { AppError, DEFAULT_SUPPLY_RUN, SUPPLY_PHASES, SUPPLY_QUEUE, SUPPLY_STRATEGIES } from "@fulcrum/app";
import { canPlanSupply } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, IssueSchema, json } from "../schemas";
import { requireRole } from "../session";
import { jobStatusSchema, requireJobs } from "./job-routes";

const StrategySchema = z.enum(SUPPLY_STRATEGIES);
/** App results are readonly; so are their response arrays. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const numbers = list(z.number());

const RunSchema = z
  .object({
    id: z.number(),
    scenarioId: z.number(),
    demandVersionId: z.number().nullable(),
    versionId: z.number().nullable(),
    strategy: StrategySchema,
    status: z.enum(["running", "finished", "failed"]),
    phase: z.enum(SUPPLY_PHASES),
    progress: z.number(),
    outcome: z.string().nullable(),
    totalCost: z.number().nullable(),
    firstPeriod: z.string(),
    horizon: z.number(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("SupplyRun");

const CauseSchema = z.object({
  kind: z.enum(["resource", "supplier", "lead-time", "cost"]),
  resource: z.string().optional(),
  supplier: z.string().optional(),
  component: z.string().optional(),
  period: z.string().optional(),
  shadowPrice: z.number().nullable().optional(),
});

const SummarySchema = z
  .object({
    outcome: z.enum(["optimal", "time-limit", "heuristic"]),
    objective: z.number().nullable(),
    mipGap: z.number().nullable(),
    solveSeconds: z.number().nullable(),
    periods: list(z.string()),
    size: z.object({ skus: z.number(), stockPositions: z.number(), resources: z.number() }),
    costs: z.object({ total: z.number(), byKind: z.record(z.string(), z.number()) }),
    cashFlow: list(
      z.object({
        period: z.string(),
        receipts: z.number(),
        materialPayments: z.number(),
        labourPayments: z.number(),
        overheadPayments: z.number(),
        net: z.number(),
        cumulative: z.number(),
      }),
    ),
    cashAfterHorizon: z.object({ receipts: z.number(), payments: z.number() }),
    service: z.object({
      demand: z.number(),
      served: z.number(),
      lost: z.number(),
      backlogAtEnd: z.number(),
      fillRate: z.number(),
      revenue: z.number(),
      lostRevenue: z.number(),
    }),
    capacity: list(
      z.object({
        resource: z.string(),
        plant: z.string(),
        load: numbers,
        regularHours: numbers,
        overtimeHours: numbers,
        overtimeLimit: numbers,
        utilisation: numbers,
      }),
    ),
    shortages: list(
      z.object({
        sku: z.string(),
        location: z.string(),
        segment: z.string(),
        period: z.string(),
        units: z.number(),
        revenueAtRisk: z.number(),
        causes: list(CauseSchema),
      }),
    ),
    shortageTotals: z.object({ count: z.number(), units: z.number(), revenueAtRisk: z.number() }),
    inputs: z
      .object({ frozenPeriods: z.number(), firmCommitments: z.number(), capacityEdits: z.number() })
      .optional()
      .openapi({ description: "The planner's inputs the run planned with; absent on older runs" }),
    supplierResponsesUsed: z.number().optional(),
  })
  .openapi("SupplyRunSummary");

const start = createRoute({
  method: "post",
  path: "/supply/runs",
  tags: ["supply"],
  middleware: [requireRole(canPlanSupply, "run supply plans")] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            scenarioId: z.number().int().optional(),
            horizon: z.number().int().min(1).max(36).default(DEFAULT_SUPPLY_RUN.horizon),
            strategy: StrategySchema.default(DEFAULT_SUPPLY_RUN.strategy),
            timeLimitSeconds: z.number().int().min(1).max(3600).default(DEFAULT_SUPPLY_RUN.timeLimitSeconds),
          }),
        },
      },
    },
  },
  responses: {
    202: json(z.object({ jobId: z.string() }), "Queued; a worker runs it"),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The role may not run supply plans"),
    503: json(ErrorSchema, "No job queue in this server"),
  },
});

const job = createRoute({
  method: "get",
  path: "/supply/jobs/{id}",
  tags: ["supply"],
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: json(
      jobStatusSchema(RunSchema),
      "The job's state; `run` (with its phase and progress) once a worker has started it; a failed run carries its error",
    ),
    401: errors[401],
    404: errors[404],
  },
});

const runs = createRoute({
  method: "get",
  path: "/supply/runs",
  tags: ["supply"],
  responses: {
    200: json(z.object({ runs: z.array(RunSchema) }), "Past and running runs, newest first"),
    401: errors[401],
  },
});

const detail = createRoute({
  method: "get",
  path: "/supply/runs/{id}",
  tags: ["supply"],
  request: { params: z.object({ id: z.coerce.number().int() }) },
  responses: {
    200: json(
      z
        .object({
          run: RunSchema,
          summary: SummarySchema.nullable(),
          issues: z.array(IssueSchema),
          resourceNames: z.record(z.string(), z.string()),
          production: list(
            z.object({
              sku: z.string(),
              name: z.string(),
              family: z.string(),
              plant: z.string(),
              quantities: numbers,
            }),
          ),
          inventory: list(
            z.object({
              sku: z.string(),
              name: z.string(),
              projected: numbers,
              safetyStock: numbers,
              target: numbers,
            }),
          ),
        })
        .openapi("SupplyReview"),
      "The run, its summary (null unless finished: costs, cash, service, capacity per resource and period, shortages with causes), the production plan and stock per finished SKU",
    ),
    401: errors[401],
    404: errors[404],
  },
});

export const supplyRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(start, async (c) => {
    const body = c.req.valid("json");
    const jobId = await requireJobs(c.var.jobs).enqueueSupply({ ...body, userId: c.var.user.id });
    return c.json({ jobId }, 202);
  })
  .openapi(job, async (c) => {
    const { id } = c.req.valid("param");
    const status = await requireJobs(c.var.jobs).status(id, SUPPLY_QUEUE);
    if (!status) throw new AppError("not_found", `no supply job ${id}`);
    return c.json({ ...status, run: await c.var.fulcrum.supply.runForJob(id) }, 200);
  })
  .openapi(runs, async (c) => c.json({ runs: await c.var.fulcrum.supply.runs() }, 200))
  .openapi(detail, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await c.var.fulcrum.supply.review(id), 200);
  });
