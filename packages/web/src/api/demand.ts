// The demand review's part of the API (docs/api.md, "Demand review"): the hierarchy grid of a
// demand version, edits, locks, the consensus proposal, undo and approval, as typed calls and
// React Query hooks. Every change reloads the version's grids and edit list.

import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CellEdit } from "../format/edit-input";
import { request } from "./http";

export const DEMAND_LAYERS = [
  "demand.statistical",
  "demand.sales",
  "demand.marketing",
  "demand.product",
  "demand.consensus",
] as const;
export type DemandLayer = (typeof DEMAND_LAYERS)[number];

export interface PlanVersionSummary {
  readonly id: number;
  readonly scenario: string;
  readonly kind: string;
  readonly number: number;
  readonly label: string;
  readonly status: "draft" | "approved" | "committed";
  readonly cyclePeriod: string | null;
  /** A scenario's copy-on-write version (only what differs from this one): not a plan to review. */
  readonly overlayOf: number | null;
}

export type TimeGrain = "month" | "quarter" | "year";

export interface Bucket {
  readonly bucket: string;
  readonly from: string;
  readonly to: string;
}

/** A row's node: the whole company has no code. */
export interface DemandNodeRef {
  readonly kind: "all" | "group" | "item";
  readonly code: string | null;
}

export interface DemandGridRow extends DemandNodeRef {
  readonly name: string;
  readonly level: string;
  readonly children: number;
  readonly layers: Record<DemandLayer, readonly (number | null)[]>;
  readonly locked: Partial<Record<DemandLayer, readonly boolean[]>>;
}

export interface DemandGrid {
  readonly versionId: number;
  readonly status: string;
  readonly revision: number;
  readonly grain: TimeGrain;
  readonly periods: readonly string[];
  /** The columns: a month, quarter or year and the months it spans. */
  readonly buckets: readonly Bucket[];
  readonly rows: readonly DemandGridRow[];
}

export interface DemandEditSummary {
  readonly id: number;
  readonly measure: string;
  readonly nodeKind: string;
  readonly nodeCode: string | null;
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly reason: string;
  readonly comment: string;
  readonly undoes: number | null;
  readonly undoneBy: number | null;
  readonly user: string;
  readonly at: string;
}

export interface EditOutcome {
  readonly editId: number;
  readonly revision: number;
  readonly changed: number;
  readonly before: number;
  readonly after: number;
}

/** Someone else's change that made an edit stale (the 409 body's `changes`). */
export interface ConflictingChange {
  readonly user: string;
  readonly at: string;
  readonly sku: string;
  readonly period: string;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly reason: string;
}

export interface CellEditRequest {
  readonly versionId: number;
  readonly measure: DemandLayer;
  readonly node: DemandNodeRef;
  readonly bucket: Bucket;
  readonly edit: CellEdit;
  readonly basis: string;
  readonly reason: string;
  readonly comment: string;
  readonly expectedRevision: number;
}

/** A block pasted into the grid: one total per cell, sent together and applied all or nothing. */
export interface PasteRequest {
  readonly measure: DemandLayer;
  readonly cells: readonly {
    readonly node: DemandNodeRef;
    readonly bucket: Bucket;
    readonly value: number;
    readonly label: string;
  }[];
  readonly basis: string;
  readonly reason: string;
  readonly comment: string;
  readonly expectedRevision: number;
}

export interface PasteOutcome {
  readonly edits: readonly EditOutcome[];
  readonly revision: number;
  readonly changed: number;
}

const demandKey = (versionId: number) => ["demand", versionId] as const;
const nodeFields = (node: DemandNodeRef) =>
  node.kind === "all" ? {} : { node: node.code, nodeKind: node.kind === "item" ? "item" : "group" };
const post = <T>(path: string, body?: unknown, method = "POST") =>
  request<T>(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });

export function usePlanVersions() {
  return useQuery({
    queryKey: ["plan-versions"],
    queryFn: async () => (await request<{ versions: PlanVersionSummary[] }>("/plans/versions")).versions,
  });
}

/** The query of one node's grid: the node's row first, then its children. */
function demandGridQuery(
  versionId: number | null,
  node: DemandNodeRef,
  from: string | null,
  grain: TimeGrain,
  to: string | null,
) {
  return {
    queryKey: [...demandKey(versionId ?? 0), "grid", node.kind, node.code, from, to, grain],
    queryFn: () =>
      request<DemandGrid>(`/plans/versions/${versionId}/demand`, {
        query: { ...nodeFields(node), from, to, grain },
      }),
    enabled: versionId !== null && from !== null,
  };
}

