// Forecast accuracy and forecast value added of the demand review, measured on the cycles'
// snapshots: per step, per person, over time, at any level and lag.

import { FVA_STEPS } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const share = z.number().nullable();

const AccuracySchema = z
  .object({
    lag: z.number(),
    level: z.string(),
    from: z.string(),
    to: z.string(),
    months: z.array(z.object({ period: z.string(), cycle: z.string(), snapshotId: z.number().nullable() })),
    cells: z.number(),
    steps: z.array(
      z.object({
        step: z.enum(FVA_STEPS),
        wape: share,
        mape: share,
        mase: share,
        biasPct: share,
        trackingSignal: z.number(),
        fvaVsPrevious: share,
        fvaVsStatistical: share,
        fvaVsNaive: share,
      }),
    ),
    trend: z.array(z.object({ period: z.string(), wape: z.record(z.string(), share) })),
    people: z.array(
      z.object({
        person: z.string(),
        step: z.enum(["sales", "marketing", "product", "consensus"]),
        cells: z.number(),
        wapeBefore: share,
        wapeAfter: share,
        wapeStatistical: share,
        fva: share,
        fvaVsStatistical: share,
        biasPct: share,
      }),
    ),
    peopleTrend: z.array(
      z.object({
        person: z.string(),
        step: z.enum(["sales", "marketing", "product", "consensus"]),
        periods: z.array(
          z.object({
            period: z.string(),
            cycle: z.string(),
            cells: z.number(),
            wapeBefore: share,
            wapeAfter: share,
            fva: share,
          }),
        ),
      }),
    ),
    biasedSeries: z.array(
      z.object({ key: z.string(), months: z.number(), biasUnits: z.number(), trackingSignal: z.number() }),
    ),
  })
  .openapi("ForecastAccuracy");

const accuracy = createRoute({
  method: "get",
  path: "/demand/accuracy",
  tags: ["demand"],
  request: {
    query: z.object({
      lag: z.coerce.number().int().min(0).max(12).default(1),
      level: z.string().default("sku").openapi({ example: "family" }),
      from: z.string().optional().openapi({ example: "2026-01" }),
      to: z.string().optional(),
    }),
  },
  responses: {
    200: json(
      AccuracySchema,
      "Each closed month (default: the last twelve) against the plan approved `lag` cycles before it: WAPE, MAPE, MASE, bias and tracking signal per review step, the WAPE each step removed, each person's value added, the trend, and the series with a persistently biased consensus",
    ),
    400: errors[400],
    401: errors[401],
  },
});

export const accuracyRoutes = new OpenAPIHono<ServerEnv>().openapi(accuracy, async (c) =>
  c.json(await c.var.fulcrum.accuracy.accuracy(c.req.valid("query")), 200),
);
