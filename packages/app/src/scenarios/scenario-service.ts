// What-if scenarios: branch from the base plan or from another scenario, add typed changes, and
// re-plan through the same pipeline as the base plan (demand → inventory targets → supply
// optimiser → finance). A scenario stores only its changes and the cells where its plans differ
// from the base plan's (ADR 0600), so making one is a row insert and deleting one never reaches
// the base.

import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import type { User } from "../auth/auth-service";
import { demandNodeExists } from "../demand/demand-node";
import { AppError } from "../errors";
import { skusInGroup } from "../hierarchy/hierarchy-service";
import type { PlanService } from "../plans/plan-service";
import { insertCellColumns } from "../plans/plan-writer";
import type { SupplyRunAdjustments, SupplyRunRequest, SupplyService } from "../supply/supply-service";
import { DEFAULT_SUPPLY_RUN } from "../supply/supply-service";
import type { WorkspaceService } from "../workspace/workspace-service";
import { type NodeSkus, priceFactor, scenarioData, scenarioDemand, scenarioProblem } from "./apply-scenario";
import {
  describeScenarioChange,
  nodeKey,
  nodesOf,
  parseScenarioChange,
  type ScenarioChange,
} from "./scenario-change";
import { movedDemand } from "./scenario-demand";

export const SCENARIO_PHASES = ["demand", "supply", "finance", "done"] as const;
export type ScenarioPhase = (typeof SCENARIO_PHASES)[number];

export interface ScenarioInfo {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly parentId: number | null;
  readonly isBase: boolean;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly changeCount: number;
  readonly latestRun: ScenarioRunInfo | null;
  /** Changes were made or withdrawn after the latest finished run: its figures are out of date. */
  readonly stale: boolean;
}

export interface ScenarioChangeInfo {
  readonly id: string;
  readonly scenarioId: number;
  readonly change: ScenarioChange;
  readonly summary: string;
  readonly reason: string;
  readonly comment: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly withdrawnBy: string | null;
  readonly withdrawnAt: string | null;
  /** Made in an ancestor scenario, which this one inherits. */
  readonly inherited: boolean;
}

