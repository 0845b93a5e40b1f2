// The inbox: every comment that mentions the signed-in user, unread first, each saying where it was
// made (the product group or SKU, the month and layer), and the notifications the application left
// them (a promise at risk), each linking to what it is about, with a way to mark each read.

import { Link } from "react-router";
import {
  type AppNotification,
  type InboxEntry,
  useInbox,
  useMarkNotificationRead,
  useMarkRead,
} from "../api/comments";
import { CommentBody } from "../components/comment-body";
import { PageHeader } from "../components/page-header";
import { Panel } from "../components/panel";
import { ErrorMessage, Loading } from "../components/query-state";
import { Tag } from "../components/tag";

export function InboxPage() {
  const inbox = useInbox();
  const markRead = useMarkRead();
  return (
    <div className="page" data-testid="inbox-page">
      <PageHeader
        title="Inbox"
        description="Comments that mention you with @your-username, wherever in the plan they were made, and what the application tells you (promises at risk)."
      />
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <ErrorMessage error={inbox.error} /> : null}
      {inbox.data && (inbox.data.notifications?.length ?? 0) > 0 ? (
        <Notifications notifications={inbox.data.notifications ?? []} />
      ) : null}
      {inbox.data ? (
        <Panel
          title={inbox.data.unread > 0 ? `${inbox.data.unread} unread` : "All read"}
          subtitle="Newest first, unread before read"
        >
          {inbox.data.comments.length === 0 ? (
            <p className="muted">Nobody has mentioned you yet.</p>
          ) : (
            <ul className="comment-list" data-testid="inbox-list">
              {inbox.data.comments.map((entry) => (
                <li key={entry.id} data-comment={entry.id} data-read={entry.readAt ? "yes" : "no"}>
                  <div className="inbox-place">
                    {entry.readAt ? null : <Tag tone="current">Unread</Tag>}
                    <span>
                      On <strong>{entry.nodeName}</strong>
                      {entry.nodeCode && entry.nodeKind !== "all" ? (
                        <span className="code"> {entry.nodeCode}</span>
                      ) : null}
                    </span>
                    <Link to="/demand/review">Open the demand review</Link>
                  </div>
                  <CommentBody comment={entry} />
                  {entry.readAt ? null : (
                    <MarkRead entry={entry} busy={markRead.isPending} onRead={(id) => markRead.mutate(id)} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
    </div>
  );
}

function Notifications({ notifications }: { notifications: readonly AppNotification[] }) {
  const markRead = useMarkNotificationRead();
  return (
    <Panel
      title="Notifications"
      subtitle="Promises the committed plan no longer meets, for you to tell the customer"
    >
      <ul className="comment-list" data-testid="notification-list">
        {notifications.map((n) => (
          <li key={n.id} data-notification={n.id} data-read={n.readAt ? "yes" : "no"}>
            <div className="inbox-place">
              {n.readAt ? null : <Tag tone="warning">Unread</Tag>}
              <span>Promise at risk</span>
              <Link to={n.link} data-testid="notification-link">
                Open promise {n.promiseId}
              </Link>
            </div>
            <p>{n.message}</p>
            {n.readAt ? null : (
              <button
                type="button"
                className="button button-small"
                data-testid="notification-mark-read"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate(n.id)}
              >
                Mark read
              </button>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function MarkRead({
  entry,
  busy,
  onRead,
}: {
  entry: InboxEntry;
  busy: boolean;
  onRead: (id: number) => void;
}) {
  return (
    <button
      type="button"
      className="button button-small"
      data-testid="inbox-mark-read"
      disabled={busy}
      onClick={() => onRead(entry.id)}
    >
      Mark read
    </button>
  );
}
