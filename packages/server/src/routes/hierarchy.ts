// The product-hierarchy explorer: nodes level by level, paths, and sales history under a node.

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const NodeSchema = z
  .object({
    kind: z.enum(["group", "item"]),
    code: z.string(),
    name: z.string(),
    level: z.string(),
    children: z.number(),
  })
  .openapi("HierarchyNode");

const nodes = createRoute({
  method: "get",
  path: "/hierarchy/nodes",
  tags: ["demand"],
  request: { query: z.object({ parent: z.string().optional() }) },
  responses: {
    200: json(z.object({ nodes: z.array(NodeSchema) }), "Groups, then items, directly under the parent"),
    401: errors[401],
  },
});

const path = createRoute({
  method: "get",
  path: "/hierarchy/path",
  tags: ["demand"],
  request: { query: z.object({ code: z.string() }) },
  responses: {
    200: json(
      z.object({ path: z.array(NodeSchema.omit({ children: true })) }),
      "From the top node down to the node",
    ),
    401: errors[401],
    404: errors[404],
  },
});

const history = createRoute({
  method: "get",
  path: "/hierarchy/history",
  tags: ["demand"],
  request: { query: z.object({ code: z.string().optional(), kind: z.enum(["group", "item"]).optional() }) },
  responses: {
    200: json(
      z.object({
        code: z.string().nullable(),
        name: z.string(),
        series: z.array(
          z.object({
            period: z.string(),
            orderedQty: z.number(),
            deliveredQty: z.number(),
            cancelledQty: z.number(),
            revenue: z.number(),
          }),
        ),
      }),
      "Monthly history under the node, by requested month; revenue in minor units",
    ),
    401: errors[401],
    404: errors[404],
  },
});

export const hierarchyRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(nodes, async (c) =>
    c.json({ nodes: await c.var.fulcrum.hierarchy.nodes(c.req.valid("query").parent) }, 200),
  )
  .openapi(path, async (c) =>
    c.json({ path: await c.var.fulcrum.hierarchy.path(c.req.valid("query").code) }, 200),
  )
  .openapi(history, async (c) => {
    const { code, kind } = c.req.valid("query");
    return c.json(
      await c.var.fulcrum.hierarchy.history(code ? { code, kind: kind ?? "group" } : undefined),
      200,
    );
  });
