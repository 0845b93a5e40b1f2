// The demand analysis of a product-hierarchy node (docs/api.md, "Demand analysis"): profile,
// trend, mix and the drivers of a change, as types and a React Query hook.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { request } from "./http";
import type { HierarchySelection } from "./types";

export type DriverLevel = "sku" | "customer";
export type DriverComparison = "year-over-year" | "plan-vs-last-year";

export interface MixShare {
  readonly key: string;
  readonly name: string;
  readonly quantity: number;
  /** Hundredths of a percent; a table's shares add up to 10,000. */
  readonly basisPoints: number;
}

export interface ChangeDriver {
  readonly key: string;
  readonly before: number;
  readonly after: number;
  readonly change: number;
  readonly shareOfChange: number | null;
}

export interface DemandAnalysis {
  readonly node: {
    readonly kind: "all" | "group" | "item";
    readonly code: string | null;
    readonly name: string;
  };
  readonly segment: string | null;
  readonly asOf: string;
  readonly history: { readonly periods: readonly string[]; readonly values: readonly number[] };
  readonly profile: { readonly indices: readonly number[]; readonly years: number; readonly enough: boolean };
  readonly trend: {
    readonly last12: number | null;
    readonly prior12: number | null;
    readonly growthPercent: number | null;
    readonly slopePerMonth: number | null;
    readonly slopePercentPerYear: number | null;
    readonly months: number;
  };
  readonly mix: {
    readonly segment: readonly MixShare[];
    readonly channel: readonly MixShare[];
    readonly region: readonly MixShare[];
  };
  readonly drivers: {
    readonly compare: DriverComparison;
    readonly by: DriverLevel;
    readonly beforeRange: { readonly from: string; readonly to: string };
    readonly afterRange: { readonly from: string; readonly to: string };
    readonly before: number;
    readonly after: number;
    readonly change: number;
    readonly drivers: readonly ChangeDriver[];
    readonly others: number;
    readonly names: Readonly<Record<string, string>>;
  };
}

export interface DemandAnalysisQuery {
  readonly selection: HierarchySelection;
  readonly segment: string | null;
  readonly by: DriverLevel;
  readonly compare: DriverComparison;
  readonly versionId: number | null;
}

export function useDemandAnalysis(q: DemandAnalysisQuery) {
  const planned = q.compare === "plan-vs-last-year";
  return useQuery({
    queryKey: [
      "demand",
      "analysis",
      q.selection?.kind,
      q.selection?.code,
      q.segment,
      q.by,
      q.compare,
      q.versionId,
    ],
    queryFn: () =>
      request<DemandAnalysis>("/demand/analysis", {
        query: {
          node: q.selection?.code ?? null,
          nodeKind: q.selection?.kind ?? null,
          segment: q.segment,
          by: q.by,
          compare: q.compare,
          versionId: planned ? q.versionId : null,
        },
      }),
    enabled: !planned || q.versionId !== null,
    placeholderData: keepPreviousData,
  });
}
