// The executive S&OP meeting's decision: one plan — the base plan or a scenario — becomes the
// cycle's committed plan. Its demand and supply versions (with the financial plan in their finance
// cells) are flattened into versions of their own and frozen, so nothing a later edit of the base or
// a scenario does can reach them, and the database refuses any change to them afterwards. The cycle
// moves to `committed` in the same transaction.

import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { User } from "../auth/auth-service";
import type { CycleService } from "../cycle/cycle-service";
import { AppError } from "../errors";
import type { PlanService } from "../plans/plan-service";
import { insertCells } from "../plans/plan-writer";
import type { ScenarioService } from "../scenarios/scenario-service";
import type { SupplyRunSummary } from "../supply/supply-output";
import type { SupplyService } from "../supply/supply-service";
import type { WorkspaceService } from "../workspace/workspace-service";

export interface CommittedPlanInfo {
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

export class CommitService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly plans: PlanService,
    private readonly scenarios: ScenarioService,
    private readonly supply: SupplyService,
    private readonly cycle: CycleService,
    private readonly now: () => Date,
    /** Runs after a commit's transaction (the promises-at-risk check); its failure never undoes the commit. */
    private readonly afterCommit: (committedPlanId: number) => Promise<unknown> = async () => undefined,
  ) {}

  async list(): Promise<CommittedPlanInfo[]> {
    const rows = await this.select().orderBy("c.cycle_period", "desc").execute();
    return rows.map(toInfo);
  }

  /** A committed plan with what the executive pack shows: its summary and the changes it was made of. */
  async get(id: number) {
    const row = await this.select()
      .select(["c.finance", "c.supply_summary"])
      .where("c.id", "=", id)
      .executeTakeFirst();
    if (!row) throw new AppError("not_found", `no committed plan ${id}`);
    const scenario = await this.database.db
      .selectFrom("scenarios")
      .select("parent_id")
      .where("id", "=", row.scenario_id)
      .executeTakeFirstOrThrow();
    return {
      ...toInfo(row),
      summary: { ...(row.supply_summary as SupplyRunSummary), finance: row.finance } as SupplyRunSummary,
      changes: scenario.parent_id === null ? [] : await this.scenarios.changes(row.scenario_id, false),
    };
  }

  /** The committed plan of the cycle, or null before the executive meeting has committed one. */
  async forCycle(period: string): Promise<CommittedPlanInfo | null> {
    const row = await this.select().where("c.cycle_period", "=", period).executeTakeFirst();
    return row ? toInfo(row) : null;
  }

  /**
   * Commits the scenario's latest plan for the current cycle (or the open cycle of `cycle`, when
   * the demo plays its past cycles). Refused unless the user owns the
   * executive stage and the cycle is in it, when the plan is out of date with its changes, or when
   * the cycle already has a committed plan.
   */
  async commit(
    input: { scenarioId: number; rationale: string; cycle?: string },
    user: User,
  ): Promise<CommittedPlanInfo> {
    const rationale = input.rationale.trim();
    if (rationale.length === 0)
      throw new AppError("invalid_data", "rationale: say why this plan is the one", { field: "rationale" });
    const cycle = input.cycle ?? (await this.workspace.company()).currentPeriod;
    const source = await this.source(input.scenarioId, cycle);
    const db = this.database.db;
    const id = await db.transaction().execute(async (trx) => {
      await this.cycle.markCommitted(trx, cycle, user, rationale);
      const freeze = async (kind: "demand" | "supply", from: number) => {
        const version = await this.plans.createVersionIn(trx, {
          scenarioId: input.scenarioId,
          kind,
          label: `Committed plan ${cycle}`,
          cyclePeriod: cycle,
          user,
        });
        await insertCells(
          trx,
          version.id,
          sql`SELECT measure, sku, location, segment, period, value FROM plan_cells(${from})`,
        );
        await trx
          .updateTable("plan_versions")
          .set({ status: "committed", based_on: from, approved_by: user.id, approved_at: this.now() })
          .where("id", "=", version.id)
          .execute();
        return version.id;
      };
      const demandVersionId = await freeze("demand", source.demandVersionId);
      const supplyVersionId = await freeze("supply", source.supplyVersionId);
      const { finance, ...summary } = source.summary;
      const row = await trx
        .insertInto("committed_plans")
        .values({
          cycle_period: cycle,
          scenario_id: input.scenarioId,
          supply_run_id: source.supplyRunId,
          scenario_run_id: source.scenarioRunId,
          demand_version_id: demandVersionId,
          supply_version_id: supplyVersionId,
          finance: JSON.stringify(finance ?? null),
          supply_summary: JSON.stringify(summary),
          rationale,
          committed_by: user.id,
          committed_at: this.now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    });
    // The plan is committed whatever happens next; a failed check can be run again on its own
    // (POST /promising/at-risk/check).
    await this.afterCommit(id).catch(() => undefined);
    return (await this.list()).find((c) => c.id === id)!;
  }

  /** The plan a commitment would freeze: the base's supply run of the cycle, or the scenario's re-plan. */
  private async source(scenarioId: number, cycle: string) {
    const { scenario, supplyRunId, scenarioRunId } = await this.scenarios.latestPlan(scenarioId, cycle);
    if (scenario.stale)
      throw new AppError(
        "conflict",
        `scenario “${scenario.name}” changed after its last plan: re-plan it first`,
      );
    const { run, summary } = await this.supply.detail(supplyRunId);
    if (!summary || run.versionId === null || run.demandVersionId === null)
      throw new AppError("conflict", `supply run ${supplyRunId} stored no plan`);
    if (run.firstPeriod !== cycle)
      throw new AppError(
        "conflict",
        `the plan of scenario ${scenarioId} was made for the ${run.firstPeriod} cycle`,
      );
    return {
      supplyRunId,
      scenarioRunId,
      summary,
      supplyVersionId: run.versionId,
      demandVersionId: run.demandVersionId,
    };
  }

  private select() {
    return this.database.db
      .selectFrom("committed_plans as c")
      .innerJoin("scenarios as s", "s.id", "c.scenario_id")
      .innerJoin("users as u", "u.id", "c.committed_by")
      .select([
        "c.id",
        "c.cycle_period",
        "c.scenario_id",
        "s.name as scenario_name",
        "c.supply_run_id",
        "c.demand_version_id",
        "c.supply_version_id",
        "c.rationale",
        "u.display_name as committed_by",
        "c.committed_at",
      ]);
  }
}

function toInfo(r: {
  id: number;
  cycle_period: string;
  scenario_id: number;
  scenario_name: string;
  supply_run_id: number;
  demand_version_id: number;
  supply_version_id: number;
  rationale: string;
  committed_by: string;
  committed_at: Date;
}): CommittedPlanInfo {
  return {
    id: r.id,
    cyclePeriod: r.cycle_period,
    scenarioId: r.scenario_id,
    scenarioName: r.scenario_name,
    supplyRunId: r.supply_run_id,
    demandVersionId: r.demand_version_id,
    supplyVersionId: r.supply_version_id,
    rationale: r.rationale,
    committedBy: r.committed_by,
    committedAt: r.committed_at.toISOString(),
  };
}
