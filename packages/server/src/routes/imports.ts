// File upload for imports: multipart with the entity name and the file.

import { AppError } from "@fulcrum/app";
import { canImport } from "@fulcrum/domain";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, IssueSchema, json } from "../schemas";
import { requireRole } from "../session";

const ImportedSchema = z
  .object({
    status: z.literal("imported"),
    entity: z.string(),
    fileName: z.string(),
    rows: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
  })
  .openapi("ImportSummary");

const RejectedSchema = ErrorSchema.extend({
  status: z.literal("rejected"),
  entity: z.string(),
  fileName: z.string(),
  issueCount: z.number(),
  issues: z.array(IssueSchema),
}).openapi("ImportRejected");

const upload = createRoute({
  method: "post",
  path: "/imports",
  tags: ["data"],
  middleware: [requireRole(canImport, "import data")] as const,
  request: {
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({
            entity: z.string(),
            file: z.any().openapi({ type: "string", format: "binary" }),
          }),
        },
      },
    },
  },
  responses: {
    200: json(ImportedSchema, "Every row was valid and the file was imported"),
    400: errors[400],
    401: errors[401],
    403: json(ErrorSchema, "The user's role may not import"),
    422: json(RejectedSchema, "The file has problems; nothing was imported"),
  },
});

export const importRoutes = new OpenAPIHono<ServerEnv>().openapi(upload, async (c) => {
  const form = await c.req.formData();
  const entity = form.get("entity");
  const file = form.get("file");
  if (typeof entity !== "string" || !(file instanceof File)) {
    throw new AppError("bad_request", "send multipart/form-data with an entity field and a file");
  }
  const summary = await c.var.fulcrum.imports.importFile({
    entity,
    fileName: file.name || `${entity}.csv`,
    content: Buffer.from(await file.arrayBuffer()),
    userId: c.var.user.id,
  });
  return c.json(summary, 200);
});
