// The unit and revenue plan of a demand version at any node: plan, last year, budget, market share.

import { demandNode } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const revenuePlan = createRoute({
  method: "get",
  path: "/plans/versions/{id}/revenue-plan",
  tags: ["demand"],
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({ node: z.string().optional(), nodeKind: z.enum(["group", "item"]).optional() }),
  },
  responses: {
    200: json(
      z
        .object({
          versionId: z.number(),
          months: z.array(
            z.object({
              period: z.string(),
              units: z.number(),
              revenue: z.number(),
              lastYearUnits: z.number(),
              lastYearRevenue: z.number(),
              budgetUnits: z.number().nullable(),
              budgetRevenue: z.number().nullable(),
              marketShare: z.number().nullable(),
            }),
          ),
        })
        .openapi("RevenuePlan"),
      "The node's twelve months from the version's cycle: plan units (consensus, else statistical) and revenue at list price, last year's demand and revenue, the budget, and the market share (money in minor units)",
    ),
    401: errors[401],
    404: errors[404],
  },
});

export const revenuePlanRoutes = new OpenAPIHono<ServerEnv>().openapi(revenuePlan, async (c) => {
  const { node, nodeKind } = c.req.valid("query");
  return c.json(
    await c.var.fulcrum.revenuePlan.revenuePlan({
      versionId: c.req.valid("param").id,
      node: demandNode(node, nodeKind),
    }),
    200,
  );
});
