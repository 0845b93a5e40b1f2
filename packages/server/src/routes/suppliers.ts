// Supplier collaboration: the supplier portal (its own parts' requirements per period, and its
// confirmations or counter-proposals of capacity and lead time) and the supply planner's list of
// what the suppliers changed. The portal routes sit under /supplier, guarded by requireSupplier;
// the planner's list under /supply, guarded like every company route.

import { RESPONSE_STATUSES } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const StatusSchema = z.enum(RESPONSE_STATUSES);

const RequirementsSchema = z
  .object({
    supplier: z.object({ code: z.string(), name: z.string() }),
    run: z.object({ id: z.number(), strategy: z.string(), finishedAt: z.string().nullable() }).nullable(),
    periods: list(z.string()),
    parts: list(
      z.object({
        sku: z.string(),
        name: z.string(),
        importedCapacity: z.number().nullable(),
        importedLeadTimeDays: z.number(),
        periods: list(
          z.object({
            period: z.string(),
            requested: z.number(),
            orderPeriod: z.string().nullable(),
            capacity: z.number().nullable(),
            leadTimeDays: z.number(),
            source: z.enum(["imported", "confirmed", "counter"]),
            comment: z.string(),
            respondedAt: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi("SupplierRequirements");

const ChangeSchema = z
  .object({
    id: z.string(),
    supplier: z.string(),
    supplierName: z.string(),
    sku: z.string(),
    period: z.string(),
    status: StatusSchema,
    requestedQuantity: z.number(),
    oldCapacity: z.number().nullable(),
    newCapacity: z.number(),
    oldLeadTimeDays: z.number(),
    newLeadTimeDays: z.number(),
    comment: z.string(),
    respondedBy: z.string(),
    respondedAt: z.string(),
    runId: z.number().nullable(),
    inForce: z.boolean(),
    usedByRunId: z.number().nullable(),
  })
  .openapi("SupplierResponseChange");

const forbidden = json(ErrorSchema, "Not a supplier user (portal) / a supplier user (company routes)");

const requirements = createRoute({
  method: "get",
  path: "/supplier/requirements",
  tags: ["suppliers"],
  responses: {
    200: json(
      RequirementsSchema,
      "The logged-in supplier's parts × the periods of the latest finished supply run of the base scenario: units requested, capacity and lead time in force",
    ),
    401: errors[401],
    403: forbidden,
  },
});

const respond = createRoute({
  method: "post",
  path: "/supplier/responses",
  tags: ["suppliers"],
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            responses: z
              .array(
                z.object({
                  sku: z.string().min(1),
                  period: z.string().regex(/^\d{4}-\d{2}$/),
                  capacity: z.number(),
                  leadTimeDays: z.number(),
                  status: StatusSchema,
                  comment: z.string().optional(),
                }),
              )
              .min(1)
              .max(2000),
          }),
        },
      },
    },
  },
  responses: {
    201: json(z.object({ saved: z.number() }), "All rows saved; the next supply run plans with them"),
    400: json(ErrorSchema, "A bad row (named); nothing was saved"),
    401: errors[401],
    403: forbidden,
  },
});

const changes = createRoute({
  method: "get",
  path: "/supply/supplier-responses",
  tags: ["suppliers"],
  responses: {
    200: json(
      z.object({ responses: z.array(ChangeSchema) }),
      "Every supplier response, newest first: old → new capacity and lead time, who, when, whether a run used it",
    ),
    401: errors[401],
    403: forbidden,
  },
});

export const supplierPortalRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(requirements, async (c) => c.json(await c.var.fulcrum.suppliers.requirements(c.var.user), 200))
  .openapi(respond, async (c) => {
    const { responses } = c.req.valid("json");
    return c.json(await c.var.fulcrum.suppliers.respond(c.var.user, responses), 201);
  });

export const supplierResponseRoutes = new OpenAPIHono<ServerEnv>().openapi(changes, async (c) =>
  c.json({ responses: await c.var.fulcrum.suppliers.changes() }, 200),
);
