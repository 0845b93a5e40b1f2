// Order promising over the API: the ATP of a SKU-location against the committed plan, quoting or
// accepting a customer's request (with capable-to-promise), the promises made and cancelling one, and
// the promises the committed plan no longer meets.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./http";

export interface AtpView {
  readonly sku: string;
  readonly location: string;
  readonly committedPlanId: number;
  readonly cyclePeriod: string;
  readonly periods: readonly string[];
  readonly onHand: number;
  readonly receipts: readonly number[];
  readonly committed: readonly number[];
  readonly discrete: readonly number[];
  readonly cumulative: readonly number[];
  readonly uncovered: number;
  readonly promised: readonly number[];
  readonly available: readonly { readonly segment: string; readonly cumulative: readonly number[] }[];
  readonly atRisk: readonly {
    readonly id: number;
    readonly uncovered: number;
    readonly achievablePeriod: string | null;
  }[];
}

export interface PromiseRequest {
  readonly sku: string;
  readonly location: string;
  readonly quantity: number;
  readonly period: string;
  readonly segment: string;
  readonly capableToPromise?: boolean;
}

export interface PromiseLine {
  readonly period: string;
  readonly quantity: number;
}

export type PromiseKind = "full" | "partial" | "later" | "none";

export interface SourcedLine extends PromiseLine {
  /** atp: from available-to-promise; ctp: to be made. */
  readonly source: string;
}

/** What could be made besides ATP (capable-to-promise). */
export interface CtpQuote {
  readonly kind: PromiseKind;
  readonly lines: readonly SourcedLine[];
  readonly promised: number;
  readonly unpromised: number;
  readonly made: number;
  readonly madeBy: string | null;
  readonly limitedBy: "capacity" | "material" | "routing" | null;
}

export interface PromiseQuote {
  readonly kind: PromiseKind;
  readonly lines: readonly PromiseLine[];
  readonly promised: number;
  readonly unpromised: number;
  readonly ctp?: CtpQuote | null;
}

export interface PromiseRecord {
  readonly id: number;
  readonly kind: string;
  readonly lines: readonly SourcedLine[];
  readonly sku?: string;
  readonly location?: string;
  readonly segment?: string;
  readonly customer?: string | null;
  readonly quantity?: number;
  readonly requestedPeriod?: string;
  readonly status?: string;
  readonly createdBy?: string;
  readonly createdAt?: string;
  readonly cancellation?: { readonly by: string; readonly at: string; readonly reason: string } | null;
}

export interface PromiseAtRisk {
  readonly id: number;
  readonly sku: string;
  readonly location: string;
  readonly customer: string | null;
  readonly quantity: number;
  readonly uncovered: number;
  readonly achievablePeriod: string | null;
  readonly notify: string;
}

export interface PromisesAtRisk {
  readonly committedPlanId: number;
  readonly cyclePeriod: string;
  readonly atRisk: readonly PromiseAtRisk[];
  readonly notified?: number;
}

export function useAtp(sku: string, location: string) {
  return useQuery({
    queryKey: ["promising", "atp", sku, location],
    queryFn: () => request<AtpView>("/promising/atp", { query: { sku, location } }),
    enabled: sku !== "" && location !== "",
  });
}

export function usePromise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ accept, ...body }: PromiseRequest & { accept: boolean }) =>
      request<PromiseQuote | PromiseRecord>("/promising/promises", {
        method: "POST",
        body: JSON.stringify({ ...body, accept }),
      }),
    onSuccess: (_, input) => {
      if (input.accept) void client.invalidateQueries({ queryKey: ["promising"] });
    },
  });
}

/** Promises of a SKU-location, or one promise by its number. */
export function usePromises(filter: { sku?: string; location?: string; id?: number }, enabled = true) {
  return useQuery({
    queryKey: ["promising", "promises", filter],
    queryFn: () =>
      request<{ promises: PromiseRecord[] }>("/promising/promises", {
        query: { sku: filter.sku, location: filter.location, id: filter.id },
      }),
    enabled,
  });
}

export function useCancelPromise() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      request<PromiseRecord>(`/promising/promises/${id}/cancel`, {
        method: "POST",
        body: JSON.stringify({ reason }),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["promising"] }),
  });
}

export function usePromisesAtRisk() {
  return useQuery({
    queryKey: ["promising", "at-risk"],
    queryFn: () => request<PromisesAtRisk>("/promising/at-risk"),
  });
}

/** Checks the promises against the committed plan and notifies their sales users (once each). */
export function useCheckAtRisk() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<PromisesAtRisk>("/promising/at-risk/check", { method: "POST" }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["promising"] });
      void client.invalidateQueries({ queryKey: ["inbox"] });
    },
  });
}