export function useDemandGrid(
  versionId: number | null,
  node: DemandNodeRef,
  from: string | null,
  grain: TimeGrain,
  /** The last month shown; null leaves the server's default of 12 months from `from`. */
  to: string | null = null,
) {
  return useQuery({
    ...demandGridQuery(versionId, node, from, grain, to),
    placeholderData: keepPreviousData,
  });
}

/** What the review knows of an open node's children: still loading, failed, or its rows. */
export type DemandChildren =
  | { readonly status: "pending" }
  | { readonly status: "error"; readonly error: Error }
  | { readonly status: "ok"; readonly rows: readonly DemandGridRow[] };

const sameNode = (a: DemandNodeRef, b: DemandNodeRef) => a.kind === b.kind && a.code === b.code;

/**
 * The children of every open node, read level by level as the nodes open (one request per node,
 * never one per cell), by the node's key. While the months change, a node keeps showing its
 * previous children; a node just opened shows none of another node's.
 */
export function useDemandChildren(
  versionId: number | null,
  nodes: readonly (DemandNodeRef & { readonly key: string })[],
  from: string | null,
  grain: TimeGrain,
  to: string | null,
): ReadonlyMap<string, DemandChildren> {
  return useQueries({
    queries: nodes.map((node) => ({
      ...demandGridQuery(versionId, node, from, grain, to),
      placeholderData: (previous: DemandGrid | undefined) =>
        previous?.rows[0] && sameNode(previous.rows[0], node) ? previous : undefined,
    })),
    combine: (results) =>
      new Map(
        results.map((result, i): [string, DemandChildren] => [
          nodes[i]!.key,
          result.data
            ? { status: "ok", rows: result.data.rows.slice(1) }
            : result.isError
              ? { status: "error", error: result.error }
              : { status: "pending" },
        ]),
      ),
  });
}

export function useDemandEdits(versionId: number | null) {
  return useQuery({
    queryKey: [...demandKey(versionId ?? 0), "edits"],
    queryFn: async () =>
      (await request<{ edits: DemandEditSummary[] }>(`/plans/versions/${versionId}/edits`)).edits,
    enabled: versionId !== null,
  });
}

/** The mutations of the demand review, each reloading the version's grids when it settles. */
export function useDemandActions(versionId: number | null) {
  const client = useQueryClient();
  const onSettled = () => {
    void client.invalidateQueries({ queryKey: demandKey(versionId ?? 0) });
    void client.invalidateQueries({ queryKey: ["plan-versions"] });
  };
  return {
    edit: useMutation({
      mutationFn: (r: CellEditRequest) =>
        post<EditOutcome>(`/plans/versions/${r.versionId}/edits`, {
          measure: r.measure,
          ...nodeFields(r.node),
          from: r.bucket.from,
          to: r.bucket.to,
          edit: r.edit,
          basis: r.basis,
          reason: r.reason,
          comment: r.comment,
          expectedRevision: r.expectedRevision,
        }),
      onSettled,
    }),
    paste: useMutation({
      mutationFn: (r: PasteRequest) =>
        post<PasteOutcome>(`/plans/versions/${versionId}/edits/batch`, {
          measure: r.measure,
          cells: r.cells.map((cell) => ({
            ...nodeFields(cell.node),
            from: cell.bucket.from,
            to: cell.bucket.to,
            edit: { kind: "total", value: cell.value },
            label: cell.label,
          })),
          basis: r.basis,
          reason: r.reason,
          comment: r.comment,
          expectedRevision: r.expectedRevision,
        }),
      onSettled,
    }),
    lock: useMutation({
      mutationFn: (r: { measure: DemandLayer; node: DemandNodeRef; bucket: Bucket; locked: boolean }) =>
        post<{ cells: number }>(
          `/plans/versions/${versionId}/locks`,
          {
            measure: r.measure,
            ...nodeFields(r.node),
            from: r.bucket.from,
            to: r.bucket.to,
            locked: r.locked,
          },
          "PUT",
        ),
      onSettled,
    }),
    propose: useMutation({
      mutationFn: (r: { from: string; to: string; reason: string; expectedRevision: number }) =>
        post<EditOutcome>(`/plans/versions/${versionId}/consensus`, r),
      onSettled,
    }),
    undo: useMutation({
      mutationFn: (editId: number) => post<EditOutcome>(`/plans/edits/${editId}/undo`),
      onSettled,
    }),
    approve: useMutation({
      mutationFn: () => post<null>(`/plans/versions/${versionId}/approve`),
      onSettled,
    }),
  };
}
