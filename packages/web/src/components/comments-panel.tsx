// "Comments" on the demand review for the selected row: what everyone said about this product
// group or SKU in this version, newest first, and a form to add one — for a month and a layer if
// it is about one cell — where @username asks someone, who then finds it in their inbox.

import { useState } from "react";
import { useComments, usePostComment } from "../api/comments";
import { DEMAND_LAYERS, type DemandNodeRef } from "../api/demand";
import { formatPeriod } from "../format/dates";
import { CommentBody } from "./comment-body";
import { LAYER_LABELS } from "./demand-rows";
import { Panel } from "./panel";
import { ErrorMessage, Loading } from "./query-state";

export function CommentsPanel({
  versionId,
  node,
  nodeName,
  periods,
}: {
  versionId: number;
  node: DemandNodeRef;
  nodeName: string;
  /** The months a comment can be pinned to (the grid's). */
  periods: readonly string[];
}) {
  const comments = useComments(versionId, node);
  const post = usePostComment(versionId, node);
  const [body, setBody] = useState("");
  const [period, setPeriod] = useState("");
  const [measure, setMeasure] = useState("");
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const submit = () =>
    post.mutate(
      { body, ...(period ? { period } : {}), ...(measure ? { measure } : {}) },
      {
        onSuccess: (posted) => {
          setBody("");
          setNotice(
            posted.mentions.length > 0
              ? {
                  tone: "ok",
                  text: `Posted; ${posted.mentions.map((m) => m.displayName).join(", ")} will find it in their inbox`,
                }
              : null,
          );
        },
        onError: (error) => setNotice({ tone: "error", text: error.message }),
      },
    );
  return (
    <Panel title={`Comments on ${nodeName}`} subtitle="Visible to every role" testId="comments-panel">
      <form
        className="comment-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field comment-field">
          <span className="field-label">Comment</span>
          <textarea
            className="input"
            data-testid="comment-body"
            rows={2}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          <span className="field-hint">Type @username to mention someone: they find it in their inbox.</span>
        </label>
        <label className="field">
          <span className="field-label">Month</span>
          <select
            className="input"
            data-testid="comment-period"
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
          >
            <option value="">Any month</option>
            {periods.map((p) => (
              <option key={p} value={p}>
                {formatPeriod(p)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Layer</span>
          <select
            className="input"
            data-testid="comment-measure"
            value={measure}
            onChange={(e) => setMeasure(e.target.value)}
          >
            <option value="">Any layer</option>
            {DEMAND_LAYERS.map((l) => (
              <option key={l} value={l}>
                {LAYER_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button button-primary"
          data-testid="comment-post"
          disabled={body.trim() === "" || post.isPending}
        >
          Post
        </button>
      </form>
      {notice?.tone === "ok" ? (
        <div className="alert alert-success" role="status">
          {notice.text}
        </div>
      ) : null}
      {notice?.tone === "error" ? (
        <div className="alert alert-danger" role="alert" data-testid="comment-error">
          <strong>The comment was not posted</strong>
          <span>{notice.text}</span>
        </div>
      ) : null}
      {comments.isPending ? <Loading /> : null}
      {comments.isError ? <ErrorMessage error={comments.error} /> : null}
      {comments.data?.length === 0 ? <p className="muted">No comments on {nodeName} yet.</p> : null}
      {comments.data && comments.data.length > 0 ? (
        <ul className="comment-list" data-testid="comment-list">
          {comments.data.map((c) => (
            <li key={c.id} data-comment={c.id}>
              <CommentBody comment={c} />
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
