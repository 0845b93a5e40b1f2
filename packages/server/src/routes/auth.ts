// Login, logout, the current user, and the demo accounts shown on the login page in demo mode.

import { DEMO_USERS } from "@fulcrum/app";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import type { ServerEnv } from "../env";
import { errors, json, UserSchema } from "../schemas";
import { clearSessionCookie, requireSession, SESSION_COOKIE, setSessionCookie } from "../session";

const login = createRoute({
  method: "post",
  path: "/login",
  tags: ["auth"],
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({ username: z.string().min(1), password: z.string().min(1) }),
        },
      },
    },
  },
  responses: {
    200: json(z.object({ user: UserSchema }), "Logged in; the session cookie is set"),
    400: errors[400],
    401: errors[401],
  },
});

const logout = createRoute({
  method: "post",
  path: "/logout",
  tags: ["auth"],
  responses: { 204: { description: "Logged out" } },
});

const me = createRoute({
  method: "get",
  path: "/me",
  tags: ["auth"],
  middleware: [requireSession] as const,
  responses: { 200: json(z.object({ user: UserSchema }), "The logged-in user"), 401: errors[401] },
});

const demoUsers = createRoute({
  method: "get",
  path: "/demo-users",
  tags: ["auth"],
  responses: {
    200: json(
      z.object({ demo: z.boolean(), users: z.array(UserSchema.extend({ password: z.string() })) }),
      "The demo accounts, in demo mode only",
    ),
  },
});

const publicUser = ({ username, displayName, role }: z.infer<typeof UserSchema>) => ({
  username,
  displayName,
  role,
});

export const authRoutes = new OpenAPIHono<ServerEnv>()
  .openapi(login, async (c) => {
    const { username, password } = c.req.valid("json");
    const session = await c.var.fulcrum.auth.login(username, password);
    setSessionCookie(c, session.token, session.expiresAt);
    return c.json({ user: publicUser(session.user) }, 200);
  })
  .openapi(logout, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await c.var.fulcrum.auth.logout(token);
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(me, (c) => c.json({ user: publicUser(c.var.user) }, 200))
  .openapi(demoUsers, async (c) => {
    const company = await c.var.fulcrum.database.db.selectFrom("company").select("demo").executeTakeFirst();
    const demo = company?.demo === true;
    return c.json(
      { demo, users: demo ? DEMO_USERS.map((u) => ({ ...publicUser(u), password: u.password })) : [] },
      200,
    );
  });
