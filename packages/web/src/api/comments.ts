// Comments and the inbox (docs/api.md, "Comments and inbox"): a node's comments, posting one (its
// @mentions land in those users' inboxes), the signed-in user's inbox with its unread count, and
// marking an entry read; the inbox also carries the notifications the application left the user.
// Posting or reading reloads both the comment lists and the inbox.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DemandNodeRef } from "./demand";
import { request } from "./http";

export interface CommentPerson {
  readonly username: string;
  readonly displayName: string;
}

export interface PlanComment {
  readonly id: number;
  readonly versionId: number | null;
  readonly nodeKind: "all" | "group" | "item";
  readonly nodeCode: string | null;
  readonly nodeName: string;
  readonly period: string | null;
  readonly measure: string | null;
  readonly body: string;
  readonly author: CommentPerson;
  readonly createdAt: string;
  readonly parentId: number | null;
  readonly mentions: readonly CommentPerson[];
}

export interface InboxEntry extends PlanComment {
  readonly readAt: string | null;
}

/** A message the application left the user, e.g. a promise at risk, linking to what it is about. */
export interface AppNotification {
  readonly id: number;
  readonly kind: "promise_at_risk";
  readonly promiseId: number;
  readonly committedPlanId: number;
  readonly message: string;
  readonly link: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface Inbox {
  /** Unread mentions and notifications together. */
  readonly unread: number;
  readonly comments: readonly InboxEntry[];
  readonly notifications?: readonly AppNotification[];
}

export interface NewComment {
  readonly body: string;
  readonly period?: string;
  readonly measure?: string;
}

const placeOf = (node: DemandNodeRef) =>
  node.kind === "all" ? { nodeKind: "all" } : { nodeKind: node.kind, nodeCode: node.code ?? undefined };

export function useComments(versionId: number, node: DemandNodeRef) {
  return useQuery({
    queryKey: ["comments", versionId, node.kind, node.code],
    queryFn: async () =>
      (await request<{ comments: PlanComment[] }>("/comments", { query: { versionId, ...placeOf(node) } }))
        .comments,
  });
}

export function usePostComment(versionId: number, node: DemandNodeRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (comment: NewComment) =>
      request<PlanComment>("/comments", {
        method: "POST",
        body: JSON.stringify({ versionId, ...placeOf(node), ...comment }),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["comments"] });
      void client.invalidateQueries({ queryKey: ["inbox"] });
    },
  });
}

/** The signed-in user's inbox; polled so the top bar's badge notices new mentions. */
export function useInbox() {
  return useQuery({
    queryKey: ["inbox"],
    queryFn: () => request<Inbox>("/inbox"),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (commentId: number) => request<null>(`/inbox/${commentId}/read`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["inbox"] }),
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => request<null>(`/inbox/notifications/${id}/read`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["inbox"] }),
  });
}
