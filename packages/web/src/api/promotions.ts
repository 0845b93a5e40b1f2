// The promotions calendar of a demand version (docs/api.md, "Promotions and transitions"): each
// promotion with its computed effect and each transition's ramp, and re-applying them to the
// marketing and product layers. Applying reloads the version's grids and edit list.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./http";

export interface PromotionEntry {
  readonly code: string;
  readonly name: string;
  readonly sku: string | null;
  readonly group: string | null;
  readonly segment: string | null;
  readonly start: string;
  readonly end: string;
  readonly upliftPct: number;
  readonly upliftUnits: number | null;
  readonly discountPct: number;
  readonly cannibalisationPct: number | null;
  readonly postDipPct: number | null;
  readonly months: readonly { readonly period: string; readonly share: number }[];
  readonly dipPeriod: string | null;
  readonly effect: {
    readonly baseline: number;
    readonly uplift: number;
    readonly cannibalised: number;
    readonly dip: number;
    /** Minor units. */
    readonly revenue: number;
    readonly incrementalRevenue: number;
  };
}

export interface TransitionEntry {
  readonly kind: "launch" | "phase_out" | "supersession";
  readonly sku: string;
  readonly predecessor: string | null;
  readonly months: readonly { readonly period: string; readonly factor: number }[];
  readonly before: number;
  readonly after: number;
}

export interface PromotionCalendar {
  readonly versionId: number;
  readonly periods: readonly string[];
  readonly promotions: readonly PromotionEntry[];
  readonly transitions: readonly TransitionEntry[];
}

export interface ApplyOutcome {
  readonly edits: readonly { editId: number; measure: string; reason: string; changed: number }[];
  readonly revision: number;
}

export function usePromotionCalendar(versionId: number) {
  return useQuery({
    queryKey: ["demand", versionId, "promotions"],
    queryFn: () => request<PromotionCalendar>(`/plans/versions/${versionId}/promotions`),
  });
}

export function useApplyPromotions(versionId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      request<ApplyOutcome>(`/plans/versions/${versionId}/promotions/apply`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["demand", versionId] }),
  });
}
