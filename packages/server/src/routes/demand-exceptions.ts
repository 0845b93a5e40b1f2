// The exception list a demand review starts from: biased SKUs, plans outside the statistical band,
// big changes on the last cycle — ranked by value at stake.

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const ExceptionsSchema = z
  .object({
    total: z.number(),
    exceptions: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        family: z.string().nullable(),
        kind: z.enum(["biased", "outside-band", "changed"]),
        periods: z.array(z.string()).readonly(),
        units: z.number(),
        valueAtStake: z.number(),
        percent: z.number().nullable(),
        trackingSignal: z.number().nullable(),
      }),
    ),
  })
  .openapi("DemandExceptions");

const exceptions = createRoute({
  method: "get",
  path: "/plans/versions/{id}/exceptions",
  tags: ["demand"],
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    200: json(
      ExceptionsSchema,
      "The version's exceptions, the 100 largest by value at stake (units × price, minor units), and how many there are",
    ),
    401: errors[401],
    404: errors[404],
  },
});

export const demandExceptionRoutes = new OpenAPIHono<ServerEnv>().openapi(exceptions, async (c) =>
  c.json(await c.var.fulcrum.demandExceptions.exceptions(c.req.valid("param").id), 200),
);
