// Scenarios, their comparison, the alignment figures of a plan and the executive commitment over the
// API (docs/api.md, "Scenarios"). A change, a withdrawal or a delete reloads the scenario list and
// the scenario; a finished re-plan reloads them too, so the list's run status and stale badge follow.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiUrl, type Query, request } from "./http";
import { jobFinished } from "./queries";
import type { ForecastJob } from "./types";

export const SCENARIO_CHANGE_KINDS = [
  "demand",
  "promotion",
  "price",
  "launch",
  "capacity",
  "supplier",
  "inventory_target",
  "cost",
] as const;
export type ScenarioChangeKind = (typeof SCENARIO_CHANGE_KINDS)[number];

export type ScenarioPhase = "demand" | "supply" | "finance" | "done";

export interface ScenarioRun {
  readonly id: number;
  readonly scenarioId: number;
  readonly phase: ScenarioPhase;
  readonly status: "running" | "finished" | "failed";
  /** 0–100. */
  readonly progress: number;
  readonly demandVersionId: number | null;
  readonly supplyRunId: number | null;
  readonly supplyVersionId: number | null;
  readonly storedCells: number | null;
  readonly error: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface Scenario {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly parentId: number | null;
  readonly isBase: boolean;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly changeCount: number;
  readonly latestRun: ScenarioRun | null;
  /** Changes were made after the latest plan. */
  readonly stale: boolean;
}

/** A change as sent to the server: its kind and the fields of that kind (scenario-change.ts). */
export type ScenarioChangeBody = { readonly kind: ScenarioChangeKind } & Readonly<Record<string, unknown>>;

export interface ScenarioChange {
  readonly id: string;
  readonly scenarioId: number;
  readonly change: ScenarioChangeBody;
  readonly summary: string;
  readonly reason: string;
  readonly comment: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly withdrawnBy: string | null;
  readonly withdrawnAt: string | null;
  /** Made on a scenario this one branched from. */
  readonly inherited: boolean;
}

export interface ScenarioDetail extends Scenario {
  readonly changes: readonly ScenarioChange[];
  readonly runs: readonly ScenarioRun[];
}

export interface ScenarioJob {
  readonly id: string;
  readonly state: ForecastJob["state"];
  readonly run: ScenarioRun | null;
}

/** A plan a comparison can hold, as the `plans` parameter spells it: `scenario:3`, `committed:1`. */
export type PlanRef = `scenario:${number}` | `committed:${number}`;

/** The figures of plan-figures.ts; null where a ratio has no denominator. */
export type PlanFigures = Readonly<Record<string, number | null>>;

export interface ComparisonColumn {
  readonly key: string;
  readonly label: string;
  readonly scenarioId: number;
  readonly isBase: boolean;
  readonly committed: boolean;
  readonly supplyRunId: number;
  readonly stale: boolean;
  readonly figures: PlanFigures;
  readonly wholePlan: PlanFigures;
  readonly budget: { readonly units: number | null; readonly revenue: number | null };
  readonly byPeriod: readonly Readonly<Record<string, string | number | null>>[];
  readonly children: readonly { readonly code: string; readonly figures: PlanFigures }[];
}

export interface ComparisonNode {
  readonly kind: "all" | "group" | "item";
  readonly code: string | null;
  readonly name: string;
  readonly level: string;
}

export interface Comparison {
  readonly node: ComparisonNode;
  readonly periods: readonly string[];
  readonly children: readonly {
    readonly code: string;
    readonly name: string;
    readonly kind: "group" | "item";
  }[];
  readonly columns: readonly ComparisonColumn[];
}

export interface ComparisonQuery {
  readonly plans: readonly PlanRef[];
  readonly node: { readonly code: string; readonly kind: "group" | "item" } | null;
  readonly from: string | null;
  readonly to: string | null;
}

export interface GapRow {
  readonly group: string;
  readonly segment: string;
  readonly period: string;
  readonly demandUnits: number;
  readonly demandRevenue: number;
  readonly servedUnits: number;
  readonly servedRevenue: number;
  readonly gapUnits: number;
  readonly prebuildUnits: number;
  readonly overtimeHours: number;
  readonly overtimeCost: number;
  readonly subcontractUnits: number;
  readonly subcontractCost: number;
  readonly backlogUnits: number;
  readonly lostUnits: number;
  readonly lostRevenue: number;
}

export type AllocationRule = "priority" | "margin" | "fair-share";

export interface SegmentService {
  readonly segment: string;
  readonly lines: number;
  readonly linesInFull: number;
  readonly demand: number;
  readonly allocated: number;
  readonly fillRate: number | null;
  readonly otif: number | null;
  readonly revenue: number;
  readonly lostRevenue: number;
  readonly margin: number;
  readonly backlogAtEnd: number;
  readonly lostUnits: number;
}

export interface Alignment {
  readonly scenario: Scenario;
  readonly supplyRunId: number;
  readonly periods: readonly string[];
  readonly gap: readonly GapRow[];
  readonly allocation: {
    readonly asPlanned: readonly SegmentService[];
    readonly byRule: Readonly<Record<AllocationRule, readonly SegmentService[]>>;
  };
}

export interface CommittedPlan {
  readonly id: number;
  readonly cyclePeriod: string;
  readonly scenarioId: number;
  readonly scenarioName: string;
  readonly supplyRunId: number;
  readonly demandVersionId: number;
  readonly supplyVersionId: number;
  readonly rationale: string;
  readonly committedBy: string;
  readonly committedAt: string;
}

export interface FinancePeriod {
  readonly period: string;
  readonly unitsSold: number;
  readonly revenue: number;
  readonly cogs: { readonly total: number };
  readonly grossMargin: number;
  readonly grossMarginPercent: number | null;
  readonly inventoryValue: number;
  readonly workingCapital: number;
  readonly operatingCashFlow: number;
  readonly cumulativeCash: number;
  readonly budget: { readonly revenue: number | null; readonly revenueGap: number | null };
}

export interface CommittedPlanDetail extends CommittedPlan {
  readonly summary: {
    readonly finance?: { readonly total: { readonly byPeriod: readonly FinancePeriod[] } } | null;
  } & Readonly<Record<string, unknown>>;
  readonly changes: readonly ScenarioChange[];
}

const scenariosKey = ["scenarios"] as const;
const commitmentsKey = ["commitments"] as const;

export function comparisonParams(query: ComparisonQuery): Query {
  return {
    plans: query.plans.join(","),
    node: query.node?.code,
    nodeKind: query.node?.kind,
    from: query.from,
    to: query.to,
  };
}

/** The Excel export of the same comparison. */
export function comparisonXlsxUrl(query: ComparisonQuery): string {
  return apiUrl("/scenarios/compare.xlsx", comparisonParams(query));
}

export function useScenarios() {
  return useQuery({
    queryKey: scenariosKey,
    queryFn: () => request<{ scenarios: Scenario[] }>("/scenarios"),
    select: (data) => data.scenarios,
  });
}

export function useScenario(id: number | null) {
  return useQuery({
    queryKey: [...scenariosKey, id],
    queryFn: () => request<ScenarioDetail>(`/scenarios/${id}`),
    enabled: id !== null,
  });
}

export function useScenarioActions() {
  const client = useQueryClient();
  const reload = () => client.invalidateQueries({ queryKey: scenariosKey });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; description?: string; parentId?: number }) =>
        request<Scenario>("/scenarios", { method: "POST", body: JSON.stringify(input) }),
      onSuccess: reload,
    }),
    remove: useMutation({
      mutationFn: (id: number) => request<null>(`/scenarios/${id}`, { method: "DELETE" }),
      onSuccess: reload,
    }),
    addChange: useMutation({
      mutationFn: ({
        id,
        ...body
      }: {
        id: number;
        change: ScenarioChangeBody;
        reason: string;
        comment?: string;
      }) =>
        request<ScenarioChange>(`/scenarios/${id}/changes`, { method: "POST", body: JSON.stringify(body) }),
      onSuccess: reload,
    }),
    withdraw: useMutation({
      mutationFn: ({ id, changeId }: { id: number; changeId: string }) =>
        request<null>(`/scenarios/${id}/changes/${changeId}/withdraw`, { method: "POST" }),
      onSuccess: reload,
    }),
    replan: useMutation({
      mutationFn: (id: number) =>
        request<{ jobId: string }>(`/scenarios/${id}/runs`, { method: "POST", body: "{}" }),
    }),
  };
}

