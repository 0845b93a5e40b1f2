// The supply planner's inputs to the next run over the API: what is in force (firm commitments,
// the frozen horizon, capacity edits), the log of changes, and the mutations that change them.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./http";

export type SupplyInputKind = "firm_production" | "regular_hours" | "overtime_hours" | "frozen_periods";

export interface FirmCommitment {
  readonly sku: string;
  readonly plant: string;
  readonly period: string;
  readonly quantity: number;
}

export interface CapacityEdit {
  readonly resource: string;
  readonly period: string;
  readonly regularHours: number | null;
  readonly overtimeHours: number | null;
}

export interface SupplyInputChange {
  readonly id: number;
  readonly kind: SupplyInputKind;
  readonly subject: string;
  readonly period: string;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly reason: string;
  readonly comment: string;
  readonly reverts: number | null;
  readonly changedBy: string;
  readonly changedAt: string;
}

export interface SupplyInputs {
  readonly inForce: {
    readonly frozenPeriods: number;
    readonly firmProduction: readonly FirmCommitment[];
    readonly capacity: readonly CapacityEdit[];
  };
  readonly changes: readonly SupplyInputChange[];
}

export type SupplyInputEdit =
  | { kind: "firm_production"; sku: string; plant: string; period: string; quantity: number | null }
  | { kind: "regular_hours" | "overtime_hours"; resource: string; period: string; hours: number | null }
  | { kind: "frozen_periods"; periods: number };

const inputsKey = ["supply", "inputs"] as const;
const post = <T>(path: string, body: unknown) =>
  request<T>(path, { method: "POST", body: JSON.stringify(body) });

export function useSupplyInputs() {
  return useQuery({ queryKey: inputsKey, queryFn: () => request<SupplyInputs>("/supply/inputs") });
}

/** Edits, firming a run and reverts; each reloads the inputs when it settles. */
export function useSupplyInputActions() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: inputsKey });
  return {
    edit: useMutation({
      mutationFn: (r: { edits: readonly SupplyInputEdit[]; reason: string; comment?: string }) =>
        post<{ changed: number }>("/supply/inputs", r),
      onSettled,
    }),
    firm: useMutation({
      mutationFn: (r: { runId: number; periods: number; reason: string }) =>
        post<{ changed: number }>("/supply/inputs/firm", r),
      onSettled,
    }),
    revert: useMutation({
      mutationFn: (id: number) => post<null>(`/supply/inputs/changes/${id}/revert`, {}),
      onSettled,
    }),
  };
}
