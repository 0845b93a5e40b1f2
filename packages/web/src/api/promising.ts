// Order promising over the API: the ATP of a SKU-location against the committed plan, and quoting
// or accepting a customer's request.

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
  readonly atRisk: readonly { readonly id: number; readonly uncovered: number }[];
}

export interface PromiseRequest {
  readonly sku: string;
  readonly location: string;
  readonly quantity: number;
  readonly period: string;
  readonly segment: string;
}

export interface PromiseLine {
  readonly period: string;
  readonly quantity: number;
}

export interface PromiseQuote {
  readonly kind: "full" | "partial" | "later" | "none";
  readonly lines: readonly PromiseLine[];
  readonly promised: number;
  readonly unpromised: number;
}

export interface PromiseRecord {
  readonly id: number;
  readonly kind: string;
  readonly lines: readonly PromiseLine[];
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
