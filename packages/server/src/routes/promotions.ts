// Promotions and transitions of a demand version: the calendar with each promotion's computed
// effect (uplift units, cannibalised and dip units, revenue at the discounted price) and each
// transition's ramp, and re-applying them after new promotions were imported (audited edits).

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";

const VersionId = z.object({ id: z.coerce.number().int().positive() });

const PromotionEntry = z
  .object({
    code: z.string(),
    name: z.string(),
    sku: z.string().nullable(),
    group: z.string().nullable().openapi({ description: "Product group; the promotion applies below it" }),
    segment: z.string().nullable().openapi({ description: "Null for every segment" }),
    start: z.string().openapi({ example: "2027-01-06" }),
    end: z.string().openapi({ example: "2027-01-26" }),
    upliftPct: z.number(),
    upliftUnits: z.number().nullable(),
    discountPct: z.number(),
    cannibalisationPct: z.number().nullable(),
    postDipPct: z.number().nullable(),
    months: z.array(z.object({ period: z.string(), share: z.number() })).openapi({
      description: "Months the promotion touches, with the share of each month's days",
    }),
    dipPeriod: z.string().nullable(),
    effect: z.object({
      baseline: z.number().openapi({ description: "Baseline units during the promotion's days" }),
      uplift: z.number().openapi({ description: "Extra units on the promoted SKUs" }),
      cannibalised: z.number().openapi({ description: "Units taken from sister SKUs" }),
      dip: z.number().openapi({ description: "Units lost in the month after" }),
      revenue: z.number().openapi({ description: "Promoted units at the discounted price, minor units" }),
      incrementalRevenue: z.number().openapi({
        description: "Revenue minus the baseline, cannibalised and dip units at list price, minor units",
      }),
    }),
  })
  .openapi("PromotionEffect");

const TransitionEntry = z
  .object({
    kind: z.enum(["launch", "phase_out", "supersession"]),
    sku: z.string(),
    predecessor: z.string().nullable(),
    months: z.array(z.object({ period: z.string(), factor: z.number() })).openapi({
      description: "A launch's share of the month on sale, or a ramp's remaining share of the old SKU",
    }),
    before: z.number().openapi({ description: "The SKU's statistical units over the horizon" }),
    after: z.number().openapi({ description: "Its units after the transition" }),
  })
  .openapi("TransitionEffect");

const calendarRoute = createRoute({
  method: "get",
  path: "/plans/versions/{id}/promotions",
  tags: ["demand"],
  request: { params: VersionId },
  responses: {
    200: json(
      z.object({
        versionId: z.number(),
        periods: z.array(z.string()),
        promotions: z.array(PromotionEntry),
        transitions: z.array(TransitionEntry),
      }),
      "The promotions touching the version's horizon with their effect, and the product transitions",
    ),
    401: errors[401],
    404: errors[404],
  },
});

const applyRoute = createRoute({
  method: "post",
  path: "/plans/versions/{id}/promotions/apply",
  tags: ["demand"],
  request: { params: VersionId },
  responses: {
    200: json(
      z.object({
        edits: z.array(
          z.object({ editId: z.number(), measure: z.string(), reason: z.string(), changed: z.number() }),
        ),
        revision: z.number(),
      }),
      "One audited edit per layer and reason (promotion, transition); none when nothing changed",
    ),
    401: errors[401],
    403: json(ErrorSchema, "The role may not edit the marketing and product layers"),
    404: errors[404],
    409: json(ErrorSchema, "The version is approved"),
  },
});

export const promotionRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(calendarRoute, async (c) =>
    c.json(await c.var.fulcrum.promotions.calendar(c.req.valid("param").id), 200),
  )
  .openapi(applyRoute, async (c) =>
    c.json(await c.var.fulcrum.promotions.apply(c.req.valid("param").id, c.var.user), 200),
  );
