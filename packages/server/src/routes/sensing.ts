// Demand sensing of a demand version's first three months: the learned blend of the statistical
// forecast with the orders on the books, its honest score on past cycles, and the sensed figures.

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const Model = z.object({ horizon: z.number(), bookedShare: z.number(), weight: z.number() });
const Month = z.object({ period: z.string(), forecast: z.number(), booked: z.number(), sensed: z.number() });

const sensing = createRoute({
  method: "get",
  path: "/plans/versions/{id}/sensing",
  tags: ["demand"],
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    200: json(
      z
        .object({
          versionId: z.number(),
          cycle: z.string(),
          scores: z.array(
            z.object({
              horizon: z.number(),
              model: Model,
              observations: z.number(),
              cycles: z.number(),
              wapeForecast: z.number().nullable(),
              wapeSensed: z.number().nullable(),
            }),
          ),
          months: z.array(Month),
          largest: z.array(Month.extend({ sku: z.string(), name: z.string() })),
        })
        .openapi("DemandSensing"),
      "Per horizon (1 = the cycle's month) the booked share and weight learned from past cycles, WAPE of the forecast and of the sensed forecast on cycles left out of learning, the sensed months, and the SKU-months sensing moves most",
    ),
    401: errors[401],
    404: errors[404],
  },
});

export const sensingRoutes = new OpenAPIHono<ServerEnv>().openapi(sensing, async (c) =>
  c.json(await c.var.fulcrum.sensing.sensing(c.req.valid("param").id), 200),
);
