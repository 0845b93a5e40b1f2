// React Query hooks over the API client: one query key per resource, so an import can invalidate
// exactly what it changed.

import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import * as api from "./client";
import type {
  ForecastJob,
  ForecastLevel,
  HierarchySelection,
  ImportOutcome,
  RowsQuery,
  SupplyStrategy,
  User,
} from "./types";

export const queryKeys = {
  me: ["me"] as const,
  demoUsers: ["demo-users"] as const,
  workspace: ["workspace"] as const,
  entities: ["entities"] as const,
  rows: (entity: string, query?: RowsQuery) =>
    query ? (["rows", entity, query] as const) : (["rows", entity] as const),
  imports: ["imports"] as const,
  hierarchy: ["hierarchy"] as const,
  hierarchyNodes: (parent: string | null) => ["hierarchy", "nodes", parent] as const,
  hierarchyPath: (code: string) => ["hierarchy", "path", code] as const,
  hierarchyHistory: (selection: HierarchySelection) => ["hierarchy", "history", selection] as const,
  forecasts: ["forecasts"] as const,
  nodeForecast: (selection: HierarchySelection) => ["forecasts", "node", selection] as const,
  forecastJob: (id: string) => ["forecast-job", id] as const,
  supply: ["supply"] as const,
  supplyRuns: ["supply", "runs"] as const,
  supplyReview: (id: number) => ["supply", "review", id] as const,
  supplyJob: (id: string) => ["supply-job", id] as const,
};

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.fetchMe, staleTime: 60_000 });
}

export function useDemoUsers() {
  return useQuery({ queryKey: queryKeys.demoUsers, queryFn: api.fetchDemoUsers, staleTime: Infinity });
}

export function useWorkspace() {
  return useQuery({ queryKey: queryKeys.workspace, queryFn: api.fetchWorkspace, staleTime: 30_000 });
}

export function useEntities() {
  return useQuery({ queryKey: queryKeys.entities, queryFn: api.fetchEntities, staleTime: 30_000 });
}

export function useEntityRows(entity: string, query: RowsQuery) {
  return useQuery({
    queryKey: queryKeys.rows(entity, query),
    queryFn: () => api.fetchRows(entity, query),
    // Keeps the current page on screen while the next one loads, so the grid does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useImports() {
  return useQuery({ queryKey: queryKeys.imports, queryFn: api.fetchImports });
}

/** Children of every expanded node; the top level is the `null` parent. */
export function useHierarchyChildren(parents: readonly (string | null)[]) {
  return useQueries({
    queries: parents.map((parent) => ({
      queryKey: queryKeys.hierarchyNodes(parent),
      queryFn: () => api.fetchHierarchyNodes(parent),
      staleTime: 5 * 60_000,
    })),
  });
}

export function useHierarchyPath(code: string | null) {
  return useQuery({
    queryKey: queryKeys.hierarchyPath(code ?? ""),
    queryFn: () => api.fetchHierarchyPath(code ?? ""),
    enabled: code !== null,
    staleTime: 5 * 60_000,
  });
}

export function useHierarchyHistory(selection: HierarchySelection) {
  return useQuery({
    queryKey: queryKeys.hierarchyHistory(selection),
    queryFn: () => api.fetchHierarchyHistory(selection),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useNodeForecast(selection: HierarchySelection) {
  return useQuery({
    queryKey: queryKeys.nodeForecast(selection),
    queryFn: () => api.fetchNodeForecast(selection),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useStartForecast() {
  return useMutation({
    mutationFn: (run: { level: ForecastLevel; horizon?: number }) => api.startForecast(run),
  });
}

/** True once a job will change no more: completed, failed or cancelled. */
export function jobFinished(state: ForecastJob["state"] | undefined): boolean {
  return state === "completed" || state === "failed" || state === "cancelled";
}

/**
 * Follows a queued forecast run, polling every `intervalMs` until it ends; then every forecast view
 * reloads, so the page shows the new run without a refresh.
 */
export function useForecastJob(id: string | null, intervalMs = 700) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.forecastJob(id ?? ""),
    queryFn: async () => {
      const job = await api.fetchForecastJob(id ?? "");
      if (jobFinished(job.state)) void client.invalidateQueries({ queryKey: queryKeys.forecasts });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (jobFinished(query.state.data?.state) ? false : intervalMs),
  });
}

export function useSupplyRuns() {
  return useQuery({ queryKey: queryKeys.supplyRuns, queryFn: api.fetchSupplyRuns, staleTime: 30_000 });
}

/** One run as the supply review shows it; idle until a run is chosen. */
export function useSupplyReview(id: number | null) {
  return useQuery({
    queryKey: queryKeys.supplyReview(id ?? 0),
    queryFn: () => api.fetchSupplyReview(id ?? 0),
    enabled: id !== null,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useStartSupplyRun() {
  return useMutation({
    mutationFn: (run: { strategy: SupplyStrategy; horizon?: number }) => api.startSupplyRun(run),
  });
}

/** Follows a queued supply run until it ends; then the run list reloads so the page shows it. */
export function useSupplyJob(id: string | null, intervalMs = 700) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.supplyJob(id ?? ""),
    queryFn: async () => {
      const job = await api.fetchSupplyJob(id ?? "");
      if (jobFinished(job.state)) void client.invalidateQueries({ queryKey: queryKeys.supply });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (jobFinished(query.state.data?.state) ? false : intervalMs),
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      api.login(username, password),
    onSuccess: (user: User) => {
      // Another user's cached data must never show after a switch of account.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== "demo-users" });
      client.setQueryData(queryKeys.me, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => signOutLocally(client),
  });
}

/** Forgets everything cached for the session; the route guard then shows the login page. */
export function signOutLocally(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== "demo-users" && q.queryKey[0] !== "me" });
  client.setQueryData(queryKeys.me, null);
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entity, file }: { entity: string; file: File }) => api.uploadImport(entity, file),
    onSuccess: (outcome: ImportOutcome) => {
      void client.invalidateQueries({ queryKey: queryKeys.imports });
      void client.invalidateQueries({ queryKey: queryKeys.workspace });
      if (outcome.status === "imported") {
        void client.invalidateQueries({ queryKey: queryKeys.entities });
        void client.invalidateQueries({ queryKey: queryKeys.rows(outcome.entity) });
        void client.invalidateQueries({ queryKey: queryKeys.hierarchy });
      }
    },
  });
}
