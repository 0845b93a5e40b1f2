// Comments on any place in the plan, open to every company role, and each user's inbox of the
// comments that @mention them (with the unread count the top bar shows) and its read marks.

import { MAX_COMMENT_BODY } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ServerEnv } from "../env";
import { ErrorSchema, errors, json } from "../schemas";

const nodeKind = z.enum(["all", "group", "item"]).default("all");
const Place = {
  nodeKind,
  nodeCode: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: "The group or SKU; omitted for all products" }),
  period: z.string().optional().openapi({ example: "2027-01" }),
  measure: z.string().optional().openapi({ example: "demand.consensus" }),
};

const Person = z.object({ username: z.string(), displayName: z.string() });
const CommentSchema = z
  .object({
    id: z.number(),
    versionId: z.number().nullable(),
    nodeKind: z.enum(["all", "group", "item"]),
    nodeCode: z.string().nullable(),
    nodeName: z.string(),
    period: z.string().nullable(),
    measure: z.string().nullable(),
    body: z.string(),
    author: Person,
    createdAt: z.string(),
    parentId: z.number().nullable(),
    mentions: z.array(Person),
  })
  .openapi("Comment");
const InboxEntrySchema = CommentSchema.extend({ readAt: z.string().nullable() }).openapi("InboxEntry");

const list = createRoute({
  method: "get",
  path: "/comments",
  tags: ["collaboration"],
  request: { query: z.object({ versionId: z.coerce.number().int().positive().optional(), ...Place }) },
  responses: {
    200: json(
      z.object({ comments: z.array(CommentSchema) }),
      "The node's comments, newest first (a version's own and those made on no version)",
    ),
    400: errors[400],
    401: errors[401],
  },
});

const post = createRoute({
  method: "post",
  path: "/comments",
  tags: ["collaboration"],
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({
            versionId: z.number().int().positive().optional(),
            ...Place,
            body: z.string().min(1).max(MAX_COMMENT_BODY),
            parentId: z.number().int().positive().optional().openapi({
              description: "The comment this replies to; a reply sits where its parent sits",
            }),
          }),
        },
      },
    },
  },
  responses: {
    201: json(CommentSchema, "The comment as posted; each @username mentioned finds it in their inbox"),
    400: json(ErrorSchema, "An empty or too long body, a bad period or layer, or unknown @usernames (named)"),
    401: errors[401],
    404: json(ErrorSchema, "The node, version or parent comment does not exist"),
  },
});

const inbox = createRoute({
  method: "get",
  path: "/inbox",
  tags: ["collaboration"],
  responses: {
    200: json(
      z.object({ unread: z.number(), comments: z.array(InboxEntrySchema) }),
      "The comments mentioning the user, unread first, each group newest first",
    ),
    401: errors[401],
  },
});

const markRead = createRoute({
  method: "post",
  path: "/inbox/{commentId}/read",
  tags: ["collaboration"],
  request: { params: z.object({ commentId: z.coerce.number().int().positive() }) },
  responses: {
    204: { description: "The comment is read (marking it again changes nothing)" },
    401: errors[401],
    404: json(ErrorSchema, "The comment does not mention the user"),
  },
});

export const commentRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(list, async (c) =>
    c.json({ comments: await c.var.fulcrum.comments.list(c.req.valid("query")) }, 200),
  )
  .openapi(post, async (c) => c.json(await c.var.fulcrum.comments.add(c.req.valid("json"), c.var.user), 201))
  .openapi(inbox, async (c) => {
    const comments = c.var.fulcrum.comments;
    const [unread, entries] = await Promise.all([
      comments.unreadCount(c.var.user),
      comments.inbox(c.var.user),
    ]);
    return c.json({ unread, comments: entries }, 200);
  })
  .openapi(markRead, async (c) => {
    await c.var.fulcrum.comments.markRead(c.req.valid("param").commentId, c.var.user);
    return c.body(null, 204);
  });
