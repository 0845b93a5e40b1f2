// The one error type the API client throws: the server's error code and message, plus the import
// issues when the server rejected a file, so screens can react to the code rather than to text.

import type { ImportIssue } from "@fulcrum/domain";

/** Codes from docs/api.md, plus `network` when the server could not be reached at all. */
export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_import"
  | "environment"
  | "internal"
  | "network";

export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: readonly ImportIssue[] = [],
    /** The whole decoded response body, for callers that need more than the error. */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "invalid_import",
  503: "environment",
};

/** Builds the error for a failed response, tolerating bodies that are not the documented shape. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const error =
    typeof body === "object" && body !== null && "error" in body
      ? (body as { error: { code?: string; message?: string } }).error
      : undefined;
  const code = (error?.code as ApiErrorCode | undefined) ?? CODE_BY_STATUS[status] ?? "internal";
  const message = error?.message ?? `The server answered ${status}`;
  const issues =
    typeof body === "object" && body !== null && "issues" in body && Array.isArray(body.issues)
      ? (body.issues as ImportIssue[])
      : [];
  return new ApiError(status, code, message, issues, body);
}
