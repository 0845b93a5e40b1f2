// Order promising: ATP of a SKU-location against the committed plan, quotes for a customer's request
// (with what could be made when ATP falls short), accepted and cancelled promises, and the promises
// the committed plan no longer meets. Sales and the planners may promise, cancel and run the at-risk
// check; every company role may read.

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
const SourcedLineSchema = LineSchema.extend({
  source: z.string().openapi({ description: "atp: from available-to-promise; ctp: to be made" }),
}).openapi("PromiseSourcedLine");
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
    atRisk: z
      .array(z.object({ id: z.number(), uncovered: z.number(), achievablePeriod: z.string().nullable() }))
      .readonly(),
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
    capableToPromise: z.boolean().optional().openapi({
      description:
        "On acceptance: make what ATP cannot cover by the period asked, from spare hours and components",
    }),
  })
  .openapi("PromiseRequest");

const CtpSchema = z
  .object({
    kind: KIND,
    lines: z.array(SourcedLineSchema).readonly(),
    promised: z.number(),
    unpromised: z.number(),
    made: z.number(),
    madeBy: z.string().nullable(),
    limitedBy: z.enum(["capacity", "material", "routing"]).nullable(),
    reservations: z
      .array(
        z.object({
          kind: z.enum(["capacity", "material"]),
          code: z.string(),
          plant: z.string(),
          period: z.string(),
          quantity: z.number(),
        }),
      )
      .readonly(),
  })
  .openapi("CapableToPromise");

const QuoteSchema = z
  .object({
    kind: KIND,
    lines: z.array(LineSchema).readonly(),
    promised: z.number(),
    unpromised: z.number(),
    committedPlanId: z.number(),
    request: RequestSchema,
    ctp: CtpSchema.nullable().openapi({
      description: "What could be made besides ATP, when ATP does not cover all of it by the period asked",
    }),
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
    lines: z.array(SourcedLineSchema).readonly(),
    createdBy: z.string(),
    createdAt: z.string(),
    cancellation: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
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
  request: {
    query: z.object({
      sku: Code.optional(),
      location: Code.optional(),
      id: z.coerce.number().int().positive().optional().openapi({ description: "One promise" }),
    }),
  },
  responses: {
    200: json(z.object({ promises: z.array(PromiseSchema) }), "Promises, newest first (at most 500)"),
    401: errors[401],
  },
});

const cancel = createRoute({
  method: "post",
  path: "/promising/promises/{id}/cancel",
  tags: ["promising"],
  middleware: [mayPromise] as const,
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: { content: { "application/json": { schema: z.object({ reason: z.string().min(1).max(500) }) } } },
  },
  responses: {
    200: json(PromiseSchema, "The promise, cancelled: its units are available to later promises again"),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The role may not cancel promises"),
    404: errors[404],
    409: json(ErrorSchema, "The promise is already cancelled (the message says by whom and when)"),
  },
});

const AtRiskSchema = z
  .object({
    committedPlanId: z.number(),
    cyclePeriod: z.string(),
    atRisk: z
      .array(
        z.object({
          id: z.number(),
          sku: z.string(),
          location: z.string(),
          segment: z.string(),
          customer: z.string().nullable(),
          quantity: z.number(),
          lines: z.array(SourcedLineSchema).readonly(),
          uncovered: z.number(),
          achievablePeriod: z.string().nullable(),
          notify: z
            .string()
            .openapi({ description: "The user told: the account manager, or the promise's maker" }),
          committedPlanId: z.number(),
        }),
      )
      .readonly(),
  })
  .openapi("PromisesAtRisk");
const noPlan = json(ErrorSchema, "No committed plan yet");
const atRisk = createRoute({
  method: "get",
  path: "/promising/at-risk",
  tags: ["promising"],
  responses: {
    200: json(AtRiskSchema, "Accepted promises the committed plan in force no longer meets, oldest first"),
    401: errors[401],
    409: noPlan,
  },
});
const checkAtRisk = createRoute({
  method: "post",
  path: "/promising/at-risk/check",
  tags: ["promising"],
  middleware: [mayPromise] as const,
  responses: {
    200: json(
      AtRiskSchema.extend({ notified: z.number() }),
      "The promises at risk; each one's sales user notified once per promise and committed plan",
    ),
    401: errors[401],
    403: json(ErrorSchema, "The role may not run the check"),
    409: noPlan,
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
  .openapi(cancel, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await c.var.fulcrum.promising.cancel(id, c.req.valid("json").reason, c.var.user), 200);
  })
  .openapi(atRisk, async (c) => c.json(await c.var.fulcrum.promiseRisks.atRisk(), 200))
  .openapi(checkAtRisk, async (c) => c.json(await c.var.fulcrum.promiseRisks.check(), 200))
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
