// Session cookie handling and the guard that lets only logged-in users (with the right role) through.

import { AppError } from "@fulcrum/app";
import type { Role } from "@fulcrum/domain";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ServerEnv } from "./env";

export const SESSION_COOKIE = "fulcrum_session";

export const requireUser: MiddlewareHandler<ServerEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const user = await c.var.fulcrum.auth.sessionUser(token);
  if (!user) throw new AppError("unauthorized", "log in first");
  c.set("user", user);
  c.set("sessionToken", token);
  await next();
};

export function requireRole(allowed: (role: Role) => boolean, action: string): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    if (!allowed(c.var.user.role)) throw new AppError("forbidden", `your role may not ${action}`);
    await next();
  };
}

export function setSessionCookie(c: Context, token: string, expires: Date): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Lax", path: "/", expires });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
