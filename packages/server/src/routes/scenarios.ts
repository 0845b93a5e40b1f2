// What-if scenarios and the executive decision: branch, change, re-plan (a queued job), compare up
// to five plans side by side (also as Excel), read a plan's alignment figures, commit one plan for
// the cycle, and download the committed plan's executive pack.

import {
  AppError,
  type ComparedPlan,
  comparisonWorkbook,
  DEFAULT_SUPPLY_RUN,
  demandNode,
  executivePackWorkbook,
  type Fulcrum,
  MAX_COMPARED,
  SCENARIO_CHANGE_KINDS,
  SCENARIO_PHASES,
  SCENARIO_QUEUE,
  SUPPLY_STRATEGIES,
} from "@fulcrum/app";
import { canShapeScenarios } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";
import { jobStatusSchema, requireJobs } from "./job-routes";

const mayShape = requireRole(canShapeScenarios, "change scenarios");
const mayCommit = requireRole((role) => role === "executive", "commit the cycle's plan");
const Id = z.object({ id: z.coerce.number().int().positive() });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const conflict = json(
  ErrorSchema,
  "The scenario or cycle is not in a state that allows this (the message says why)",
);
const forbidden = json(ErrorSchema, "The role may not do this");

const RunSchema = z
  .object({
    id: z.number(),
    scenarioId: z.number(),
    phase: z.enum(SCENARIO_PHASES),
    status: z.enum(["running", "finished", "failed"]),
    progress: z.number(),
    demandVersionId: z.number().nullable(),
    supplyRunId: z.number().nullable(),
    supplyVersionId: z.number().nullable(),
    storedCells: z.number().nullable(),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("ScenarioRun");

const ScenarioSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    description: z.string(),
    parentId: z.number().nullable(),
    isBase: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    changeCount: z.number(),
    latestRun: RunSchema.nullable(),
    stale: z.boolean(),
  })
  .openapi("Scenario");

const ChangeSchema = z
  .object({
    id: z.string(),
    scenarioId: z.number(),
    change: z.object({ kind: z.enum(SCENARIO_CHANGE_KINDS) }).passthrough(),
    summary: z.string(),
    reason: z.string(),
    comment: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    withdrawnBy: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    inherited: z.boolean(),
  })
  .openapi("ScenarioChange");

const figures = z.record(z.string(), z.number().nullable());
const ComparisonSchema = z
  .object({
    node: z.object({ kind: z.string(), code: z.string().nullable(), name: z.string(), level: z.string() }),
    periods: z.array(z.string()).readonly(),
    children: z
      .array(z.object({ code: z.string(), name: z.string(), kind: z.enum(["group", "item"]) }))
      .readonly(),
    columns: z
      .array(
        z.object({
          key: z.string(),
          label: z.string(),
          scenarioId: z.number(),
          isBase: z.boolean(),
          committed: z.boolean(),
          supplyRunId: z.number(),
          stale: z.boolean(),
          figures,
          wholePlan: figures,
          budget: z.object({ units: z.number().nullable(), revenue: z.number().nullable() }),
          byPeriod: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).readonly(),
          children: z.array(z.object({ code: z.string(), figures })).readonly(),
        }),
      )
      .readonly(),
  })
  .openapi("ScenarioComparison");

const CommittedSchema = z
  .object({
    id: z.number(),
    cyclePeriod: z.string(),
    scenarioId: z.number(),
    scenarioName: z.string(),
    supplyRunId: z.number(),
    demandVersionId: z.number(),
    supplyVersionId: z.number(),
    rationale: z.string(),
    committedBy: z.string(),
    committedAt: z.string(),
  })
  .openapi("CommittedPlan");

/** `scenario:3,committed:1`: the plans of a comparison, in column order. */
const PlansParam = z
  .string()
  .regex(
    /^(scenario|committed):\d+(,(scenario|committed):\d+)*$/,
    "plans as scenario:ID or committed:ID, comma-separated",
  )
  .openapi({ example: "scenario:1,scenario:4" });
