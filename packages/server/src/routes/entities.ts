// The data browser, templates and exports for every catalogue entity.

import type { Download } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { stream } from "hono/streaming";
import type { ServerEnv } from "../env";
import { errors, json } from "../schemas";

const EntitySchema = z
  .object({
    name: z.string(),
    label: z.string(),
    area: z.string(),
    description: z.string(),
    key: z.array(z.string()).readonly(),
    columns: z
      .array(
        z.object({
          name: z.string(),
          label: z.string(),
          type: z.object({
            kind: z.string(),
            values: z.array(z.string()).readonly().optional(),
            min: z.number().optional(),
            max: z.number().optional(),
            maxLength: z.number().optional(),
            allowNegative: z.boolean().optional(),
          }),
          required: z.boolean(),
          references: z.object({ entity: z.string() }).optional(),
          description: z.string(),
          example: z.string(),
        }),
      )
      .readonly(),
    large: z.boolean().optional(),
    rows: z.number(),
  })
  .openapi("Entity");

const Name = z.object({ name: z.string().openapi({ example: "items" }) });
// One route serves template.csv, template.xlsx, export.csv and export.xlsx: the router matches whole
// path segments, so the file name is one parameter.
const FileParams = z.object({
  name: z.string(),
  file: z.enum(["template.csv", "template.xlsx", "export.csv", "export.xlsx"]),
});

const list = createRoute({
  method: "get",
  path: "/entities",
  tags: ["data"],
  responses: {
    200: json(z.object({ entities: z.array(EntitySchema) }), "Every entity with its columns and row count"),
    401: errors[401],
  },
});

const rows = createRoute({
  method: "get",
  path: "/entities/{name}/rows",
  tags: ["data"],
  request: {
    params: Name,
    query: z.object({
      search: z.string().optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      sort: z.string().optional(),
      dir: z.enum(["asc", "desc"]).default("asc"),
    }),
  },
  responses: {
    200: json(
      z.object({
        total: z.number(),
        offset: z.number(),
        limit: z.number(),
        rows: z.array(z.record(z.string(), z.unknown())),
      }),
      "One page of rows; money in minor units, dates as YYYY-MM-DD",
    ),
    400: errors[400],
    401: errors[401],
    404: errors[404],
  },
});

const fileResponses = {
  200: {
    description: "The file",
    content: { "text/csv": { schema: z.string() }, "application/octet-stream": { schema: z.string() } },
  },
  401: errors[401],
  404: errors[404],
};

const download = createRoute({
  method: "get",
  path: "/entities/{name}/{file}",
  tags: ["data"],
  request: { params: FileParams },
  responses: fileResponses,
});

function sendDownload(c: Context, download: Download) {
  c.header("Content-Type", download.contentType);
  c.header("Content-Disposition", `attachment; filename="${download.fileName}"`);
  return stream(c, async (out) => {
    for await (const chunk of download.body) await out.write(chunk as Uint8Array);
  });
}

export const entityRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(list, async (c) => c.json({ entities: await c.var.fulcrum.entities.catalogue() }, 200))
  .openapi(rows, async (c) => {
    const { name } = c.req.valid("param");
    return c.json(await c.var.fulcrum.entities.rows(name, c.req.valid("query")), 200);
  })
  .openapi(download, async (c) => {
    const { name, file } = c.req.valid("param");
    const [kind, format] = file.split(".") as ["template" | "export", "csv" | "xlsx"];
    const exports = c.var.fulcrum.exports;
    return sendDownload(
      c,
      kind === "template" ? exports.template(name, format) : await exports.export(name, format),
    ) as never;
  });
