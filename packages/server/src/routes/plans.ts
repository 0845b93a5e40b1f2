// Plan versions: the grid of one measure, audited changes with their reasons, and reverts.

import { PLAN_MEASURES } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const VersionId = z.object({ id: z.coerce.number().int().positive() });
const Measure = z.enum(PLAN_MEASURES);

const versions = createRoute({
  method: "get",
  path: "/plans/versions",
  tags: ["plans"],
  responses: {
    200: json(
      z.object({
        versions: z.array(
          z.object({
            id: z.number(),
            scenarioId: z.number(),
            scenario: z.string(),
            kind: z.string(),
            number: z.number(),
            label: z.string(),
            status: z.string(),
            cyclePeriod: z.string().nullable(),
            overlayOf: z.number().nullable().openapi({
              description:
                "A scenario's copy-on-write version: it holds only the cells that differ from this one",
            }),
          }),
        ),
      }),
      "Every plan version, newest first",
    ),
    401: errors[401],
  },
});

const grid = createRoute({
  method: "get",
  path: "/plans/versions/{id}/grid",
  tags: ["plans"],
  request: {
    params: VersionId,
    query: z.object({
      measure: Measure,
      from: z.string().openapi({ example: "2026-12" }),
      to: z.string().optional(),
      search: z.string().optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(5000).default(1000),
    }),
  },
  responses: {
    200: json(
      z.object({
        versionId: z.number(),
        measure: z.string(),
        periods: z.array(z.string()),
        total: z.number(),
        rows: z.array(
          z.object({
            sku: z.string(),
            location: z.string().nullable(),
            segment: z.string().nullable(),
            values: z.array(z.number().nullable()),
          }),
        ),
      }),
      "Rows of SKU × location × segment with one value per period",
    ),
    400: errors[400],
    401: errors[401],
    404: errors[404],
  },
});

const ChangeSchema = z.object({
  measure: Measure,
  sku: z.string(),
  location: z.string().nullable().default(null),
  segment: z.string().nullable().default(null),
  period: z.string(),
  value: z.number().nonnegative().nullable(),
});

const change = createRoute({
  method: "post",
  path: "/plans/versions/{id}/changes",
  tags: ["plans"],
  request: {
    params: VersionId,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            reason: z.string().min(1),
            comment: z.string().default(""),
            changes: z.array(ChangeSchema).min(1).max(10_000),
          }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({ recorded: z.number() }),
      "The changes that altered a value, each recorded in the audit trail",
    ),
    400: errors[400],
    401: errors[401],
    404: errors[404],
    409: json(
      z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
      "The version is approved or committed",
    ),
  },
});

const changes = createRoute({
  method: "get",
  path: "/plans/versions/{id}/changes",
  tags: ["plans"],
  request: { params: VersionId },
  responses: {
    200: json(
      z.object({
        changes: z.array(
          z.object({
            id: z.number(),
            measure: z.string(),
            sku: z.string(),
            location: z.string().nullable(),
            segment: z.string().nullable(),
            period: z.string(),
            oldValue: z.number().nullable(),
            newValue: z.number().nullable(),
            reason: z.string(),
            comment: z.string(),
            user: z.string(),
            at: z.string(),
          }),
        ),
      }),
      "The audit trail of the version: who, when, old → new, why",
    ),
    401: errors[401],
  },
});

const revert = createRoute({
  method: "post",
  path: "/plans/changes/{id}/revert",
  tags: ["plans"],
  request: { params: VersionId },
  responses: {
    204: { description: "Reverted, as a new audited change" },
    401: errors[401],
    404: errors[404],
    409: errors[404],
  },
});

export const planRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(versions, async (c) => c.json({ versions: await c.var.fulcrum.plans.versions() }, 200))
  .openapi(grid, async (c) =>
    c.json(
      await c.var.fulcrum.plans.grid({ versionId: c.req.valid("param").id, ...c.req.valid("query") }),
      200,
    ),
  )
  .openapi(change, async (c) => {
    const { reason, comment, changes: list } = c.req.valid("json");
    const recorded = await c.var.fulcrum.plans.change(
      c.req.valid("param").id,
      list,
      c.var.user,
      reason,
      comment,
    );
    return c.json({ recorded }, 200);
  })
  .openapi(changes, async (c) => {
    const rows = await c.var.fulcrum.plans.history(c.req.valid("param").id);
    return c.json(
      {
        changes: rows.map((r) => ({
          id: Number(r.id),
          measure: r.measure,
          sku: r.sku,
          location: r.location,
          segment: r.segment,
          period: r.period,
          oldValue: r.old_value,
          newValue: r.new_value,
          reason: r.reason,
          comment: r.comment,
          user: r.username,
          at: r.changed_at.toISOString(),
        })),
      },
      200,
    );
  })
  .openapi(revert, async (c) => {
    await c.var.fulcrum.plans.revert(c.req.valid("param").id, c.var.user);
    return c.body(null, 204);
  });
