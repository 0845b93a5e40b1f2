// Typed functions for every endpoint the web app uses, one per route in docs/api.md.

import { ApiError } from "./api-error";
import { apiUrl, request } from "./http";
import type {
  DemoUsers,
  EntityWithRows,
  ForecastJob,
  ForecastLevel,
  HierarchyNode,
  HierarchyPathStep,
  HierarchySelection,
  ImportOutcome,
  ImportRejected,
  ImportRun,
  NodeForecast,
  NodeHistory,
  RowsPage,
  RowsQuery,
  SupplyJob,
  SupplyReview,
  SupplyRun,
  SupplyStrategy,
  User,
  Workspace,
} from "./types";

export async function login(username: string, password: string): Promise<User> {
  const body = await request<{ user: User }>("/auth/login", {
    method: "POST",
    body: JSON.stringify({ username, password }),
  });
  return body.user;
}

export async function logout(): Promise<void> {
  await request<null>("/auth/logout", { method: "POST" });
}

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<User | null> {
  try {
    return (await request<{ user: User }>("/auth/me")).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function fetchDemoUsers(): Promise<DemoUsers> {
  return request<DemoUsers>("/auth/demo-users");
}

export function fetchWorkspace(): Promise<Workspace> {
  return request<Workspace>("/workspace");
}

export async function fetchEntities(): Promise<readonly EntityWithRows[]> {
  return (await request<{ entities: EntityWithRows[] }>("/entities")).entities;
}

export function fetchRows(entity: string, query: RowsQuery): Promise<RowsPage> {
  return request<RowsPage>(`/entities/${encodeURIComponent(entity)}/rows`, {
    query: {
      search: query.search,
      offset: query.offset,
      limit: query.limit,
      sort: query.sort,
      dir: query.sort ? query.dir : null,
    },
  });
}

/** Download links; the browser fetches them directly so large exports stream to disk. */
export function entityFileUrl(entity: string, kind: "template" | "export", format: "csv" | "xlsx"): string {
  return apiUrl(`/entities/${encodeURIComponent(entity)}/${kind}.${format}`);
}

/**
 * Uploads a file for import. A rejected file is an expected outcome, not a failure, so a 422
 * resolves with the issue report; other errors (403 for roles that may not import, …) throw.
 */
export async function uploadImport(entity: string, file: File): Promise<ImportOutcome> {
  const form = new FormData();
  form.set("entity", entity);
  form.set("file", file, file.name);
  try {
    return await request<ImportOutcome>("/imports", { method: "POST", body: form });
  } catch (error) {
    if (error instanceof ApiError && error.code === "invalid_import") {
      const body = (error.body ?? {}) as Partial<ImportRejected>;
      return {
        status: "rejected",
        entity: body.entity ?? entity,
        fileName: body.fileName ?? file.name,
        message: error.message,
        issueCount: body.issueCount ?? error.issues.length,
        issues: error.issues,
      };
    }
    throw error;
  }
}

export async function fetchImports(): Promise<readonly ImportRun[]> {
  return (await request<{ imports: ImportRun[] }>("/imports")).imports;
}

export async function fetchHierarchyNodes(parent: string | null): Promise<readonly HierarchyNode[]> {
  return (await request<{ nodes: HierarchyNode[] }>("/hierarchy/nodes", { query: { parent } })).nodes;
}

export async function fetchHierarchyPath(code: string): Promise<readonly HierarchyPathStep[]> {
  return (await request<{ path: HierarchyPathStep[] }>("/hierarchy/path", { query: { code } })).path;
}

export function fetchHierarchyHistory(selection: HierarchySelection): Promise<NodeHistory> {
  return request<NodeHistory>("/hierarchy/history", {
    query: selection ? { code: selection.code, kind: selection.kind } : {},
  });
}

/** The latest statistical forecast seen from a node (every product when null). */
export function fetchNodeForecast(selection: HierarchySelection): Promise<NodeForecast> {
  return request<NodeForecast>("/forecasts/latest/node", {
    query: selection ? { code: selection.code, kind: selection.kind } : {},
  });
}

/** Queues a forecast run; a worker picks it up. Resolves with the job to follow. */
export async function startForecast(run: { level: ForecastLevel; horizon?: number }): Promise<string> {
  return (await request<{ jobId: string }>("/forecasts", { method: "POST", body: JSON.stringify(run) }))
    .jobId;
}

export function fetchForecastJob(id: string): Promise<ForecastJob> {
  return request<ForecastJob>(`/forecasts/jobs/${encodeURIComponent(id)}`);
}

/** Queues a supply plan run; a worker picks it up. Resolves with the job to follow. */
export async function startSupplyRun(run: { strategy: SupplyStrategy; horizon?: number }): Promise<string> {
  return (await request<{ jobId: string }>("/supply/runs", { method: "POST", body: JSON.stringify(run) }))
    .jobId;
}

export function fetchSupplyJob(id: string): Promise<SupplyJob> {
  return request<SupplyJob>(`/supply/jobs/${encodeURIComponent(id)}`);
}

export async function fetchSupplyRuns(): Promise<readonly SupplyRun[]> {
  return (await request<{ runs: SupplyRun[] }>("/supply/runs")).runs;
}

export function fetchSupplyReview(id: number): Promise<SupplyReview> {
  return request<SupplyReview>(`/supply/runs/${id}`);
}
