// Demand review: the hierarchy grid of a demand version, edits at any node spread to the SKUs,
// the consensus proposal, locks, undo and approval. The maths lives in the engines and the rules
// in the app; these routes validate and translate.

import {
  DEMAND_LAYERS,
  demandGridWorkbook,
  demandNode,
  EDITABLE_LAYERS,
  MAX_PASTED_CELLS,
} from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";

const VersionId = z.object({ id: z.coerce.number().int().positive() });
const Layer = z.enum(EDITABLE_LAYERS);
const NodeFields = {
  node: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: "Product group or SKU code; omit for every product" }),
  nodeKind: z.enum(["group", "item"]).optional(),
};
const Range = {
  from: z.string().openapi({ example: "2026-12" }),
  to: z.string().optional().openapi({ description: "Last period, inclusive; defaults to `from`" }),
};
const Reason = {
  reason: z.string().min(1).openapi({ example: "key account win" }),
  comment: z.string().default(""),
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .openapi({ description: "The grid's `revision` the edit is based on" }),
};
const EditResult = json(
  z.object({
    editId: z.number(),
    revision: z.number(),
    changed: z.number(),
    before: z.number(),
    after: z.number(),
  }),
  "The edit, recorded with one audited change per cell it moved",
);
const Conflict = json(
  ErrorSchema.extend({
    revision: z.number().optional(),
    changes: z
      .array(
        z.object({
          id: z.number(),
          editId: z.number().nullable(),
          user: z.string(),
          at: z.string(),
          measure: z.string(),
          sku: z.string(),
          period: z.string(),
          oldValue: z.number().nullable(),
          newValue: z.number().nullable(),
          reason: z.string(),
          comment: z.string(),
        }),
      )
      .optional(),
  }),
  "Someone changed these cells since `expectedRevision` (their changes are listed), or the version is frozen",
);
const Forbidden = json(ErrorSchema, "The role may not edit this layer");

const LayerValues = z.object(
  Object.fromEntries(DEMAND_LAYERS.map((m) => [m, z.array(z.number().nullable())])),
);
const gridRoute = createRoute({
  method: "get",
  path: "/plans/versions/{id}/demand",
  tags: ["demand"],
  request: {
    params: VersionId,
    query: z.object({
      ...NodeFields,
      from: Range.from,
      to: z.string().optional().openapi({ description: "Defaults to 12 periods from `from`" }),
      grain: z.enum(["month", "quarter", "year"]).default("month"),
    }),
  },
  responses: {
    200: json(
      z.object({
        versionId: z.number(),
        status: z.string(),
        revision: z.number(),
        grain: z.string(),
        periods: z.array(z.string()),
        buckets: z.array(z.object({ bucket: z.string(), from: z.string(), to: z.string() })),
        rows: z.array(
          z.object({
            kind: z.enum(["all", "group", "item"]),
            code: z.string().nullable(),
            name: z.string(),
            level: z.string(),
            children: z.number(),
            layers: LayerValues,
            locked: z.record(z.string(), z.array(z.boolean())),
          }),
        ),
      }),
      "The node and its children, each with every layer's totals per bucket",
    ),
    400: errors[400],
    401: errors[401],
    404: errors[404],
  },
});

const UnitsOrMoney = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("total"), value: z.number().nonnegative() }),
  z.object({ kind: z.literal("delta"), value: z.number() }),
  z.object({ kind: z.literal("percent"), percent: z.number() }),
  z.object({
    kind: z.literal("revenue"),
    amount: z.number().int().nonnegative().openapi({ description: "Minor units" }),
  }),
]);

