// A comment as people read it: who wrote it and when, where it sits (month, layer), and its text
// with each @mention picked out, so a reader sees at a glance who was asked.

import type { PlanComment } from "../api/comments";
import { formatPeriod, formatTimestamp } from "../format/dates";
import { LAYER_LABELS } from "./demand-rows";
import { Tag } from "./tag";

const layerLabel = (measure: string) => LAYER_LABELS[measure as keyof typeof LAYER_LABELS] ?? measure;

export function CommentBody({ comment }: { comment: PlanComment }) {
  const mentioned = new Set(comment.mentions.map((m) => m.username));
  // Split on the mentions, keeping them, so each can be marked up (the server matched the same way).
  const parts = comment.body.split(/(@[A-Za-z0-9._-]+)/);
  return (
    <div className="comment">
      <div className="comment-meta">
        <strong>{comment.author.displayName}</strong>
        <span className="muted">{formatTimestamp(comment.createdAt)}</span>
        {comment.period ? <Tag>{formatPeriod(comment.period)}</Tag> : null}
        {comment.measure ? <Tag tone="info">{layerLabel(comment.measure)}</Tag> : null}
        {comment.parentId !== null ? <span className="muted">reply</span> : null}
      </div>
      <p className="comment-text">
        {parts.map((part, i) => {
          const name = part.startsWith("@") ? part.slice(1).toLowerCase().replace(/\.+$/, "") : null;
          return name !== null && mentioned.has(name) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never reorder
            <mark key={i} className="mention">
              {part}
            </mark>
          ) : (
            part
          );
        })}
      </p>
    </div>
  );
}
