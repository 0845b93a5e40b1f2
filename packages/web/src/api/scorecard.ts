// The KPI scorecard over the API: the scorecard of a window of closed months with its filters, one
// KPI's drill-down, the targets (read and set) and the monthly performance report.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiUrl, request } from "./http";

export type KpiUnit = "share" | "units" | "money" | "days" | "ratio";
export type KpiArea = "demand" | "supply" | "alignment" | "executive";
export type KpiStatus = "on-target" | "near" | "off-target";

export interface KpiPoint {
  readonly period: string;
  readonly value: number | null;
  readonly reason: string | null;
}

export interface ScorecardKpi {
  readonly code: string;
  readonly name: string;
  readonly area: KpiArea;
  readonly unit: KpiUnit;
  readonly direction: "higher" | "lower";
  readonly definition: string;
  readonly value: number | null;
  readonly reason: string | null;
  readonly target: number;
  readonly targetSource: string;
  readonly status: KpiStatus | null;
  readonly trend: readonly KpiPoint[];
  readonly filtered: boolean;
  readonly details: readonly { label: string; value: number | null; unit: KpiUnit }[];
}

export interface Scorecard {
  readonly from: string;
  readonly to: string;
  readonly scope: string;
  readonly months: readonly {
    period: string;
    committedPlanId: number | null;
    cyclePeriod: string | null;
    reason: string | null;
  }[];
  readonly kpis: readonly ScorecardKpi[];
  /** Accuracy per plan layer (review step) at lags 1 and 3, as fractions. */
  readonly accuracy: readonly {
    lag: number;
    steps: readonly {
      step: string;
      wape: number | null;
      mape: number | null;
      mase: number | null;
      bias: number | null;
      valueAdded: number | null;
    }[];
  }[];
}

export interface ScorecardFilter {
  readonly from?: string;
  readonly to?: string;
  readonly node?: string;
  readonly segment?: string;
  readonly location?: string;
}

export interface DrillRow {
  readonly subject: string;
  readonly kind: string;
  readonly value: number | null;
  readonly contribution: number;
  readonly link: string;
}

export interface ScorecardDrill {
  readonly kpi: string;
  readonly name: string;
  readonly basis: string;
  readonly contributionUnit: KpiUnit;
  readonly rows: readonly DrillRow[];
}

export interface ReportException {
  readonly kind: string;
  readonly title: string;
  readonly subject: string;
  readonly valueAtStake: number;
  readonly link: string;
  readonly acknowledgedBy: string | null;
  readonly action: string | null;
}

export interface PerformanceReport {
  readonly month: string;
  readonly from: string;
  readonly committedPlan: { cyclePeriod: string | null; reason: string | null };
  readonly kpis: readonly (Pick<
    ScorecardKpi,
    "code" | "name" | "area" | "unit" | "direction" | "definition" | "target" | "status" | "trend"
  > & {
    readonly monthValue: number | null;
    readonly monthReason: string | null;
    readonly windowValue: number | null;
    readonly windowReason: string | null;
  })[];
  readonly exceptions: readonly ReportException[];
  readonly exceptionCount: number;
}

/** Drops empty filter fields so that the query string carries only what is set. */
const query = (filter: ScorecardFilter) =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;

export function useScorecard(filter: ScorecardFilter) {
  return useQuery({
    queryKey: ["scorecard", query(filter)],
    queryFn: () => request<Scorecard>("/monitoring/scorecard", { query: query(filter) }),
  });
}

export function useScorecardDrill(kpi: string | null, filter: ScorecardFilter) {
  return useQuery({
    queryKey: ["scorecard", "drill", kpi, query(filter)],
    queryFn: () => request<ScorecardDrill>(`/monitoring/scorecard/${kpi}/drill`, { query: query(filter) }),
    enabled: kpi !== null,
  });
}

export function useSetKpiTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { kpi: string; scope: string; target: number; note: string }) =>
      request("/monitoring/targets", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["scorecard"] }),
  });
}

export function usePerformanceReport(month: string | null) {
  return useQuery({
    queryKey: ["scorecard", "report", month],
    queryFn: () => request<PerformanceReport>("/monitoring/report", { query: { month: month! } }),
    enabled: month !== null,
  });
}

export function reportXlsxUrl(month: string): string {
  return apiUrl("/monitoring/report.xlsx", { month });
}