const editRoute = createRoute({
  method: "post",
  path: "/plans/versions/{id}/edits",
  tags: ["demand"],
  request: {
    params: VersionId,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            measure: Layer,
            ...NodeFields,
            ...Range,
            edit: UnitsOrMoney,
            basis: z
              .enum(["current", "statistical", "sales", "consensus", "history", "even"])
              .default("current"),
            locks: z
              .array(z.object({ sku: z.string(), period: z.string().optional() }))
              .max(10_000)
              .default([]),
            ...Reason,
          }),
        },
      },
    },
  },
  responses: {
    200: EditResult,
    400: errors[400],
    401: errors[401],
    403: Forbidden,
    404: errors[404],
    409: Conflict,
  },
});

const pasteRoute = createRoute({
  method: "post",
  path: "/plans/versions/{id}/edits/batch",
  tags: ["demand"],
  request: {
    params: VersionId,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            measure: Layer,
            cells: z
              .array(
                z.object({
                  ...NodeFields,
                  ...Range,
                  edit: UnitsOrMoney,
                  label: z
                    .string()
                    .optional()
                    .openapi({ description: "How the cell is shown, for messages" }),
                }),
              )
              .min(1)
              .max(MAX_PASTED_CELLS),
            basis: z
              .enum(["current", "statistical", "sales", "consensus", "history", "even"])
              .default("current"),
            ...Reason,
          }),
        },
      },
    },
  },
  responses: {
    200: json(
      z.object({
        edits: z.array(
          z.object({
            editId: z.number(),
            revision: z.number(),
            changed: z.number(),
            before: z.number(),
            after: z.number(),
          }),
        ),
        revision: z.number(),
        changed: z.number(),
      }),
      "Every cell applied as its own audited, undoable edit, all in one transaction",
    ),
    400: errors[400],
    401: errors[401],
    403: Forbidden,
    404: errors[404],
    409: Conflict,
  },
});

const editsRoute = createRoute({
  method: "get",
  path: "/plans/versions/{id}/edits",
  tags: ["demand"],
  request: { params: VersionId },
  responses: {
    200: json(
      z.object({
        edits: z.array(
          z.object({
            id: z.number(),
            measure: z.string(),
            nodeKind: z.string(),
            nodeCode: z.string().nullable(),
            from: z.string(),
            to: z.string(),
            kind: z.string(),
            amount: z.number().nullable(),
            basis: z.string().nullable(),
            reason: z.string(),
            comment: z.string(),
            cells: z.number(),
            undoes: z.number().nullable(),
            undoneBy: z.number().nullable(),
            user: z.string(),
            at: z.string(),
          }),
        ),
      }),
      "The version's latest 50 edits, newest first",
    ),
    401: errors[401],
  },
});

const consensusRoute = createRoute({
  method: "post",
  path: "/plans/versions/{id}/consensus",
  tags: ["demand"],
  request: {
    params: VersionId,
    body: {
      content: {
        "application/json": {
          schema: z.object({
            ...NodeFields,
            ...Range,
            rule: z
              .discriminatedUnion("kind", [
                z.object({ kind: z.literal("layered") }),
                z.object({
                  kind: z.literal("override"),
                  layer: z.enum(["statistical", "sales", "marketing", "product"]),
                }),
              ])
              .default({ kind: "layered" }),
            ...Reason,
          }),
        },
      },
    },
  },
  responses: {
    200: EditResult,
    400: errors[400],
    401: errors[401],
    403: Forbidden,
    404: errors[404],
    409: Conflict,
  },
});

const locksRoute = createRoute({
  method: "put",
  path: "/plans/versions/{id}/locks",
  tags: ["demand"],
  request: {
    params: VersionId,
    body: {
      content: {
        "application/json": {
          schema: z.object({ measure: Layer, ...NodeFields, ...Range, locked: z.boolean() }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ cells: z.number() }), "How many SKU cells were locked or unlocked"),
    400: errors[400],
    401: errors[401],
    403: Forbidden,
    409: Conflict,
  },
});

const undoRoute = createRoute({
  method: "post",
  path: "/plans/edits/{id}/undo",
  tags: ["demand"],
  request: { params: VersionId },
  responses: { 200: EditResult, 401: errors[401], 403: Forbidden, 404: errors[404], 409: Conflict },
});

const exportRoute = createRoute({
  method: "get",
  path: "/plans/versions/{id}/demand.xlsx",
  tags: ["demand"],
  request: {
    params: VersionId,
    query: z.object({
      ...NodeFields,
      from: Range.from,
      to: z.string().optional(),
      grain: z.enum(["month", "quarter", "year"]).default("month"),
    }),
  },
  responses: {
    200: {
      content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.any() } },
      description:
        "The same view as /demand, as an Excel workbook: rows × buckets, one line per layer with figures",
    },
    401: errors[401],
    404: errors[404],
  },
});