export interface ScenarioRunInfo {
  readonly id: number;
  readonly scenarioId: number;
  readonly phase: ScenarioPhase;
  readonly status: "running" | "finished" | "failed";
  readonly progress: number;
  readonly demandVersionId: number | null;
  readonly supplyRunId: number | null;
  readonly supplyVersionId: number | null;
  readonly storedCells: number | null;
  readonly error: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface NewScenario {
  readonly name: string;
  readonly description?: string;
  /** The scenario to branch from; the base plan when omitted. */
  readonly parentId?: number;
}

const PROGRESS: Record<ScenarioPhase, number> = { demand: 10, supply: 40, finance: 90, done: 100 };

export class ScenarioService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly plans: PlanService,
    private readonly supply: SupplyService,
    private readonly now: () => Date,
  ) {}

  async list(): Promise<ScenarioInfo[]> {
    const db = this.database.db;
    await this.plans.baseScenario(null);
    const rows = await db
      .selectFrom("scenarios as s")
      .leftJoin("users as u", "u.id", "s.created_by")
      .select([
        "s.id",
        "s.name",
        "s.description",
        "s.parent_id",
        "s.created_at",
        "u.display_name",
        (eb) =>
          eb
            .selectFrom("scenario_changes as c")
            .select((e) => e.fn.countAll<string>().as("n"))
            .whereRef("c.scenario_id", "=", "s.id")
            .where("c.withdrawn_at", "is", null)
            .as("changes"),
        (eb) =>
          eb
            .selectFrom("scenario_changes as c")
            .select((e) =>
              e.fn.max(sql<Date>`greatest(c.created_at, coalesce(c.withdrawn_at, c.created_at))`).as("m"),
            )
            .whereRef("c.scenario_id", "=", "s.id")
            .as("last_change"),
      ])
      .where("s.deleted_at", "is", null)
      .orderBy("s.id")
      .execute();
    const runs = await this.latestRuns(rows.map((r) => r.id));
    return rows.map((r) => {
      const latestRun = runs.get(r.id) ?? null;
      const lastChange = r.last_change ? new Date(r.last_change as unknown as string) : null;
      return {
        id: r.id,
        name: r.name,
        description: r.description,
        parentId: r.parent_id,
        isBase: r.parent_id === null,
        createdBy: r.display_name,
        createdAt: r.created_at.toISOString(),
        changeCount: Number(r.changes ?? 0),
        latestRun,
        stale:
          latestRun !== null &&
          latestRun.status === "finished" &&
          lastChange !== null &&
          lastChange.getTime() > new Date(latestRun.startedAt).getTime(),
      };
    });
  }

  async get(id: number): Promise<ScenarioInfo & { changes: ScenarioChangeInfo[]; runs: ScenarioRunInfo[] }> {
    const scenario = (await this.list()).find((s) => s.id === id);
    if (!scenario) throw new AppError("not_found", `no scenario ${id}`);
    return { ...scenario, changes: await this.changes(id, true), runs: await this.runs(id) };
  }

  /** A new scenario, branched from the base plan or another scenario: one row, nothing copied. */
  async create(input: NewScenario, user: Pick<User, "id">): Promise<ScenarioInfo> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 80)
      throw new AppError("invalid_data", "scenario name: 1 to 80 characters", { field: "name" });
    const parentId = input.parentId ?? (await this.plans.baseScenario(user));
    await this.live(parentId);
    const clash = await this.database.db
      .selectFrom("scenarios")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirst();
    if (clash) throw new AppError("conflict", `a scenario named “${name}” exists already`, { field: "name" });
    const { id } = await this.database.db
      .insertInto("scenarios")
      .values({
        name,
        description: input.description?.trim() ?? "",
        parent_id: parentId,
        created_by: user.id,
        created_at: this.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return (await this.list()).find((s) => s.id === id)!;
  }

  /** Deletes a scenario: hidden from every list, its own rows kept for the audit; the base is never touched. */
  async delete(id: number, user: Pick<User, "id">): Promise<void> {
    const scenario = await this.live(id);
    if (scenario.parent_id === null) throw new AppError("conflict", "the base plan cannot be deleted");
    const db = this.database.db;
    const committed = await db
      .selectFrom("committed_plans")
      .select("cycle_period")
      .where("scenario_id", "=", id)
      .executeTakeFirst();
    if (committed)
      throw new AppError("conflict", `scenario ${id} is the committed plan of ${committed.cycle_period}`);
    const child = await db
      .selectFrom("scenarios")
      .select("name")
      .where("parent_id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (child)
      throw new AppError("conflict", `scenario “${child.name}” branches from this one: delete it first`);
    await db
      .updateTable("scenarios")
      .set({ deleted_at: this.now(), deleted_by: user.id, name: sql`name || ' (deleted ' || ${id} || ')'` })
      .where("id", "=", id)
      .execute();
  }

  /** Adds a typed change; invalid input or a reference to nothing names the field at fault. */
  async addChange(
    id: number,
    input: { change: unknown; reason: string; comment?: string },
    user: Pick<User, "id">,
  ): Promise<ScenarioChangeInfo> {
    const scenario = await this.live(id);
    if (scenario.parent_id === null)
      throw new AppError(
        "conflict",
        "the base plan changes through the demand and supply reviews; branch a scenario to try a change",
      );
    await this.assertOpen(id);
    const change = parseScenarioChange(input.change);
    await this.checkReferences(change);
    const reason = input.reason.trim();
    if (reason.length === 0) throw new AppError("invalid_data", "reason: say why", { field: "reason" });
    const row = await this.database.db
      .insertInto("scenario_changes")
      .values({
        scenario_id: id,
        kind: change.kind,
        spec: JSON.stringify(change),
        summary: describeScenarioChange(change),
        reason,
        comment: input.comment?.trim() ?? "",
        created_by: user.id,
        created_at: this.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return (await this.changes(id, false)).find((c) => c.id === row.id)!;
  }

  async withdrawChange(id: number, changeId: string, user: Pick<User, "id">): Promise<void> {
    await this.live(id);
    await this.assertOpen(id);
    const result = await this.database.db
      .updateTable("scenario_changes")
      .set({ withdrawn_by: user.id, withdrawn_at: this.now() })
      .where("id", "=", changeId)
      .where("scenario_id", "=", id)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new AppError("not_found", `scenario ${id} has no change ${changeId} in force`);
  }

  /**
   * The changes that make the scenario what it is: its ancestors' (oldest ancestor first), then its
   * own, each in the order made. With `withdrawn`, withdrawn ones too (for the record).
   */
  async changes(id: number, withdrawn: boolean): Promise<ScenarioChangeInfo[]> {
    const chain = await this.ancestry(id);
    const rows = await this.database.db
      .selectFrom("scenario_changes as c")
      .innerJoin("users as u", "u.id", "c.created_by")
      .leftJoin("users as w", "w.id", "c.withdrawn_by")
      .select([
        "c.id",
        "c.scenario_id",
        "c.spec",
        "c.summary",
        "c.reason",
        "c.comment",
        "c.created_at",
        "c.withdrawn_at",
        "u.display_name as created_by",
        "w.display_name as withdrawn_by",
      ])
      .where("c.scenario_id", "in", chain)
      .$if(!withdrawn, (q) => q.where("c.withdrawn_at", "is", null))
      .orderBy("c.id")
      .execute();
    const depth = new Map(chain.map((s, i) => [s, i]));
    return rows
      .sort((a, b) => depth.get(b.scenario_id)! - depth.get(a.scenario_id)! || Number(a.id) - Number(b.id))
      .map((r) => ({
        id: r.id,
        scenarioId: r.scenario_id,
        change: r.spec as ScenarioChange,
        summary: r.summary,
        reason: r.reason,
        comment: r.comment,
        createdBy: r.created_by,
        createdAt: r.created_at.toISOString(),
        withdrawnBy: r.withdrawn_by,
        withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
        inherited: r.scenario_id !== id,
      }));
  }

  async runs(id: number): Promise<ScenarioRunInfo[]> {
    const rows = await this.selectRuns()
      .where("r.scenario_id", "=", id)
      .orderBy("r.id", "desc")
      .limit(20)
      .execute();
    return rows.map(toRunInfo);
  }

  async runForJob(jobId: string): Promise<ScenarioRunInfo | null> {
    const row = await this.selectRuns()
      .where("r.job_id", "=", jobId)
      .orderBy("r.id", "desc")
      .executeTakeFirst();
    return row ? toRunInfo(row) : null;
  }

  /**
   * Re-plans the scenario end to end. The base plan's supply run for this cycle is the reference
   * the scenario's supply version overlays; without one, the scenario's plan is stored whole.
   */
  async replan(
    id: number,
    request: Omit<SupplyRunRequest, "scenarioId"> = { ...DEFAULT_SUPPLY_RUN, userId: null },
    options: { jobId?: string; onPhase?: (phase: ScenarioPhase) => void } = {},
  ): Promise<ScenarioRunInfo> {
    const scenario = await this.live(id);
    if (scenario.parent_id === null)
      throw new AppError("conflict", "the base plan is planned on the supply review page");
    await this.assertOpen(id);
    const db = this.database.db;
    const base = await this.plans.baseScenario(null);
    const company = await this.workspace.company();
    const changes = await this.changes(id, false);
    const list = changes.map((c) => c.change);
    const skus = await this.nodeSkus(list);
    const { id: runId } = await db
      .insertInto("scenario_runs")
      .values({
        scenario_id: id,
        phase: "demand",
        status: "running",
        change_ids: changes.map((c) => c.id),
        job_id: options.jobId ?? null,
        requested_by: request.userId,
        started_at: this.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const phase = async (next: ScenarioPhase) => {
      options.onPhase?.(next);
      await db.updateTable("scenario_runs").set({ phase: next }).where("id", "=", runId).execute();
    };
    options.onPhase?.("demand");
    const reference = await this.referenceSupplyVersion(base, company.currentPeriod);
    let demandCells = 0;
    const adjust: SupplyRunAdjustments = {
      sourceScenarioId: base,
      data: (data) => scenarioData(data, list, skus),
      demand: (demand) => scenarioDemand(demand, list, skus),
      problem: (problem) => scenarioProblem(problem, list),
      priceFactor: priceFactor(list, skus, company.currentPeriod),
      storeDemand: async (data, before, after) => {
        const moved = movedDemand(data.demand, before, after);
        demandCells = moved.length;
        const version = await db.transaction().execute(async (trx) => {
          const v = await this.plans.createVersionIn(trx, {
            scenarioId: id,
            kind: "demand",
            label: `${scenario.name}: demand with ${list.length} change${list.length === 1 ? "" : "s"}`,
            cyclePeriod: company.currentPeriod,
            overlayOf: data.demandVersion.id,
            user: request.userId === null ? null : { id: request.userId },
          });
          await insertCellColumns(trx, v.id, {
            measure: moved.map(() => data.demandVersion.measure),
            sku: moved.map((m) => m.sku),
            location: moved.map((m) => m.location),
            segment: moved.map((m) => m.segment),
            period: moved.map((m) => m.period),
            value: moved.map((m) => m.quantity),
          });
          await trx
            .updateTable("scenario_runs")
            .set({ demand_version_id: v.id })
            .where("id", "=", runId)
            .execute();
          return v;
        });
        await phase("supply");
        return version.id;
      },
      overlayOf: reference,
      stored: async (trx, result) => {
        await trx
          .updateTable("scenario_runs")
          .set({ stored_cells: result.cells + demandCells, phase: "finance" })
          .where("id", "=", runId)
          .execute();
      },
    };
    try {
      const run = await this.supply.run(
        { ...request, scenarioId: id },
        { adjust, ...(options.jobId ? { jobId: options.jobId } : {}) },
      );
      await db
        .updateTable("scenario_runs")
        .set({ supply_run_id: run.id, phase: "done", status: "finished", finished_at: this.now() })
        .where("id", "=", runId)
        .execute();
      options.onPhase?.("done");
    } catch (error) {
      await db
        .updateTable("scenario_runs")
        .set({ status: "failed", error: (error as Error).message, finished_at: this.now() })
        .where("id", "=", runId)
        .execute();
      throw error;
    }
    return (await this.runs(id)).find((r) => r.id === runId)!;
  }

  /** Refuses (as `replan` would) to re-plan the base plan or a committed scenario. */
  async assertReplannable(id: number): Promise<void> {
    const scenario = await this.live(id);
    if (scenario.parent_id === null)
      throw new AppError("conflict", "the base plan is planned on the supply review page");
    await this.assertOpen(id);
  }

  /**
   * The plan a scenario stands for in this cycle (or, for the base plan, in the cycle of `cycle`):
   * the base plan's latest finished supply run, or a scenario's latest finished re-plan. conflict
   * when there is none yet.
   */
  async latestPlan(
    id: number,
    cycle?: string,
  ): Promise<{
    scenario: ScenarioInfo;
    supplyRunId: number;
    versionId: number;
    scenarioRunId: number | null;
  }> {
    const scenario = (await this.list()).find((s) => s.id === id);
    if (!scenario) throw new AppError("not_found", `no scenario ${id}`);
    if (scenario.isBase) {
      const period = cycle ?? (await this.workspace.company()).currentPeriod;
      const run = await this.database.db
        .selectFrom("supply_runs")
        .select(["id", "version_id"])
        .where("scenario_id", "=", id)
        .where("status", "=", "finished")
        .where("first_period", "=", period)
        .orderBy("id", "desc")
        .executeTakeFirst();
      if (!run?.version_id)
        throw new AppError(
          "conflict",
          "the base plan has no supply plan for this cycle yet: run one on the supply review page",
        );
      return { scenario, supplyRunId: run.id, versionId: run.version_id, scenarioRunId: null };
    }
    const run = scenario.latestRun;
    if (run?.status !== "finished" || run.supplyRunId === null || run.supplyVersionId === null)
      throw new AppError("conflict", `scenario “${scenario.name}” has no finished plan: re-plan it first`);
    return { scenario, supplyRunId: run.supplyRunId, versionId: run.supplyVersionId, scenarioRunId: run.id };
  }

  /** The alignment figures of the scenario's latest plan: the demand–supply gap and the allocation rules. */
  async alignment(id: number) {
    const plan = await this.latestPlan(id);
    const { summary } = await this.supply.detail(plan.supplyRunId);
    if (!summary?.alignment)
      throw new AppError(
        "conflict",
        `supply run ${plan.supplyRunId} was made before alignment figures existed: re-plan it`,
      );
    return {
      scenario: plan.scenario,
      supplyRunId: plan.supplyRunId,
      periods: summary.periods,
      gap: summary.alignment.gap,
      allocation: summary.alignment.allocation,
    };
  }

  /** The base plan's latest finished supply version for the cycle, which scenarios overlay. */
  async referenceSupplyVersion(baseId: number, cycle: string): Promise<number | null> {
    const row = await this.database.db
      .selectFrom("supply_runs")
      .innerJoin("plan_versions as v", "v.id", "supply_runs.version_id")
      .select("v.id")
      .where("supply_runs.scenario_id", "=", baseId)
      .where("supply_runs.status", "=", "finished")
      .where("supply_runs.first_period", "=", cycle)
      .orderBy("supply_runs.id", "desc")
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** The scenario's row; not_found when it does not exist or was deleted. */
  async live(id: number) {
    const row = await this.database.db
      .selectFrom("scenarios")
      .selectAll()
      .where("id", "=", id)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!row) throw new AppError("not_found", `no scenario ${id}`);
    return row;
  }

  /** A committed scenario is the plan of record: it no longer changes. */
  private async assertOpen(id: number): Promise<void> {
    const committed = await this.database.db
      .selectFrom("committed_plans")
      .select("cycle_period")
      .where("scenario_id", "=", id)
      .executeTakeFirst();
    if (committed)
      throw new AppError(
        "conflict",
        `scenario ${id} is the committed plan of ${committed.cycle_period} and cannot change; branch a new scenario from it`,
      );
  }

  /** The scenario and its ancestors up to (excluding) the base plan, nearest first. */
  private async ancestry(id: number): Promise<number[]> {
    const chain: number[] = [];
    for (let at: number | null = id; at !== null; ) {
      const row: { id: number; parent_id: number | null } | undefined = await this.database.db
        .selectFrom("scenarios")
        .select(["id", "parent_id"])
        .where("id", "=", at)
        .executeTakeFirst();
      if (!row || row.parent_id === null) break;
      chain.push(row.id);
      at = row.parent_id;
    }
    return chain.length > 0 ? chain : [id];
  }

  private async nodeSkus(changes: readonly ScenarioChange[]): Promise<NodeSkus> {
    const db = this.database.db;
    const skus = new Map<string, ReadonlySet<string>>();
    for (const node of changes.flatMap(nodesOf)) {
      if (node.kind === "all" || skus.has(nodeKey(node))) continue;
      const rows =
        node.kind === "item" ? [{ sku: node.code }] : (await skusInGroup(node.code).execute(db)).rows;
      skus.set(nodeKey(node), new Set(rows.map((r) => r.sku)));
    }
    return skus;
  }

  private async checkReferences(change: ScenarioChange): Promise<void> {
    const db = this.database.db as Kysely<Schema>;
    const missing = (field: string, what: string) =>
      new AppError("invalid_data", `scenario change: ${field}: no ${what}`, { field });
    for (const node of nodesOf(change))
      if (!(await demandNodeExists(db, node)))
        throw missing(
          change.kind === "launch" ? "sku" : "node.code",
          `${node.kind === "item" ? "item" : "product group"} ${"code" in node ? node.code : ""}`,
        );
    const known = async (table: "segments" | "resources" | "suppliers", code: string) =>
      (await sql`SELECT 1 FROM ${sql.table(table)} WHERE code = ${code}`.execute(db)).rows.length > 0;
    if ("segment" in change && change.segment !== null && !(await known("segments", change.segment)))
      throw missing("segment", `segment ${change.segment}`);
    if (change.kind === "capacity" && !(await known("resources", change.resource)))
      throw missing("resource", `resource ${change.resource}`);
    if (change.kind === "supplier" && !(await known("suppliers", change.supplier)))
      throw missing("supplier", `supplier ${change.supplier}`);
  }

  private async latestRuns(ids: readonly number[]): Promise<Map<number, ScenarioRunInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await this.selectRuns()
      .where("r.scenario_id", "in", ids)
      .where(sql<boolean>`r.id = (SELECT max(id) FROM scenario_runs x WHERE x.scenario_id = r.scenario_id)`)
      .execute();
    return new Map(rows.map((r) => [r.scenario_id, toRunInfo(r)]));
  }

  private selectRuns() {
    return this.database.db
      .selectFrom("scenario_runs as r")
      .leftJoin("supply_runs as s", "s.id", "r.supply_run_id")
      .select([
        "r.id",
        "r.scenario_id",
        "r.phase",
        "r.status",
        "r.demand_version_id",
        "r.supply_run_id",
        "s.version_id as supply_version_id",
        "r.stored_cells",
        "r.error",
        "r.started_at",
        "r.finished_at",
      ]);
  }
}

type RunRow = {
  id: number;
  scenario_id: number;
  phase: ScenarioPhase;
  status: "running" | "finished" | "failed";
  demand_version_id: number | null;
  supply_run_id: number | null;
  supply_version_id: number | null;
  stored_cells: number | null;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
};

function toRunInfo(r: RunRow): ScenarioRunInfo {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    phase: r.phase,
    status: r.status,
    progress: r.status === "finished" ? 100 : PROGRESS[r.phase],
    demandVersionId: r.demand_version_id,
    supplyRunId: r.supply_run_id,
    supplyVersionId: r.supply_version_id,
    storedCells: r.stored_cells,
    error: r.error,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
