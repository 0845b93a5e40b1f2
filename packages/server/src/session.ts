// Session cookie handling and the guard that lets only logged-in users (with the right role) through.

import { AppError } from "@fulcrum/app";
import { isInternalRole, type Role } from "@fulcrum/domain";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { ServerEnv } from "./env";

export const SESSION_COOKIE = "fulcrum_session";

async function signIn(c: Context<ServerEnv>) {
  const token = getCookie(c, SESSION_COOKIE);
  const user = await c.var.fulcrum.auth.sessionUser(token);
  if (!user) throw new AppError("unauthorized", "log in first");
  c.set("user", user);
  c.set("sessionToken", token);
  return user;
}

/** Any logged-in user, a supplier's included: only the auth routes use it. */
export const requireSession: MiddlewareHandler<ServerEnv> = async (c, next) => {
  await signIn(c);
  await next();
};

/**
 * A logged-in user of the company. Every API route but auth and the supplier portal goes through
 * this guard, so refusing supplier users here keeps them out of all company data at once — a
 * route added later is closed to them without anyone remembering to.
 */
export const requireUser: MiddlewareHandler<ServerEnv> = async (c, next) => {
  const user = await signIn(c);
  if (!isInternalRole(user.role))
    throw new AppError("forbidden", "a supplier user may use only the supplier portal");
  await next();
};

/** A supplier's own user: the supplier portal's guard (its use cases filter by the user's supplier). */
export const requireSupplier: MiddlewareHandler<ServerEnv> = async (c, next) => {
  const user = await signIn(c);
  if (user.role !== "supplier") throw new AppError("forbidden", "the supplier portal is for supplier users");
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