const approveRoute = createRoute({
  method: "post",
  path: "/plans/versions/{id}/approve",
  tags: ["demand"],
  request: { params: VersionId },
  responses: {
    204: { description: "Approved; the version is frozen" },
    400: errors[400],
    401: errors[401],
    403: Forbidden,
    409: Conflict,
  },
});

export const demandRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(gridRoute, async (c) => {
    const { node, nodeKind, ...query } = c.req.valid("query");
    const grid = await c.var.fulcrum.demand.grid({
      versionId: c.req.valid("param").id,
      node: demandNode(node, nodeKind),
      ...query,
    });
    return c.json(grid, 200);
  })
  .openapi(exportRoute, async (c) => {
    const { node, nodeKind, ...query } = c.req.valid("query");
    const versionId = c.req.valid("param").id;
    const grid = await c.var.fulcrum.demand.grid({ versionId, node: demandNode(node, nodeKind), ...query });
    const title = `Demand plan, version ${versionId}: ${grid.rows[0]?.name ?? ""}, ${grid.buckets[0]?.bucket ?? ""}–${grid.buckets.at(-1)?.bucket ?? ""}`;
    const body = await demandGridWorkbook(grid, title);
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="demand-plan-v${versionId}-${node ?? "all"}.xlsx"`,
    });
  })
  .openapi(editRoute, async (c) => {
    const { node, nodeKind, ...body } = c.req.valid("json");
    const result = await c.var.fulcrum.demand.edit(
      { versionId: c.req.valid("param").id, node: demandNode(node, nodeKind), ...body },
      c.var.user,
    );
    return c.json(result, 200);
  })
  .openapi(pasteRoute, async (c) => {
    const { cells, ...body } = c.req.valid("json");
    const result = await c.var.fulcrum.demandPaste.paste(
      {
        versionId: c.req.valid("param").id,
        cells: cells.map(({ node, nodeKind, ...cell }) => ({ node: demandNode(node, nodeKind), ...cell })),
        ...body,
      },
      c.var.user,
    );
    return c.json({ ...result, edits: [...result.edits] }, 200);
  })
  .openapi(editsRoute, async (c) =>
    c.json({ edits: await c.var.fulcrum.demand.edits(c.req.valid("param").id) }, 200),
  )
  .openapi(consensusRoute, async (c) => {
    const { node, nodeKind, ...body } = c.req.valid("json");
    const result = await c.var.fulcrum.demand.proposeConsensus(
      { versionId: c.req.valid("param").id, node: demandNode(node, nodeKind), ...body },
      c.var.user,
    );
    return c.json(result, 200);
  })
  .openapi(locksRoute, async (c) => {
    const { node, nodeKind, ...body } = c.req.valid("json");
    const cells = await c.var.fulcrum.demand.setLocks(
      { versionId: c.req.valid("param").id, node: demandNode(node, nodeKind), ...body },
      c.var.user,
    );
    return c.json({ cells }, 200);
  })
  .openapi(undoRoute, async (c) =>
    c.json(await c.var.fulcrum.demand.undo(c.req.valid("param").id, c.var.user), 200),
  )
  .openapi(approveRoute, async (c) => {
    await c.var.fulcrum.demand.approveConsensus(c.req.valid("param").id, c.var.user);
    return c.body(null, 204);
  });