const CompareQuery = z.object({
  plans: PlansParam,
  node: z.string().optional(),
  nodeKind: z.enum(["group", "item"]).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});
const parsePlans = (text: string): ComparedPlan[] =>
  text.split(",").map((part) => {
    const [kind, id] = part.split(":") as [string, string];
    return kind === "committed" ? { committedPlanId: Number(id) } : { scenarioId: Number(id) };
  });

const list = createRoute({
  method: "get",
  path: "/scenarios",
  tags: ["scenarios"],
  responses: {
    200: json(z.object({ scenarios: z.array(ScenarioSchema) }), "The base plan and every scenario"),
    401: errors[401],
  },
});
const create = createRoute({
  method: "post",
  path: "/scenarios",
  tags: ["scenarios"],
  middleware: [mayShape] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            name: z.string().min(1).max(80),
            description: z.string().max(2000).optional(),
            parentId: z.number().int().optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(ScenarioSchema, "Branched from the base plan or from `parentId`; nothing is copied"),
    400: errors[400],
    401: errors[401],
    403: forbidden,
    404: errors[404],
    409: json(ErrorSchema, "A scenario of that name exists"),
  },
});
const detail = createRoute({
  method: "get",
  path: "/scenarios/{id}",
  tags: ["scenarios"],
  request: { params: Id },
  responses: {
    200: json(
      ScenarioSchema.extend({ changes: z.array(ChangeSchema), runs: z.array(RunSchema) }),
      "The scenario, its changes (inherited ones first, withdrawn ones kept) and its latest runs",
    ),
    401: errors[401],
    404: errors[404],
  },
});
const remove = createRoute({
  method: "delete",
  path: "/scenarios/{id}",
  tags: ["scenarios"],
  middleware: [mayShape] as const,
  request: { params: Id },
  responses: {
    204: {
      description: "Deleted: hidden from lists, its rows kept for the record; the base plan is untouched",
    },
    401: errors[401],
    403: forbidden,
    404: errors[404],
    409: conflict,
  },
});
const addChange = createRoute({
  method: "post",
  path: "/scenarios/{id}/changes",
  tags: ["scenarios"],
  middleware: [mayShape] as const,
  request: {
    params: Id,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            change: z
              .object({ kind: z.enum(SCENARIO_CHANGE_KINDS) })
              .passthrough()
              .openapi({ description: "A typed change; see docs/scenarios.md for each kind's fields" }),
            reason: z.string().min(1).max(200),
            comment: z.string().max(2000).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(ChangeSchema, "The change, with its one-line summary"),
    400: json(
      ErrorSchema,
      "The change is malformed or names nothing that exists; the message names the field",
    ),
    401: errors[401],
    403: forbidden,
    404: errors[404],
    409: conflict,
  },
});
const withdraw = createRoute({
  method: "post",
  path: "/scenarios/{id}/changes/{changeId}/withdraw",
  tags: ["scenarios"],
  middleware: [mayShape] as const,
  request: { params: Id.extend({ changeId: z.string().regex(/^\d+$/) }) },
  responses: {
    204: { description: "Withdrawn (kept in the record, with who and when)" },
    401: errors[401],
    403: forbidden,
    404: errors[404],
    409: conflict,
  },
});
const replan = createRoute({
  method: "post",
  path: "/scenarios/{id}/runs",
  tags: ["scenarios"],
  middleware: [mayShape] as const,
  request: {
    params: Id,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            horizon: z.number().int().min(1).max(36).default(DEFAULT_SUPPLY_RUN.horizon),
            strategy: z.enum(SUPPLY_STRATEGIES).default(DEFAULT_SUPPLY_RUN.strategy),
            timeLimitSeconds: z.number().int().min(1).max(3600).default(DEFAULT_SUPPLY_RUN.timeLimitSeconds),
          }),
        },
      },
    },
  },
  responses: {
    202: json(
      z.object({ jobId: z.string() }),
      "Queued; a worker re-plans demand → inventory targets → supply → finance",
    ),
    401: errors[401],
    403: forbidden,
    404: errors[404],
    409: conflict,
    503: json(ErrorSchema, "No job queue in this server"),
  },
});
const job = createRoute({
  method: "get",
  path: "/scenarios/jobs/{id}",
  tags: ["scenarios"],
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: json(
      jobStatusSchema(RunSchema),
      "The job's state, and the run with its phase and progress once started",
    ),
    401: errors[401],
    404: errors[404],
  },
});
const compare = createRoute({
  method: "get",
  path: "/scenarios/compare",
  tags: ["scenarios"],
  request: { query: CompareQuery },
  responses: {
    200: json(ComparisonSchema, `1–${MAX_COMPARED} plans side by side at a node and span, with its children`),
    400: errors[400],
    401: errors[401],
    404: errors[404],
    409: json(ErrorSchema, "A plan has not been planned yet"),
  },
});
const compareXlsx = createRoute({
  method: "get",
  path: "/scenarios/compare.xlsx",
  tags: ["scenarios"],
  request: { query: CompareQuery },
  responses: {
    200: { content: { [XLSX]: { schema: z.any() } }, description: "The comparison as an Excel workbook" },
    400: errors[400],
    401: errors[401],
    404: errors[404],
    409: json(ErrorSchema, "A plan has not been planned yet"),
  },
});
const alignment = createRoute({
  method: "get",
  path: "/scenarios/{id}/alignment",
  tags: ["scenarios"],
  request: { params: Id },
  responses: {
    200: json(
      z.object({
        scenario: ScenarioSchema,
        supplyRunId: z.number(),
        periods: z.array(z.string()).readonly(),
        gap: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).readonly(),
        allocation: z.object({
          asPlanned: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).readonly(),
          byRule: z.record(
            z.string(),
            z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).readonly(),
          ),
        }),
      }),
      "The plan's demand–supply gap per family, segment and month (what fills it, what is lost) and each allocation rule's service per segment",
    ),
    401: errors[401],
    404: errors[404],
    409: json(ErrorSchema, "The scenario has no plan yet"),
  },
});
const commit = createRoute({
  method: "post",
  path: "/commitments",
  tags: ["executive"],
  middleware: [mayCommit] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({ scenarioId: z.number().int(), rationale: z.string().min(1).max(2000) }),
        },
      },
    },
  },
  responses: {
    201: json(CommittedSchema, "The cycle's committed plan: frozen demand, supply and financial plan"),
    400: errors[400],
    401: errors[401],
    403: forbidden,
    404: errors[404],
    409: conflict,
  },
});
const commitments = createRoute({
  method: "get",
  path: "/commitments",
  tags: ["executive"],
  responses: {
    200: json(
      z.object({ commitments: z.array(CommittedSchema) }),
      "Every cycle's committed plan, newest first",
    ),
    401: errors[401],
  },
});
const commitment = createRoute({
  method: "get",
  path: "/commitments/{id}",
  tags: ["executive"],
  request: { params: Id },
  responses: {
    200: json(
      CommittedSchema.extend({ summary: z.any(), changes: z.array(ChangeSchema) }),
      "The committed plan with its supply summary and financial plan, and the changes it was made of",
    ),
    401: errors[401],
    404: errors[404],
  },
});
const pack = createRoute({
  method: "get",
  path: "/commitments/{id}/pack.xlsx",
  tags: ["executive"],
  request: { params: Id },
  responses: {
    200: { content: { [XLSX]: { schema: z.any() } }, description: "The executive pack as an Excel workbook" },
    401: errors[401],
    404: errors[404],
  },
});

