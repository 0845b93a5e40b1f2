// The S&OP cycle and its executive decision log: where the current cycle stands, each stage's
// owning roles and approval, approving the current stage (the service checks the owner, since it
// depends on the stage), and the decisions with their field-by-field history.

import { MAX_APPROVAL_COMMENT, MAX_DECISION_RATIONALE, MAX_DECISION_TITLE } from "@fulcrum/app";
import { type CycleStage, canRecordDecisions, ROLES } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";

const StageKey = z.enum([
  "data_gathering",
  "demand_review",
  "supply_review",
  "alignment",
  "executive",
  "committed",
] as const satisfies readonly CycleStage[]);
const Person = z.object({ username: z.string(), displayName: z.string() });
const Approval = z
  .object({
    stage: StageKey,
    by: Person,
    role: z.enum(ROLES).nullable().openapi({ description: "The approver's role when they approved" }),
    at: z.string(),
    comment: z.string().nullable(),
  })
  .openapi("StageApproval");
const CycleSchema = z
  .object({
    period: z.string().openapi({ example: "2026-11" }),
    stage: StageKey,
    stages: z.array(
      z.object({
        stage: StageKey,
        label: z.string(),
        owner: z.enum(ROLES),
        approvers: z.array(z.enum(ROLES)).openapi({ description: "The roles that may approve the stage" }),
        closedByCommit: z
          .boolean()
          .openapi({ description: "Approved by committing a plan (the executive stage), not on its own" }),
        status: z.enum(["done", "current", "upcoming"]),
        approval: Approval.nullable(),
      }),
    ),
    log: z.array(Approval),
  })
  .openapi("Cycle");

const DecisionSchema = z
  .object({
    id: z.number(),
    period: z.string(),
    title: z.string(),
    rationale: z.string(),
    owner: Person,
    dueDate: z.string().nullable(),
    status: z.enum(["open", "done", "dropped"]),
    overdue: z.boolean().openapi({ description: "Open and due before the workspace's as-of date" }),
    scenario: z.object({ id: z.number(), name: z.string() }).nullable(),
    createdBy: Person,
    createdAt: z.string(),
  })
  .openapi("Decision");
const DecisionChangeSchema = z
  .object({
    id: z.number(),
    field: z.enum(["title", "rationale", "owner", "due_date", "status", "scenario"]),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    changedBy: Person,
    changedAt: z.string(),
  })
  .openapi("DecisionChange");

const editable = {
  rationale: z.string().max(MAX_DECISION_RATIONALE).optional(),
  dueDate: z.string().nullable().optional().openapi({ example: "2026-12-15", description: "null clears it" }),
  status: z.enum(["open", "done", "dropped"]).optional(),
  scenarioId: z.number().int().positive().nullable().optional(),
};
const mayRecord = requireRole(canRecordDecisions, "record decisions");
const DecisionId = z.object({ id: z.coerce.number().int().positive() });

const cycle = createRoute({
  method: "get",
  path: "/cycle",
  tags: ["cycle"],
  responses: {
    200: json(
      CycleSchema,
      "The current cycle: its stage, each stage's owners and approval, the approval log",
    ),
    401: errors[401],
  },
});

const approve = createRoute({
  method: "post",
  path: "/cycle/approve",
  tags: ["cycle"],
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            stage: StageKey.openapi({
              description: "The stage approved: it must be the cycle's current one",
            }),
            comment: z.string().max(MAX_APPROVAL_COMMENT).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: json(CycleSchema, "The cycle after the approval, in its next stage"),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The user's role does not own the stage (the owners are named)"),
    409: json(
      ErrorSchema,
      "The stage is already approved, not reached yet, or closed only by committing a plan (executive, committed)",
    ),
  },
});

const list = createRoute({
  method: "get",
  path: "/decisions",
  tags: ["cycle"],
  request: { query: z.object({ period: z.string().optional().openapi({ example: "2026-11" }) }) },
  responses: {
    200: json(
      z.object({ period: z.string(), asOf: z.string(), decisions: z.array(DecisionSchema) }),
      "The cycle's decisions (default: the current cycle), open first and soonest due first",
    ),
    401: errors[401],
  },
});

const create = createRoute({
  method: "post",
  path: "/decisions",
  tags: ["cycle"],
  middleware: [mayRecord] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            title: z.string().max(MAX_DECISION_TITLE),
            owner: z.string().openapi({ description: "The username of who follows the decision up" }),
            ...editable,
          }),
        },
      },
    },
  },
  responses: {
    201: json(DecisionSchema, "The decision, recorded in the current cycle"),
    400: json(ErrorSchema, "A bad field, named: title, rationale, owner, dueDate, status or scenarioId"),
    401: errors[401],
    403: json(ErrorSchema, "The role reads the decision log but does not write it"),
  },
});

const update = createRoute({
  method: "patch",
  path: "/decisions/{id}",
  tags: ["cycle"],
  middleware: [mayRecord] as const,
  request: {
    params: DecisionId,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            title: z.string().max(MAX_DECISION_TITLE).optional(),
            owner: z.string().optional(),
            ...editable,
          }),
        },
      },
    },
  },
  responses: {
    200: json(DecisionSchema, "The decision after the edit; each changed field is in its history"),
    400: json(ErrorSchema, "A bad field, named"),
    401: errors[401],
    403: json(ErrorSchema, "The role reads the decision log but does not write it"),
    404: errors[404],
  },
});

const history = createRoute({
  method: "get",
  path: "/decisions/{id}/history",
  tags: ["cycle"],
  request: { params: DecisionId },
  responses: {
    200: json(
      z.object({ decision: DecisionSchema, changes: z.array(DecisionChangeSchema) }),
      "The decision now and every change to it, oldest first (who, when, field, old → new)",
    ),
    401: errors[401],
    404: errors[404],
  },
});

export const cycleRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(cycle, async (c) => c.json(await c.var.fulcrum.cycle.current(), 200))
  .openapi(approve, async (c) => {
    const { stage, comment } = c.req.valid("json");
    return c.json(await c.var.fulcrum.cycle.approve(stage, c.var.user, comment), 200);
  })
  .openapi(list, async (c) => c.json(await c.var.fulcrum.decisions.list(c.req.valid("query").period), 200))
  .openapi(create, async (c) =>
    c.json(await c.var.fulcrum.decisions.create(c.req.valid("json"), c.var.user), 201),
  )
  .openapi(update, async (c) =>
    c.json(
      await c.var.fulcrum.decisions.update(c.req.valid("param").id, c.req.valid("json"), c.var.user),
      200,
    ),
  )
  .openapi(history, async (c) => c.json(await c.var.fulcrum.decisions.history(c.req.valid("param").id), 200));
