// Failures a use case reports to its caller. Each carries a code that the HTTP layer maps to a
// status and the CLI to an exit code, in one place each. Bugs stay plain Errors.

import type { ImportIssue } from "@fulcrum/domain";

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_import"
  /** Stored data that a use case cannot work with (e.g. a supply plan with no capacity rows). */
  | "invalid_data";

export class AppError extends Error {
  override readonly name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: {
      readonly issues?: readonly ImportIssue[];
      readonly issueCount?: number;
      readonly [key: string]: unknown;
    },
  ) {
    super(message);
  }
}

export { EnvironmentError } from "@fulcrum/storage";
