// Demand analysis of a product-hierarchy node: seasonal profile, trend, mix by segment, channel
// and region, and the SKUs or customers that drive a change. Every signed-in role but suppliers
// may read it (the `/demand/*` guard).

import { demandNode } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const Share = z.object({ key: z.string(), name: z.string(), quantity: z.number(), basisPoints: z.number() });
const Range = z.object({ from: z.string(), to: z.string() });

const analysisRoute = createRoute({
  method: "get",
  path: "/demand/analysis",
  tags: ["demand"],
  request: {
    query: z.object({
      node: z
        .string()
        .min(1)
        .optional()
        .openapi({ description: "Product group or SKU; omit for every product" }),
      nodeKind: z.enum(["group", "item"]).optional(),
      segment: z.string().min(1).optional().openapi({ description: "One customer segment; omit for all" }),
      by: z.enum(["sku", "customer"]).default("sku"),
      compare: z.enum(["year-over-year", "plan-vs-last-year"]).default("year-over-year"),
      versionId: z.coerce.number().int().positive().optional(),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          node: z.object({
            kind: z.enum(["all", "group", "item"]),
            code: z.string().nullable(),
            name: z.string(),
          }),
          segment: z.string().nullable(),
          asOf: z.string(),
          history: z.object({ periods: z.array(z.string()), values: z.array(z.number()) }),
          profile: z.object({ indices: z.array(z.number()), years: z.number(), enough: z.boolean() }),
          trend: z.object({
            last12: z.number().nullable(),
            prior12: z.number().nullable(),
            growthPercent: z.number().nullable(),
            slopePerMonth: z.number().nullable(),
            slopePercentPerYear: z.number().nullable(),
            months: z.number(),
          }),
          mix: z.object({ segment: z.array(Share), channel: z.array(Share), region: z.array(Share) }),
          drivers: z.object({
            compare: z.enum(["year-over-year", "plan-vs-last-year"]),
            by: z.enum(["sku", "customer"]),
            beforeRange: Range,
            afterRange: Range,
            before: z.number(),
            after: z.number(),
            change: z.number(),
            drivers: z.array(
              z.object({
                key: z.string(),
                before: z.number(),
                after: z.number(),
                change: z.number(),
                shareOfChange: z.number().nullable(),
              }),
            ),
            others: z.number(),
            names: z.record(z.string(), z.string()),
          }),
        })
        .openapi("DemandAnalysis"),
      "The node's monthly demand of the last 36 closed months, seasonal indices (January first), trend, mix of the last 12 months in basis points, and the drivers of the change",
    ),
    400: errors[400],
    401: errors[401],
    404: errors[404],
  },
});

export const demandAnalysisRoutes = new OpenAPIHono<ServerEnv>().openapi(analysisRoute, async (c) => {
  const { node, nodeKind, ...query } = c.req.valid("query");
  const analysis = await c.var.fulcrum.demandAnalysis.analysis({
    node: demandNode(node, nodeKind),
    ...query,
  });
  return c.json(
    {
      ...analysis,
      history: { periods: [...analysis.history.periods], values: [...analysis.history.values] },
      profile: { ...analysis.profile, indices: [...analysis.profile.indices] },
      mix: {
        segment: [...analysis.mix.segment],
        channel: [...analysis.mix.channel],
        region: [...analysis.mix.region],
      },
      drivers: { ...analysis.drivers, drivers: [...analysis.drivers.drivers] },
    },
    200,
  );
});
