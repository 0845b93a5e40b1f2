// What the demand review says after an edit: the change it made, why it was refused, or — when
// someone else changed the same figures first — their changes, so the planner sees what moved.

import { ApiError } from "../api/api-error";
import type { ConflictingChange } from "../api/demand";
import { formatPeriod } from "../format/dates";

export type Notice =
  | { readonly tone: "ok" | "error"; readonly text: string }
  | { readonly tone: "conflict"; readonly text: string; readonly changes: readonly ConflictingChange[] };

export function NoticeBox({ notice }: { notice: Notice }) {
  if (notice.tone === "ok")
    return (
      <div className="alert alert-success" role="status" data-testid="demand-notice">
        {notice.text}
      </div>
    );
  return (
    <div className="alert alert-danger" role="alert" data-testid="demand-notice">
      <strong>
        {notice.tone === "conflict" ? "Someone changed these figures first" : "The edit was not made"}
      </strong>
      <span>{notice.text}</span>
      {notice.tone === "conflict" ? (
        <ul data-testid="demand-conflict">
          {notice.changes.slice(0, 5).map((c) => (
            <li key={`${c.sku} ${c.period} ${c.at}`}>
              {`${c.user}: ${c.sku} ${formatPeriod(c.period)} ${c.oldValue ?? "–"} → ${c.newValue ?? "–"} (${c.reason})`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function noticeOf(error: unknown): Notice {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.code === "conflict") {
    const body = error.body as { changes?: ConflictingChange[] } | null;
    if (body?.changes) return { tone: "conflict", text, changes: body.changes };
  }
  return { tone: "error", text };
}
