// The one place where failures become HTTP responses, so every endpoint answers errors alike.

import { AppError, EnvironmentError } from "@fulcrum/app";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const STATUS: Record<AppError["code"], ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_import: 422,
  invalid_data: 422,
};

export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof AppError) {
    const body: Record<string, unknown> = { error: { code: error.code, message: error.message } };
    if (error.code === "invalid_import" && error.details) {
      Object.assign(body, { status: "rejected", ...error.details });
    } else if (error.details) {
      // E.g. a conflict names the current revision and the other person's changes.
      Object.assign(body, error.details);
    }
    if (error.code === "invalid_data" && error.details) Object.assign(body, error.details);
    return c.json(body, STATUS[error.code]);
  }
  if (error instanceof EnvironmentError) {
    console.error(error);
    return c.json({ error: { code: "environment", message: error.message } }, 503);
  }
  console.error(error);
  return c.json(
    { error: { code: "internal", message: "an unexpected error occurred; it has been logged" } },
    500,
  );
}
