import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PlanComment } from "../api/comments";
import { renderAt, stubApi } from "../testing/render";
import { CommentsPanel } from "./comments-panel";

const COMMENT: PlanComment = {
  id: 7,
  versionId: 3,
  nodeKind: "group",
  nodeCode: "FAM-A",
  nodeName: "Juices",
  period: "2026-12",
  measure: "demand.sales",
  body: "@sam is the December tender in? ask @nobody-known",
  author: { username: "dana", displayName: "Dana Demand" },
  createdAt: "2026-11-22T09:00:00Z",
  parentId: null,
  mentions: [{ username: "sam", displayName: "Sam Sales" }],
};
const LIST = "GET /api/comments?versionId=3&nodeKind=group&nodeCode=FAM-A";
const node = { kind: "group", code: "FAM-A" } as const;
const periods = ["2026-11", "2026-12"];

describe("CommentsPanel", () => {
  it("lists the node's comments with author, month, layer and the mentions picked out", async () => {
    stubApi({ [LIST]: { comments: [COMMENT] } });
    renderAt(<CommentsPanel versionId={3} node={node} nodeName="Juices" periods={periods} />);
    const item = await screen.findByText("Dana Demand");
    const comment = item.closest("li")!;
    expect(within(comment).getByText("Dec 2026")).toBeTruthy();
    expect(within(comment).getByText("Sales")).toBeTruthy();
    // Only a user the server matched is marked as a mention.
    expect([...comment.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["@sam"]);
    expect(screen.getByText("Comments on Juices")).toBeTruthy();
    expect(screen.getByText(/Type @username to mention someone/)).toBeTruthy();
  });

  it("posts a comment on a month and layer, and says who will find it in their inbox", async () => {
    const fetchMock = stubApi({ [LIST]: { comments: [] }, "POST /api/comments": COMMENT });
    renderAt(<CommentsPanel versionId={3} node={node} nodeName="Juices" periods={periods} />);
    await screen.findByText("No comments on Juices yet.");
    fireEvent.change(screen.getByTestId("comment-body"), { target: { value: "@sam is it in?" } });
    fireEvent.change(screen.getByTestId("comment-period"), { target: { value: "2026-12" } });
    fireEvent.change(screen.getByTestId("comment-measure"), { target: { value: "demand.sales" } });
    fireEvent.click(screen.getByTestId("comment-post"));
    expect((await screen.findByRole("status")).textContent).toContain(
      "Sam Sales will find it in their inbox",
    );
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post![1]!.body))).toEqual({
      versionId: 3,
      nodeKind: "group",
      nodeCode: "FAM-A",
      body: "@sam is it in?",
      period: "2026-12",
      measure: "demand.sales",
    });
    await waitFor(() => expect(screen.getByTestId("comment-body")).toHaveProperty("value", ""));
  });

  it("shows the server's refusal of an unknown mention and keeps the text", async () => {
    stubApi({
      [LIST]: { comments: [] },
      "POST /api/comments": {
        status: 400,
        body: {
          error: { code: "bad_request", message: "no company user @nobody; the comment was not posted" },
        },
      },
    });
    renderAt(<CommentsPanel versionId={3} node={node} nodeName="Juices" periods={periods} />);
    await screen.findByText("No comments on Juices yet.");
    fireEvent.change(screen.getByTestId("comment-body"), { target: { value: "@nobody look" } });
    fireEvent.click(screen.getByTestId("comment-post"));
    expect((await screen.findByTestId("comment-error")).textContent).toContain("no company user @nobody");
    expect(screen.getByTestId("comment-body")).toHaveProperty("value", "@nobody look");
  });
});
