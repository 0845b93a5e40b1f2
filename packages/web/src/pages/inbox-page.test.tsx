import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Inbox, InboxEntry } from "../api/comments";
import { InboxBadge } from "../components/inbox-badge";
import { renderAt, stubApi } from "../testing/render";
import { InboxPage } from "./inbox-page";

const entry = (id: number, readAt: string | null, extra: Partial<InboxEntry> = {}): InboxEntry => ({
  id,
  versionId: 3,
  nodeKind: "item",
  nodeCode: "S1",
  nodeName: "Orange 1 l",
  period: "2027-01",
  measure: "demand.consensus",
  body: `@sam question ${id}`,
  author: { username: "dana", displayName: "Dana Demand" },
  createdAt: "2026-11-22T09:00:00Z",
  parentId: null,
  mentions: [{ username: "sam", displayName: "Sam Sales" }],
  readAt,
  ...extra,
});
const INBOX: Inbox = {
  unread: 1,
  comments: [
    entry(9, null),
    entry(4, "2026-11-21T08:00:00Z", { nodeKind: "all", nodeCode: null, nodeName: "All products" }),
  ],
};

describe("InboxPage", () => {
  it("lists the comments mentioning me, unread first, with where each was made", async () => {
    stubApi({ "GET /api/inbox": INBOX });
    renderAt(<InboxPage />);
    expect(await screen.findByText("1 unread")).toBeTruthy();
    const items = screen.getByTestId("inbox-list").querySelectorAll("li");
    expect([...items].map((li) => li.getAttribute("data-read"))).toEqual(["no", "yes"]);
    expect(items[0]!.textContent).toContain("Orange 1 l");
    expect(items[0]!.textContent).toContain("S1");
    expect(items[0]!.textContent).toContain("Jan 2027");
    expect(items[0]!.textContent).toContain("Consensus");
    expect(items[1]!.textContent).toContain("All products");
    expect(screen.getAllByTestId("inbox-mark-read")).toHaveLength(1);
  });

  it("marks an entry read", async () => {
    const fetchMock = stubApi({
      "GET /api/inbox": INBOX,
      "POST /api/inbox/9/read": { status: 204, body: null },
    });
    renderAt(<InboxPage />);
    fireEvent.click(await screen.findByTestId("inbox-mark-read"));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) => String(url) === "/api/inbox/9/read" && init?.method === "POST",
        ),
      ).toBe(true),
    );
  });

  it("lists my notifications beside the mentions, linking to the promise, and marks one read", async () => {
    const fetchMock = stubApi({
      "GET /api/inbox": {
        ...INBOX,
        unread: 2,
        notifications: [
          {
            id: 3,
            kind: "promise_at_risk",
            promiseId: 7,
            committedPlanId: 2,
            message:
              "Promise 7: 50 × SKU-0001 at DC-NORTH is at risk under the committed plan of 2026-12: 20 short.",
            link: "/monitor/promising?promise=7",
            createdAt: "2026-12-01T09:00:00Z",
            readAt: null,
          },
        ],
      },
      "POST /api/inbox/notifications/3/read": { status: 204, body: null },
    });
    renderAt(<InboxPage />);
    const item = (await screen.findByTestId("notification-list")).querySelector("li")!;
    expect(item.textContent).toContain("20 short");
    expect(screen.getByTestId("notification-link").getAttribute("href")).toBe("/monitor/promising?promise=7");
    expect(screen.getByText("2 unread")).toBeTruthy();
    fireEvent.click(screen.getByTestId("notification-mark-read"));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) => String(url) === "/api/inbox/notifications/3/read" && init?.method === "POST",
        ),
      ).toBe(true),
    );
  });

  it("says so when nobody has mentioned me", async () => {
    stubApi({ "GET /api/inbox": { unread: 0, comments: [] } });
    renderAt(<InboxPage />);
    expect(await screen.findByText("Nobody has mentioned you yet.")).toBeTruthy();
  });
});

describe("InboxBadge", () => {
  it("shows the unread count on the link to the inbox", async () => {
    stubApi({ "GET /api/inbox": INBOX });
    renderAt(<InboxBadge />);
    expect((await screen.findByTestId("inbox-unread")).textContent).toBe("1");
    expect(screen.getByTestId("inbox-link").getAttribute("href")).toBe("/inbox");
    expect(screen.getByLabelText("Inbox, 1 unread")).toBeTruthy();
  });

  it("shows no count when everything is read", async () => {
    const fetchMock = stubApi({ "GET /api/inbox": { unread: 0, comments: [] } });
    renderAt(<InboxBadge />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(screen.queryByTestId("inbox-unread")).toBeNull();
  });
});
