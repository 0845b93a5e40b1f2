// Request and response shapes shared by the routes and published in the OpenAPI description.

import { ROLES } from "@fulcrum/domain";
import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi("Error");

export const UserSchema = z
  .object({ username: z.string(), displayName: z.string(), role: z.enum(ROLES) })
  .openapi("User");

export const IssueSchema = z
  .object({
    file: z.string(),
    sheet: z.string().optional(),
    row: z.number().int(),
    column: z.string().optional(),
    value: z.string().optional(),
    message: z.string(),
  })
  .openapi("ImportIssue");

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const errors = {
  400: json(ErrorSchema, "The request is malformed"),
  401: json(ErrorSchema, "Not logged in"),
  404: json(ErrorSchema, "Not found"),
} as const;
