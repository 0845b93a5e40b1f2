// Monitoring the plan against actuals: the supply KPIs (production plan attainment and inventory
// versus plan) for closed months, each measured against the plan that was in force for it.

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const AttainmentSchema = z.object({
  key: z.string().nullable(),
  planned: z.number(),
  actual: z.number(),
  attainment: z.number().nullable(),
  withinTolerance: z.number().nullable(),
  periods: z
    .array(
      z.object({
        key: z.string(),
        period: z.string(),
        planned: z.number(),
        actual: z.number(),
        attainment: z.number().nullable(),
        withinTolerance: z.boolean(),
      }),
    )
    .readonly(),
});

const SupplyKpisSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tolerance: z.number(),
    plans: z.array(
      z.object({ period: z.string(), versionId: z.number().nullable(), cyclePeriod: z.string().nullable() }),
    ),
    attainment: z.object({
      total: AttainmentSchema,
      byPlant: z.array(AttainmentSchema).readonly(),
      byResource: z.array(AttainmentSchema).readonly(),
      bySku: z.array(AttainmentSchema),
    }),
    inventory: z.object({
      total: z.object({
        actualValue: z.number(),
        plannedValue: z.number(),
        deviationValue: z.number(),
        belowSafetyStock: z.number(),
        coverDays: z.number().nullable(),
      }),
      positions: z.number(),
      rows: z.array(
        z.object({
          key: z.string(),
          period: z.string(),
          deviation: z.number(),
          deviationShare: z.number().nullable(),
          actualValue: z.number(),
          plannedValue: z.number(),
          deviationValue: z.number(),
          coverDays: z.number().nullable(),
          plannedCoverDays: z.number().nullable(),
          versusTarget: z.number(),
          safetyShortfall: z.number(),
          status: z.enum(["below-safety-stock", "below-target", "on-target", "above-target"]),
        }),
      ),
    }),
  })
  .openapi("SupplyKpis");

const supplyKpis = createRoute({
  method: "get",
  path: "/monitoring/supply",
  tags: ["monitoring"],
  request: {
    query: z.object({
      from: z.string().optional().openapi({ example: "2026-01" }),
      to: z.string().optional(),
      tolerance: z.coerce.number().min(0).max(1).optional(),
    }),
  },
  responses: {
    200: json(
      SupplyKpisSchema,
      "Plan attainment (total = mix attainment by SKU; by plant, resource hours and SKU) and inventory versus plan for the closed months from–to (default: the last twelve), each against the plan in force for it",
    ),
    400: errors[400],
    401: errors[401],
  },
});

const ServiceSchema = z.object({
  key: z.string(),
  lines: z.number(),
  requested: z.number(),
  unitFillRate: z.number().nullable(),
  lineFillRate: z.number().nullable(),
  otif: z.number().nullable(),
  cancelledLines: z.number(),
  cancelledUnits: z.number(),
  cancelledShare: z.number().nullable(),
});

const orders = createRoute({
  method: "get",
  path: "/monitoring/orders",
  tags: ["monitoring"],
  request: { query: z.object({ from: z.string().optional(), to: z.string().optional() }) },
  responses: {
    200: json(
      z
        .object({
          from: z.string(),
          to: z.string(),
          total: ServiceSchema.nullable(),
          byMonth: z.array(ServiceSchema),
          bySegment: z.array(ServiceSchema),
          byFamily: z.array(ServiceSchema),
        })
        .openapi("OrderService"),
      "Unit and line fill rate, OTIF and cancelled orders of the closed months from–to (default: the last twelve), by the month customers asked for",
    ),
    400: errors[400],
    401: errors[401],
  },
});

export const monitoringRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(supplyKpis, async (c) => {
    const { from, to, tolerance } = c.req.valid("query");
    return c.json(await c.var.fulcrum.supplyKpis.supplyKpis({ from, to, tolerance }), 200);
  })
  .openapi(orders, async (c) =>
    c.json(await c.var.fulcrum.orderService.orderService(c.req.valid("query")), 200),
  );
