// The exception list that opens the next cycle's reviews: the committed plan not met in the last
// closed months, ranked by value at stake, each with who acknowledged it and what was done.

import { MAX_ACKNOWLEDGEMENT_ACTION } from "@fulcrum/app";
import { canAcknowledgeExceptions } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";

const KINDS = [
  "forecast-bias",
  "plan-attainment",
  "inventory-above-max",
  "inventory-below-safety-stock",
  "otif-below-target",
  "decision-overdue",
] as const;
const STATUSES = ["acknowledged", "resolved", "dismissed"] as const;

const ExceptionSchema = z
  .object({
    key: z.string().openapi({
      example: "forecast-bias:SKU-12:2026-10",
      description: "kind:subject:month — the last month it covers (a decision's due date)",
    }),
    kind: z.enum(KINDS),
    title: z.string(),
    subject: z.object({
      type: z.enum(["sku", "position", "segment", "decision"]),
      code: z.string().openapi({ description: "A SKU, SKU@LOCATION, segment code or decision id" }),
      name: z.string(),
    }),
    periods: z.array(z.string()).readonly(),
    valueAtStake: z
      .number()
      .openapi({ description: "Minor units, by the rule's formula (docs/monitoring.md)" }),
    measured: z.number().nullable(),
    limit: z.number(),
    units: z.number(),
    trackingSignal: z.number().nullable(),
    link: z.string().openapi({
      example: "/demand/forecast?node=SKU-12&kind=item",
      description: "The web page with the data",
    }),
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    action: z.string().nullable(),
    status: z.enum(["open", ...STATUSES]),
  })
  .openapi("MonitoringException");

const AcknowledgementSchema = z
  .object({
    id: z.number(),
    status: z.enum(STATUSES),
    action: z.string(),
    by: z.object({ username: z.string(), displayName: z.string() }),
    at: z.string(),
    cyclePeriod: z.string(),
  })
  .openapi("ExceptionAcknowledgement");

const DetailSchema = z
  .object({ exception: ExceptionSchema, acknowledgements: z.array(AcknowledgementSchema) })
  .openapi("MonitoringExceptionDetail");

const Window = z.object({
  months: z.coerce.number().int().min(1).max(24).optional().openapi({
    description: "Closed months looked back over, ending with the last closed one (default 6)",
  }),
  biasPeriods: z.coerce.number().int().min(1).max(24).optional().openapi({
    description: "Months in a row a forecast bias must last (default 3)",
  }),
});
const Key = z.object({ key: z.string().min(1).openapi({ example: "plan-attainment:SKU-3:2026-10" }) });
const notFound = json(ErrorSchema, "No exception with that key in the window asked for");

const list = createRoute({
  method: "get",
  path: "/monitoring/exceptions",
  tags: ["monitoring"],
  request: { query: Window },
  responses: {
    200: json(
      z
        .object({
          cycle: z.string(),
          from: z.string(),
          to: z.string(),
          biasPeriods: z.number(),
          exceptions: z.array(ExceptionSchema),
        })
        .openapi("MonitoringExceptions"),
      "The exceptions of the closed months from–to for the current cycle, largest value at stake first, each with its latest acknowledgement",
    ),
    400: errors[400],
    401: errors[401],
  },
});

const detail = createRoute({
  method: "get",
  path: "/monitoring/exceptions/{key}",
  tags: ["monitoring"],
  request: { params: Key, query: Window },
  responses: {
    200: json(DetailSchema, "The exception and every acknowledgement it has had, oldest first"),
    400: errors[400],
    401: errors[401],
    404: notFound,
  },
});

const acknowledge = createRoute({
  method: "post",
  path: "/monitoring/exceptions/{key}/acknowledgements",
  tags: ["monitoring"],
  middleware: [requireRole(canAcknowledgeExceptions, "acknowledge exceptions")] as const,
  request: {
    params: Key,
    body: {
      content: {
        "application/json": {
          schema: Window.extend({
            action: z
              .string()
              .max(MAX_ACKNOWLEDGEMENT_ACTION)
              .openapi({ description: "What was done (required)" }),
            status: z.enum(STATUSES).optional().openapi({ description: "Default acknowledged" }),
          }),
        },
      },
    },
  },
  responses: {
    201: json(DetailSchema, "The exception with the new acknowledgement in force and its whole history"),
    400: json(ErrorSchema, "An empty action or a bad status, named"),
    401: errors[401],
    403: json(ErrorSchema, "The role reads exceptions but does not acknowledge them"),
    404: notFound,
  },
});

export const monitoringExceptionRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(list, async (c) =>
    c.json(await c.var.fulcrum.monitoringExceptions.list(c.req.valid("query")), 200),
  )
  .openapi(detail, async (c) =>
    c.json(await c.var.fulcrum.monitoringExceptions.get(c.req.valid("param").key, c.req.valid("query")), 200),
  )
  .openapi(acknowledge, async (c) => {
    const { action, status, months, biasPeriods } = c.req.valid("json");
    const result = await c.var.fulcrum.monitoringExceptions.acknowledge(
      c.req.valid("param").key,
      { action, status },
      c.var.user,
      { months, biasPeriods },
    );
    return c.json(result, 201);
  });
