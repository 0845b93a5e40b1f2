// Comments on any place in the plan, open to every company role, and each user's inbox of the
// comments that @mention them and the notifications the application left them (a promise at
// risk), with the unread count the top bar shows, and their read marks.

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
const NotificationSchema = z
  .object({
    id: z.number(),
    kind: z.enum(["promise_at_risk"]),
    promiseId: z.number(),
    committedPlanId: z.number(),
    message: z.string(),
    link: z
      .string()
      .openapi({ description: "Where in the app it is about", example: "/monitor/promising?promise=7" }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");

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
      z.object({
        unread: z.number().openapi({ description: "Unread mentions and notifications together" }),
        comments: z.array(InboxEntrySchema),
        notifications: z.array(NotificationSchema),
      }),
      "The comments mentioning the user and their notifications, each unread first, each group newest first",
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

const markNotificationRead = createRoute({
  method: "post",
  path: "/inbox/notifications/{notificationId}/read",
  tags: ["collaboration"],
  request: { params: z.object({ notificationId: z.coerce.number().int().positive() }) },
  responses: {
    204: { description: "The notification is read (marking it again changes nothing)" },
    401: errors[401],
    404: json(ErrorSchema, "The notification is not the user's"),
  },
});

export const commentRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(list, async (c) =>
    c.json({ comments: await c.var.fulcrum.comments.list(c.req.valid("query")) }, 200),
  )
  .openapi(post, async (c) => c.json(await c.var.fulcrum.comments.add(c.req.valid("json"), c.var.user), 201))
  .openapi(inbox, async (c) => {
    const comments = c.var.fulcrum.comments;
    const notifications = c.var.fulcrum.notifications;
    const [mentions, entries, unnoticed, notes] = await Promise.all([
      comments.unreadCount(c.var.user),
      comments.inbox(c.var.user),
      notifications.unreadCount(c.var.user),
      notifications.inbox(c.var.user),
    ]);
    return c.json({ unread: mentions + unnoticed, comments: entries, notifications: notes }, 200);
  })
  .openapi(markNotificationRead, async (c) => {
    await c.var.fulcrum.notifications.markRead(c.req.valid("param").notificationId, c.var.user);
    return c.body(null, 204);
  })
  .openapi(markRead, async (c) => {
    await c.var.fulcrum.comments.markRead(c.req.valid("param").commentId, c.var.user);
    return c.body(null, 204);
  });
