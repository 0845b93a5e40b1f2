// The S&OP cycle and its decision log over the API (docs/api.md, "Stage approvals" and "Decision
// log"): the current cycle with each stage's owners and approval, approving the current stage, and
// the decisions with their history. An approval reloads the cycle and the workspace overview (its
// stage track); a decision edit reloads the log and that decision's history.

import type { Role } from "@fulcrum/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./http";
import { queryKeys } from "./queries";
import type { CycleStageKey, StageStatus } from "./types";

export interface Person {
  readonly username: string;
  readonly displayName: string;
}

export interface StageApproval {
  readonly stage: CycleStageKey;
  readonly by: Person;
  readonly role: Role | null;
  readonly at: string;
  readonly comment: string | null;
}

export interface CycleStageView {
  readonly stage: CycleStageKey;
  readonly label: string;
  readonly owner: Role;
  readonly approvers: readonly Role[];
  readonly closedByCommit: boolean;
  readonly status: StageStatus;
  readonly approval: StageApproval | null;
}

export interface Cycle {
  readonly period: string;
  readonly stage: CycleStageKey;
  readonly stages: readonly CycleStageView[];
  readonly log: readonly StageApproval[];
}

export type DecisionStatus = "open" | "done" | "dropped";

export interface Decision {
  readonly id: number;
  readonly period: string;
  readonly title: string;
  readonly rationale: string;
  readonly owner: Person;
  readonly dueDate: string | null;
  readonly status: DecisionStatus;
  readonly overdue: boolean;
  readonly scenario: { readonly id: number; readonly name: string } | null;
  readonly createdBy: Person;
  readonly createdAt: string;
}

export interface DecisionLog {
  readonly period: string;
  readonly asOf: string;
  readonly decisions: readonly Decision[];
}

export interface DecisionChange {
  readonly id: number;
  readonly field: "title" | "rationale" | "owner" | "due_date" | "status" | "scenario";
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly changedBy: Person;
  readonly changedAt: string;
}

export interface DecisionEdit {
  readonly title?: string;
  readonly rationale?: string;
  readonly owner?: string;
  readonly dueDate?: string | null;
  readonly status?: DecisionStatus;
  readonly scenarioId?: number | null;
}

export interface NewDecision extends DecisionEdit {
  readonly title: string;
  readonly owner: string;
}

const cycleKey = ["cycle"] as const;
const decisionsKey = ["decisions"] as const;

export function useCycle() {
  return useQuery({ queryKey: cycleKey, queryFn: () => request<Cycle>("/cycle"), staleTime: 30_000 });
}

export function useApproveStage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (approval: { stage: CycleStageKey; comment?: string }) =>
      request<Cycle>("/cycle/approve", { method: "POST", body: JSON.stringify(approval) }),
    // The answer is the cycle after the approval; a refusal (someone approved first) reloads it.
    onSuccess: (cycle) => client.setQueryData(cycleKey, cycle),
    onError: () => client.invalidateQueries({ queryKey: cycleKey }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.workspace }),
  });
}

export function useDecisions() {
  return useQuery({ queryKey: decisionsKey, queryFn: () => request<DecisionLog>("/decisions") });
}

export function useDecisionHistory(id: number) {
  return useQuery({
    queryKey: [...decisionsKey, id, "history"],
    queryFn: () => request<{ decision: Decision; changes: DecisionChange[] }>(`/decisions/${id}/history`),
  });
}

export function useCreateDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: NewDecision) =>
      request<Decision>("/decisions", { method: "POST", body: JSON.stringify(decision) }),
    onSuccess: () => client.invalidateQueries({ queryKey: decisionsKey }),
  });
}

export function useUpdateDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...edit }: DecisionEdit & { id: number }) =>
      request<Decision>(`/decisions/${id}`, { method: "PATCH", body: JSON.stringify(edit) }),
    onSettled: () => client.invalidateQueries({ queryKey: decisionsKey }),
  });
}
