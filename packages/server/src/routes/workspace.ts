// The cycle overview and the import log.

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const ImportRunSchema = z
  .object({
    id: z.number(),
    entity: z.string(),
    fileName: z.string(),
    status: z.enum(["imported", "rejected"]),
    rows: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    issueCount: z.number(),
    user: z.string().nullable(),
    at: z.string(),
  })
  .openapi("ImportRun");

const OverviewSchema = z
  .object({
    company: z.object({
      name: z.string(),
      currency: z.object({ code: z.string(), minorDigits: z.number() }),
      bucket: z.enum(["month", "week"]),
      currentPeriod: z.string(),
      asOf: z.string(),
      demo: z.boolean(),
    }),
    cycle: z.object({
      period: z.string(),
      stage: z.string(),
      stages: z.array(
        z.object({
          stage: z.string(),
          label: z.string(),
          owner: z.string(),
          status: z.enum(["done", "current", "upcoming"]),
        }),
      ),
    }),
    entities: z.array(z.object({ name: z.string(), label: z.string(), area: z.string(), rows: z.number() })),
    history: z.object({
      firstPeriod: z.string().nullable(),
      lastPeriod: z.string().nullable(),
      orderLines: z.number(),
      deliveredUnits: z.number(),
    }),
    recentImports: z.array(ImportRunSchema),
  })
  .openapi("WorkspaceOverview");

const overview = createRoute({
  method: "get",
  path: "/workspace",
  tags: ["workspace"],
  responses: {
    200: json(OverviewSchema, "Company, cycle, data completeness and recent imports"),
    401: errors[401],
  },
});

const imports = createRoute({
  method: "get",
  path: "/imports",
  tags: ["data"],
  responses: {
    200: json(z.object({ imports: z.array(ImportRunSchema) }), "The latest 50 imports"),
    401: errors[401],
  },
});

export const workspaceRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(overview, async (c) => c.json(await c.var.fulcrum.workspace.overview(), 200))
  .openapi(imports, async (c) => c.json({ imports: await c.var.fulcrum.workspace.imports(50) }, 200));
