// What a screen shows while its data loads or when loading failed: the same quiet spinner and the
// same error box everywhere, with the server's code and message rather than a generic apology.

import { ApiError } from "../api/api-error";

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorMessage({
  error,
  title = "Could not load this data",
}: {
  error: unknown;
  title?: string;
}) {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="alert alert-danger" role="alert">
      <strong>{title}</strong>
      <span>
        {message}
        {code ? <span className="alert-code">{code}</span> : null}
      </span>
    </div>
  );
}
