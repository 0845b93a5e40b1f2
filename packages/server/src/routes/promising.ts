// Order promising: ATP of a SKU-location against the committed plan, quotes for a customer's request
// and accepted promises. Sales and the planners may promise; every company role may read.

import { canPromiseOrders } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";

const mayPromise = requireRole(canPromiseOrders, "promise orders");
const mayAllocate = requireRole(
  (role) => role === "demand_planner" || role === "supply_planner" || role === "admin",
  "allocate ATP to segments",
);
const Code = z.string().min(1).max(64);
const Period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month, YYYY-MM")
  .openapi({ example: "2027-01" });
const units = z.array(z.number()).readonly();
const LineSchema = z.object({ period: z.string(), quantity: z.number() }).openapi("PromiseLine");
const KIND = z.enum(["full", "partial", "later", "none"]).openapi({
  description: "full: all in the period asked; partial: some then, the rest later or never; later: none then",
});

const AtpSchema = z
  .object({
    sku: z.string(),
    location: z.string(),
    committedPlanId: z.number(),
    cyclePeriod: z.string(),
    periods: z.array(z.string()).readonly(),
    onHand: z.number(),
    receipts: units,
    committed: units,
    discrete: units,
    cumulative: units,
    uncovered: z.number(),
    promised: units,
    available: z.array(z.object({ segment: z.string(), cumulative: units })).readonly(),
    atRisk: z.array(z.object({ id: z.number(), uncovered: z.number() })).readonly(),
  })
  .openapi("AvailableToPromise");

const RequestSchema = z
  .object({
    sku: Code,
    location: Code,
    quantity: z.number().int().positive(),
    period: Period,
    segment: Code,
    customer: Code.nullable().optional(),
  })
  .openapi("PromiseRequest");

const QuoteSchema = z
  .object({
    kind: KIND,
    lines: z.array(LineSchema).readonly(),
    promised: z.number(),
    unpromised: z.number(),
    committedPlanId: z.number(),
    request: RequestSchema,
  })
  .openapi("PromiseQuote");

const PromiseSchema = z
  .object({
    id: z.number(),
    sku: z.string(),
    location: z.string(),
    segment: z.string(),
    customer: z.string().nullable(),
    quantity: z.number(),
    requestedPeriod: z.string(),
    kind: z.string(),
    committedPlanId: z.number(),
    status: z.string(),
    lines: z.array(LineSchema).readonly(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi("Promise");

const conflict = json(
  ErrorSchema,
  "No committed plan yet, or nothing can be promised (the message says which)",
);

const atp = createRoute({
  method: "get",
  path: "/promising/atp",
  tags: ["promising"],
  request: { query: z.object({ sku: Code, location: Code }) },
  responses: {
    200: json(AtpSchema, "ATP per period from the committed plan, and what each segment may still take"),
    400: errors[400],
    401: errors[401],
    404: errors[404],
    409: conflict,
  },
});
const create = createRoute({
  method: "post",
  path: "/promising/promises",
  tags: ["promising"],
  middleware: [mayPromise] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: RequestSchema.extend({
            accept: z
              .boolean()
              .optional()
              .openapi({ description: "true records the promise (atomically); otherwise only a quote" }),
          }),
        },
      },
    },
  },
  responses: {
    200: json(QuoteSchema, "A quote: what could be promised when; nothing is written"),
    201: json(PromiseSchema, "The promise, recorded against the committed plan"),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The role may not promise orders"),
    404: errors[404],
    409: conflict,
  },
});
const list = createRoute({
  method: "get",
  path: "/promising/promises",
  tags: ["promising"],
  request: { query: z.object({ sku: Code.optional(), location: Code.optional() }) },
  responses: {
    200: json(z.object({ promises: z.array(PromiseSchema) }), "Promises, newest first (at most 500)"),
    401: errors[401],
  },
});

const AllocationSchema = z
  .object({
    segment: z.string(),
    share: z.number(),
    cutoffPeriods: z.number(),
    setBy: z.string(),
    setAt: z.string(),
  })
  .openapi("AtpAllocation");
const allocations = createRoute({
  method: "get",
  path: "/promising/allocations",
  tags: ["promising"],
  responses: {
    200: json(z.object({ allocations: z.array(AllocationSchema) }), "The segments' allocations in force"),
    401: errors[401],
  },
});
const setAllocation = createRoute({
  method: "put",
  path: "/promising/allocations/{segment}",
  tags: ["promising"],
  middleware: [mayAllocate] as const,
  request: {
    params: z.object({ segment: Code }),
    body: {
      content: {
        "application/json": {
          schema: z.object({
            share: z.number().min(0).max(1),
            cutoffPeriods: z.number().int().min(0).max(24),
          }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({ allocations: z.array(AllocationSchema) }),
      "The allocations in force after the change",
    ),
    400: json(ErrorSchema, "A share out of range, or shares summing above 1"),
    401: errors[401],
    403: json(ErrorSchema, "The role may not allocate ATP"),
    404: errors[404],
  },
});

export const promisingRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(atp, async (c) => {
    const { sku, location } = c.req.valid("query");
    return c.json(await c.var.fulcrum.promising.atp(sku, location), 200);
  })
  .openapi(create, async (c) => {
    const { accept, ...request } = c.req.valid("json");
    if (accept) return c.json(await c.var.fulcrum.promising.accept(request, c.var.user), 201);
    return c.json(await c.var.fulcrum.promising.quote(request), 200);
  })
  .openapi(list, async (c) =>
    c.json({ promises: await c.var.fulcrum.promising.list(c.req.valid("query")) }, 200),
  )
  .openapi(allocations, async (c) =>
    c.json({ allocations: await c.var.fulcrum.promising.allocations() }, 200),
  )
  .openapi(setAllocation, async (c) => {
    const { segment } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(
      { allocations: await c.var.fulcrum.promising.setAllocation({ segment, ...body }, c.var.user) },
      200,
    );
  });
