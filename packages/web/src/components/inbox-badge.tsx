// The top bar's way into the inbox: a link with the number of comments mentioning the user that
// they have not read, so a question asked of them does not wait for them to go looking.

import { Link } from "react-router";
import { useInbox } from "../api/comments";

export function InboxBadge() {
  const inbox = useInbox();
  const unread = inbox.data?.unread ?? 0;
  return (
    <Link
      to="/inbox"
      className="button button-quiet inbox-link"
      data-testid="inbox-link"
      aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}
    >
      Inbox
      {unread > 0 ? (
        <span className="inbox-badge" data-testid="inbox-unread">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
