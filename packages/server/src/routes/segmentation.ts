// ABC–XYZ segmentation of the SKUs and service-level targets per class.

import { canSetServiceTargets } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";
import { requireRole } from "../session";

const CLASSES = ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"] as const;
const Query = z.object({
  by: z.enum(["revenue", "margin"]).default("revenue"),
  segment: z.string().optional(),
});

const SegmentationSchema = z
  .object({
    by: z.enum(["revenue", "margin"]),
    segment: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        family: z.string().nullable(),
        value: z.number(),
        share: z.number(),
        cumulativeShare: z.number(),
        cv: z.number().nullable(),
        abc: z.enum(["A", "B", "C"]),
        xyz: z.enum(["X", "Y", "Z"]),
        class: z.enum(CLASSES),
        targetPct: z.number().nullable(),
      }),
    ),
    matrix: z.array(
      z.object({ class: z.enum(CLASSES), items: z.number(), value: z.number(), share: z.number() }),
    ),
    defaultTargets: z.record(z.string(), z.number()),
  })
  .openapi("AbcXyzSegmentation");

const read = createRoute({
  method: "get",
  path: "/demand/segmentation",
  tags: ["demand"],
  request: { query: Query },
  responses: {
    200: json(
      SegmentationSchema,
      "Each finished SKU's ABC class (by revenue or margin, minor units) and XYZ class (coefficient of variation of monthly demand) over the last twelve closed months, the matrix, and the targets in force",
    ),
    400: errors[400],
    401: errors[401],
  },
});

const apply = createRoute({
  method: "post",
  path: "/demand/segmentation/targets",
  tags: ["demand"],
  middleware: [requireRole(canSetServiceTargets, "set service-level targets")] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            by: z.enum(["revenue", "margin"]).default("revenue"),
            segment: z.string().optional(),
            measure: z.enum(["cycle", "fill_rate"]).default("cycle"),
            targets: z.object(
              Object.fromEntries(CLASSES.map((c) => [c, z.number()])) as Record<
                (typeof CLASSES)[number],
                z.ZodNumber
              >,
            ),
          }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({
        status: z.string(),
        entity: z.string(),
        rows: z.number(),
        inserted: z.number(),
        updated: z.number(),
        unchanged: z.number(),
      }),
      "The targets were imported as service_level_targets rows, one per SKU",
    ),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The role may not set service-level targets"),
    422: json(
      ErrorSchema,
      "A target is out of range (the issues name the row and column); nothing was written",
    ),
  },
});

export const segmentationRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(read, async (c) =>
    c.json(await c.var.fulcrum.segmentation.classification(c.req.valid("query")), 200),
  )
  .openapi(apply, async (c) =>
    c.json(await c.var.fulcrum.segmentation.applyTargets(c.req.valid("json"), c.var.user.id), 200),
  );