function comparisonFor(fulcrum: Fulcrum, query: z.infer<typeof CompareQuery>) {
  const { plans, node, nodeKind, from, to } = query;
  return fulcrum.scenarioComparison.compare({
    plans: parsePlans(plans),
    node: demandNode(node, nodeKind),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
}

const xlsx = (body: Buffer, name: string) => ({
  body: new Uint8Array(body),
  headers: { "Content-Type": XLSX, "Content-Disposition": `attachment; filename="${name}"` },
});

export const scenarioRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(list, async (c) => c.json({ scenarios: await c.var.fulcrum.scenarios.list() }, 200))
  .openapi(compare, async (c) => c.json(await comparisonFor(c.var.fulcrum, c.req.valid("query")), 200))
  .openapi(compareXlsx, async (c) => {
    const query = c.req.valid("query");
    const comparison = await comparisonFor(c.var.fulcrum, query);
    const company = await c.var.fulcrum.workspace.company();
    const file = xlsx(
      await comparisonWorkbook(comparison, company.currency.minorDigits),
      `comparison-${query.node ?? "all"}.xlsx`,
    );
    return c.body(file.body, 200, file.headers);
  })
  .openapi(job, async (c) => {
    const { id } = c.req.valid("param");
    const status = await requireJobs(c.var.jobs).status(id, SCENARIO_QUEUE);
    if (!status) throw new AppError("not_found", `no scenario job ${id}`);
    return c.json({ ...status, run: await c.var.fulcrum.scenarios.runForJob(id) }, 200);
  })
  .openapi(create, async (c) =>
    c.json(await c.var.fulcrum.scenarios.create(c.req.valid("json"), c.var.user), 201),
  )
  .openapi(detail, async (c) => c.json(await c.var.fulcrum.scenarios.get(c.req.valid("param").id), 200))
  .openapi(remove, async (c) => {
    await c.var.fulcrum.scenarios.delete(c.req.valid("param").id, c.var.user);
    return c.body(null, 204);
  })
  .openapi(addChange, async (c) =>
    c.json(
      await c.var.fulcrum.scenarios.addChange(c.req.valid("param").id, c.req.valid("json"), c.var.user),
      201,
    ),
  )
  .openapi(withdraw, async (c) => {
    const { id, changeId } = c.req.valid("param");
    await c.var.fulcrum.scenarios.withdrawChange(id, changeId, c.var.user);
    return c.body(null, 204);
  })
  .openapi(replan, async (c) => {
    const scenarioId = c.req.valid("param").id;
    // Refuse what the worker would refuse (the base plan, a committed scenario) before queueing.
    await c.var.fulcrum.scenarios.assertReplannable(scenarioId);
    const jobId = await requireJobs(c.var.jobs).enqueueScenario({
      scenarioId,
      ...c.req.valid("json"),
      userId: c.var.user.id,
    });
    return c.json({ jobId }, 202);
  })
  .openapi(alignment, async (c) =>
    c.json(await c.var.fulcrum.scenarios.alignment(c.req.valid("param").id), 200),
  )
  .openapi(commit, async (c) =>
    c.json(await c.var.fulcrum.commitments.commit(c.req.valid("json"), c.var.user), 201),
  )
  .openapi(commitments, async (c) => c.json({ commitments: await c.var.fulcrum.commitments.list() }, 200))
  .openapi(commitment, async (c) => c.json(await c.var.fulcrum.commitments.get(c.req.valid("param").id), 200))
  .openapi(pack, async (c) => {
    const fulcrum = c.var.fulcrum;
    const plan = await fulcrum.commitments.get(c.req.valid("param").id);
    const company = await fulcrum.workspace.company();
    const decisions = (await fulcrum.decisions.list(plan.cyclePeriod)).decisions;
    const file = xlsx(
      await executivePackWorkbook(plan, decisions, company.currency.minorDigits),
      `executive-pack-${plan.cyclePeriod}.xlsx`,
    );
    return c.body(file.body, 200, file.headers);
  });
