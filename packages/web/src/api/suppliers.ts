// Supplier collaboration's part of the API (docs/api.md, "Supplier collaboration"): the supplier
// portal's requirements and responses, and the supply planner's list of what suppliers changed,
// as typed calls and React Query hooks. A submission reloads both views.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./http";

export type ResponseStatus = "confirmed" | "counter";

export interface PartPeriod {
  readonly period: string;
  readonly requested: number;
  readonly orderPeriod: string | null;
  /** In force: the supplier's last response, else the imported capacity; null = unlimited. */
  readonly capacity: number | null;
  readonly leadTimeDays: number;
  readonly source: "imported" | ResponseStatus;
  readonly comment: string;
  readonly respondedAt: string | null;
}

export interface SupplierPart {
  readonly sku: string;
  readonly name: string;
  readonly importedCapacity: number | null;
  readonly importedLeadTimeDays: number;
  readonly periods: readonly PartPeriod[];
}

export interface SupplierRequirements {
  readonly supplier: { readonly code: string; readonly name: string };
  readonly run: { readonly id: number; readonly strategy: string; readonly finishedAt: string | null } | null;
  readonly periods: readonly string[];
  readonly parts: readonly SupplierPart[];
}

export interface SupplierResponseRow {
  readonly sku: string;
  readonly period: string;
  readonly capacity: number;
  readonly leadTimeDays: number;
  readonly status: ResponseStatus;
  readonly comment?: string;
}

export interface SupplierResponseChange {
  readonly id: string;
  readonly supplier: string;
  readonly supplierName: string;
  readonly sku: string;
  readonly period: string;
  readonly status: ResponseStatus;
  readonly requestedQuantity: number;
  readonly oldCapacity: number | null;
  readonly newCapacity: number;
  readonly oldLeadTimeDays: number;
  readonly newLeadTimeDays: number;
  readonly comment: string;
  readonly respondedBy: string;
  readonly respondedAt: string;
  readonly runId: number | null;
  readonly inForce: boolean;
  readonly usedByRunId: number | null;
}

const keys = {
  requirements: ["supplier", "requirements"] as const,
  changes: ["supply", "supplier-responses"] as const,
};

export function useSupplierRequirements() {
  return useQuery({
    queryKey: keys.requirements,
    queryFn: () => request<SupplierRequirements>("/supplier/requirements"),
  });
}

export function useSubmitSupplierResponses() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (responses: readonly SupplierResponseRow[]) =>
      request<{ saved: number }>("/supplier/responses", {
        method: "POST",
        body: JSON.stringify({ responses }),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.requirements }),
  });
}

/** The planner's list: every response, newest first. */
export function useSupplierResponseChanges() {
  return useQuery({
    queryKey: keys.changes,
    queryFn: async () =>
      (await request<{ responses: SupplierResponseChange[] }>("/supply/supplier-responses")).responses,
    staleTime: 30_000,
  });
}
