// The exceptions that open the next cycle over the API: the list ranked by value at stake, one
// exception's acknowledgement history, and acknowledging one with what was done.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./http";

export type MonitoringExceptionKind =
  | "forecast-bias"
  | "plan-attainment"
  | "inventory-above-max"
  | "inventory-below-safety-stock"
  | "otif-below-target"
  | "decision-overdue";

export type AcknowledgementStatus = "acknowledged" | "resolved" | "dismissed";

export interface MonitoringException {
  readonly key: string;
  readonly kind: MonitoringExceptionKind;
  readonly title: string;
  readonly subject: {
    readonly type: "sku" | "position" | "segment" | "decision";
    readonly code: string;
    readonly name: string;
  };
  readonly periods: readonly string[];
  /** Minor units. */
  readonly valueAtStake: number;
  readonly measured: number | null;
  readonly limit: number;
  readonly units: number;
  readonly trackingSignal: number | null;
  /** The web route with the data behind it. */
  readonly link: string;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly action: string | null;
  readonly status: "open" | AcknowledgementStatus;
}

export interface MonitoringExceptionList {
  readonly cycle: string;
  readonly from: string;
  readonly to: string;
  readonly biasPeriods: number;
  readonly exceptions: readonly MonitoringException[];
}

export interface ExceptionAcknowledgement {
  readonly id: number;
  readonly status: AcknowledgementStatus;
  readonly action: string;
  readonly by: { readonly username: string; readonly displayName: string };
  readonly at: string;
  readonly cyclePeriod: string;
}

export interface ExceptionWindow {
  readonly months?: number;
  readonly biasPeriods?: number;
}

const exceptionsKey = ["monitoring", "exceptions"] as const;

function query(window: ExceptionWindow): string {
  const params = new URLSearchParams();
  if (window.months !== undefined) params.set("months", String(window.months));
  if (window.biasPeriods !== undefined) params.set("biasPeriods", String(window.biasPeriods));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function useMonitoringExceptions(window: ExceptionWindow = {}) {
  return useQuery({
    queryKey: [...exceptionsKey, window.months ?? null, window.biasPeriods ?? null],
    queryFn: () => request<MonitoringExceptionList>(`/monitoring/exceptions${query(window)}`),
    staleTime: 60_000,
  });
}

export function useExceptionHistory(key: string, window: ExceptionWindow = {}) {
  return useQuery({
    queryKey: [...exceptionsKey, "history", key],
    queryFn: () =>
      request<{ exception: MonitoringException; acknowledgements: ExceptionAcknowledgement[] }>(
        `/monitoring/exceptions/${encodeURIComponent(key)}${query(window)}`,
      ),
  });
}

export function useAcknowledgeException() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      key,
      ...body
    }: { key: string; action: string; status?: AcknowledgementStatus } & ExceptionWindow) =>
      request<{ exception: MonitoringException; acknowledgements: ExceptionAcknowledgement[] }>(
        `/monitoring/exceptions/${encodeURIComponent(key)}/acknowledgements`,
        { method: "POST", body: JSON.stringify(body) },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: exceptionsKey }),
  });
}
