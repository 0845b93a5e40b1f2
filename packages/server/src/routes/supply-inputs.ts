// The supply planner's inputs to the next run: firm production commitments, the frozen horizon and
// capacity edits — what is in force, the log of every change, edits (all or nothing), firming a
// run's first months, and reverting one change.

import { MAX_FROZEN_PERIODS, SUPPLY_INPUT_KINDS } from "@fulcrum/app";
import { canPlanSupply } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";

const mayEdit = requireRole(canPlanSupply, "change supply inputs");
const Scenario = z.object({ scenarioId: z.coerce.number().int().optional() });
const amount = z.number().min(0).nullable();
const Why = { reason: z.string().min(1).max(200), comment: z.string().max(2000).optional() };

const EditSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("firm_production"),
    sku: z.string(),
    plant: z.string(),
    period: z.string(),
    quantity: amount,
  }),
  z.object({
    kind: z.enum(["regular_hours", "overtime_hours"]),
    resource: z.string(),
    period: z.string(),
    hours: amount,
  }),
  z.object({ kind: z.literal("frozen_periods"), periods: z.number().int().min(0).max(MAX_FROZEN_PERIODS) }),
]);

const InputsSchema = z
  .object({
    inForce: z.object({
      frozenPeriods: z.number(),
      firmProduction: z
        .array(z.object({ sku: z.string(), plant: z.string(), period: z.string(), quantity: z.number() }))
        .readonly(),
      capacity: z
        .array(
          z.object({
            resource: z.string(),
            period: z.string(),
            regularHours: z.number().nullable(),
            overtimeHours: z.number().nullable(),
          }),
        )
        .readonly(),
    }),
    changes: z.array(
      z.object({
        id: z.number(),
        kind: z.enum(SUPPLY_INPUT_KINDS),
        subject: z.string(),
        period: z.string(),
        oldValue: z.number().nullable(),
        newValue: z.number().nullable(),
        reason: z.string(),
        comment: z.string(),
        reverts: z.number().nullable(),
        changedBy: z.string(),
        changedAt: z.string(),
      }),
    ),
  })
  .openapi("SupplyInputs");

const Changed = json(
  z.object({ changed: z.number() }),
  "How many entries were written (edits that change nothing are not)",
);
const forbidden = json(ErrorSchema, "The role may not change supply inputs");

const read = createRoute({
  method: "get",
  path: "/supply/inputs",
  tags: ["supply"],
  request: { query: Scenario },
  responses: {
    200: json(InputsSchema, "The inputs in force for the scenario's next run, and the latest 200 changes"),
    401: errors[401],
    404: errors[404],
  },
});

const edit = createRoute({
  method: "post",
  path: "/supply/inputs",
  tags: ["supply"],
  middleware: [mayEdit] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            scenarioId: z.number().int().optional(),
            edits: z.array(EditSchema).min(1).max(5000),
            ...Why,
          }),
        },
      },
    },
  },
  responses: {
    200: Changed,
    400: json(ErrorSchema, "An edit is not valid (the issues name each one); nothing was changed"),
    401: errors[401],
    403: forbidden,
  },
});

const firm = createRoute({
  method: "post",
  path: "/supply/inputs/firm",
  tags: ["supply"],
  middleware: [mayEdit] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({ runId: z.number().int(), periods: z.number().int().min(1), reason: Why.reason }),
        },
      },
    },
  },
  responses: {
    200: Changed,
    400: errors[400],
    401: errors[401],
    403: forbidden,
    404: errors[404],
    409: json(ErrorSchema, "The run planned from another month than the current one"),
  },
});

const revert = createRoute({
  method: "post",
  path: "/supply/inputs/changes/{id}/revert",
  tags: ["supply"],
  middleware: [mayEdit] as const,
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    204: { description: "The value before the change is in force again (a new, attributed entry)" },
    401: errors[401],
    403: forbidden,
    404: errors[404],
  },
});

export const supplyInputRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(read, async (c) => {
    const { scenarioId } = c.req.valid("query");
    const inputs = c.var.fulcrum.supplyInputs;
    return c.json(
      { inForce: await inputs.inForce(scenarioId), changes: await inputs.changes(scenarioId) },
      200,
    );
  })
  .openapi(edit, async (c) =>
    c.json(await c.var.fulcrum.supplyInputs.edit(c.req.valid("json"), c.var.user), 200),
  )
  .openapi(firm, async (c) =>
    c.json(await c.var.fulcrum.supplyInputs.firmFromRun(c.req.valid("json"), c.var.user), 200),
  )
  .openapi(revert, async (c) => {
    await c.var.fulcrum.supplyInputs.revert(c.req.valid("param").id, c.var.user);
    return c.body(null, 204);
  });