/** Follows a scenario re-plan until it ends; then the scenarios and comparisons reload. */
export function useScenarioJob(id: string | null, intervalMs = 700) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ["scenario-job", id],
    queryFn: async () => {
      const job = await request<ScenarioJob>(`/scenarios/jobs/${id}`);
      if (jobFinished(job.state)) {
        void client.invalidateQueries({ queryKey: scenariosKey });
        void client.invalidateQueries({ queryKey: ["comparison"] });
      }
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (jobFinished(query.state.data?.state) ? false : intervalMs),
  });
}

export function useComparison(query: ComparisonQuery | null) {
  return useQuery({
    queryKey: ["comparison", query],
    queryFn: () =>
      request<Comparison>("/scenarios/compare", { query: comparisonParams(query as ComparisonQuery) }),
    enabled: query !== null && query.plans.length > 0,
  });
}

export function useAlignment(scenarioId: number | null) {
  return useQuery({
    queryKey: [...scenariosKey, scenarioId, "alignment"],
    queryFn: () => request<Alignment>(`/scenarios/${scenarioId}/alignment`),
    enabled: scenarioId !== null,
    retry: false,
  });
}

export function useCommitments() {
  return useQuery({
    queryKey: commitmentsKey,
    queryFn: () => request<{ commitments: CommittedPlan[] }>("/commitments"),
    select: (data) => data.commitments,
  });
}

export function useCommitment(id: number | null) {
  return useQuery({
    queryKey: [...commitmentsKey, id],
    queryFn: () => request<CommittedPlanDetail>(`/commitments/${id}`),
    enabled: id !== null,
  });
}

/** Commits a plan; the cycle, the workspace's stage track and the scenario list all change with it. */
export function useCommit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { scenarioId: number; rationale: string }) =>
      request<CommittedPlan>("/commitments", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: commitmentsKey });
      void client.invalidateQueries({ queryKey: ["cycle"] });
      void client.invalidateQueries({ queryKey: ["workspace"] });
      void client.invalidateQueries({ queryKey: scenariosKey });
    },
  });
}

export function packXlsxUrl(id: number): string {
  return apiUrl(`/commitments/${id}/pack.xlsx`);
}
