// The supply plan run: the scenario's latest demand version and the supply data → the supply
// engine (the optimiser through HiGHS, or the level or chase heuristic) → a NEW draft supply version
// with every quantity, and a summary on the run row. The run is recorded when it starts and moves
// through its phases (assembling, solving, storing), so a worker's job can be followed. Bad data or
// an infeasible plan fails the run with issues that name the rows, and no version is written.

import { addDays, bucketOf, type ImportIssue, type PeriodKey, periodStart } from "@fulcrum/domain";
import {
  COST_KINDS,
  type CostBreakdown,
  chasePlan,
  levelPlan,
  type SupplyIssue,
  type SupplyPlan,
  type SupplyProblem,
  validateSupplyProblem,
} from "@fulcrum/engines";
import type { Database, Schema } from "@fulcrum/storage";
import { sql, type Transaction } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";
import { overlayCells, type StoredCell } from "../plans/plan-overlay";
import type { PlanService } from "../plans/plan-service";
import { insertCellColumns } from "../plans/plan-writer";
import { storeSupplierRequirements, supplierRequirements } from "../suppliers/supplier-requirements";
import type { WorkspaceService } from "../workspace/workspace-service";
import { assembleSupplyProblem } from "./assemble-supply-problem";
import type { SplitDemand } from "./demand-split";
import { phantomIntermediates } from "./phantom-intermediates";
import type { SolverHandle } from "./solver-handle";
import { supplyAlignment } from "./supply-alignment";
import { loadSupplyData, type SupplyData } from "./supply-data";
import { loadFinanceContext, supplyFinance } from "./supply-finance";
import type { SupplyInputService } from "./supply-input-service";
import { applySupplyInputs, NO_SUPPLY_INPUTS } from "./supply-inputs";
import {
  joinCells,
  planCells,
  runSummary,
  type SupplyRunSummary,
  type SupplyStrategy,
} from "./supply-output";
import { loadSupplyReview } from "./supply-review";

export const SUPPLY_STRATEGIES = ["optimal", "level", "chase"] as const;
export const SUPPLY_PHASES = ["assembling", "solving", "storing", "done"] as const;
export type SupplyPhase = (typeof SUPPLY_PHASES)[number];

export interface SupplyRunRequest {
  /** Scenario to plan; the base scenario when omitted. */
  readonly scenarioId?: number;
  /** Months to plan from the current cycle month. */
  readonly horizon: number;
  readonly strategy: SupplyStrategy;
  readonly timeLimitSeconds: number;
  readonly userId: number | null;
  /**
   * The cycle to plan, the current one when omitted. A past cycle is planned with what was known
   * when it began: its own approved demand plan, the stock counted before it, and the prices, costs
   * and capacity valid then; the planner's inputs of today are not applied to it.
   */
  readonly cycle?: PeriodKey;
}

export interface SupplyRunOptions {
  readonly onPhase?: (phase: SupplyPhase) => void;
  /** The queue job running this, so its progress can be looked up by job id. */
  readonly jobId?: string;
  /** A what-if scenario's changes, applied along the same pipeline (see scenarios/). */
  readonly adjust?: SupplyRunAdjustments;
}

/**
 * How a scenario's run differs from the base plan's: it starts from another scenario's data, demand
 * plan and planner inputs, changes them at each step, records the demand it planned as a version of
 * its own, and stores only the cells where its supply plan differs from the base plan's.
 */
export interface SupplyRunAdjustments {
  readonly sourceScenarioId: number;
  readonly data: (data: SupplyData) => SupplyData;
  readonly demand: (demand: readonly SplitDemand[]) => SplitDemand[];
  readonly problem: (problem: SupplyProblem) => SupplyProblem;
  /** Stores the demand planned (split, before and after the changes); returns its version. */
  readonly storeDemand: (
    data: SupplyData,
    before: readonly SplitDemand[],
    after: readonly SplitDemand[],
  ) => Promise<number>;
  /** The scenario's price on top of the plan's list price, per SKU, segment and month. */
  readonly priceFactor: (sku: string, segment: string, period: string) => number;
  /** The supply version the new one overlays, or null to store it whole. */
  readonly overlayOf: number | null;
  /** Called in the storing transaction with what the run planned, for the caller's own records. */
  readonly stored?: (
    trx: Transaction<Schema>,
    result: { problem: SupplyProblem; plan: SupplyPlan; versionId: number; cells: number },
  ) => Promise<void>;
}

export interface SupplyRunInfo {
  readonly id: number;
  readonly scenarioId: number;
  readonly demandVersionId: number | null;
  readonly versionId: number | null;
  readonly strategy: SupplyStrategy;
  readonly status: "running" | "finished" | "failed";
  readonly phase: SupplyPhase;
  /** Percent done, from the phase (a solve reports no progress of its own). */
  readonly progress: number;
  readonly outcome: string | null;
  readonly totalCost: number | null;
  readonly firstPeriod: string;
  readonly horizon: number;
  readonly error: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export const DEFAULT_SUPPLY_RUN = { horizon: 18, strategy: "optimal", timeLimitSeconds: 120 } as const;

const PROGRESS: Record<SupplyPhase, number> = { assembling: 10, solving: 30, storing: 90, done: 100 };
/** Issues listed in an error; the run row keeps them all. */
const ISSUES_SHOWN = 20;

export class SupplyService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly plans: PlanService,
    private readonly solver: SolverHandle,
    private readonly inputs: SupplyInputService,
    private readonly now: () => Date,
  ) {}

  /**
   * The base plan's past and running runs, newest first: a scenario's runs belong to its re-plans
   * and are read through the scenario.
   */
  async runs(): Promise<SupplyRunInfo[]> {
    const rows = await this.selectRuns()
      .where("scenario_id", "in", (eb) =>
        eb.selectFrom("scenarios").select("id").where("parent_id", "is", null),
      )
      .orderBy("id", "desc")
      .limit(50)
      .execute();
    return rows.map(toRunInfo);
  }

  /** The run a queue job started (its latest attempt), or null before a worker picked it up. */
  async runForJob(jobId: string): Promise<SupplyRunInfo | null> {
    const row = await this.selectRuns().where("job_id", "=", jobId).orderBy("id", "desc").executeTakeFirst();
    return row ? toRunInfo(row) : null;
  }

  /** One run with its summary (null until it finished) and the issues that failed it, if any. */
  async detail(
    id: number,
  ): Promise<{ run: SupplyRunInfo; summary: SupplyRunSummary | null; issues: ImportIssue[] }> {
    const row = await this.selectRuns().select(["summary", "issues"]).where("id", "=", id).executeTakeFirst();
    if (!row) throw new AppError("not_found", `no supply run ${id}`);
    const summary = row.summary as SupplyRunSummary | null;
    return {
      run: toRunInfo(row),
      // jsonb keeps no key order: costs come back in the model's order of cost kinds.
      summary: summary && {
        ...summary,
        costs: {
          ...summary.costs,
          byKind: Object.fromEntries(
            COST_KINDS.map((k) => [k, summary.costs.byKind[k] ?? 0]),
          ) as CostBreakdown,
        },
      },
      issues: (row.issues as ImportIssue[] | null) ?? [],
    };
  }

  /** A run as the supply review shows it: the summary, the production plan and stock per SKU. */
  async review(id: number) {
    const detail = await this.detail(id);
    const { run, summary } = detail;
    const plan =
      run.versionId !== null && summary
        ? await loadSupplyReview(this.database, run.versionId, summary.periods)
        : { production: [], inventory: [], resourceNames: {} };
    return { ...detail, ...plan };
  }

  async run(request: SupplyRunRequest, options: SupplyRunOptions = {}): Promise<SupplyRunInfo> {
    const db = this.database.db;
    const company = await this.workspace.company();
    const user = request.userId === null ? null : { id: request.userId };
    const scenarioId = request.scenarioId ?? (await this.plans.baseScenario(user));
    const cycle = request.cycle ?? company.currentPeriod;
    if (bucketOf(cycle) !== company.bucket)
      throw new AppError(
        "bad_request",
        `cycle: ${cycle} is not a ${company.bucket} like the company's cycles`,
      );
    const pastCycle = cycle < company.currentPeriod;
    if (cycle > company.currentPeriod)
      throw new AppError(
        "bad_request",
        `cycle: ${cycle} has not begun (the current cycle is ${company.currentPeriod})`,
      );
    if (pastCycle && options.adjust)
      throw new AppError("bad_request", `cycle: a scenario is re-planned in the current cycle, not ${cycle}`);
    // A past cycle sees the books as they stood on the last day before it.
    const asOf = pastCycle ? addDays(periodStart(cycle), -1) : company.asOf;
    const { id: runId } = await db
      .insertInto("supply_runs")
      .values({
        scenario_id: scenarioId,
        demand_version_id: null,
        version_id: null,
        strategy: request.strategy,
        first_period: cycle,
        horizon: request.horizon,
        time_limit_seconds: request.timeLimitSeconds,
        status: "running",
        phase: "assembling",
        outcome: null,
        job_id: options.jobId ?? null,
        requested_by: request.userId,
        started_at: this.now(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const phase = async (next: SupplyPhase) => {
      options.onPhase?.(next);
      await db.updateTable("supply_runs").set({ phase: next }).where("id", "=", runId).execute();
    };

    try {
      options.onPhase?.("assembling");
      const adjust = options.adjust;
      const source = adjust?.sourceScenarioId ?? scenarioId;
      const loaded = await loadSupplyData(this.database, {
        scenarioId: source,
        currentPeriod: cycle,
        asOf,
        bucket: company.bucket,
        horizon: request.horizon,
        pastCycle,
      });
      const data = adjust ? adjust.data(loaded) : loaded;
      const split: { before?: readonly SplitDemand[]; after?: readonly SplitDemand[] } = {};
      const assembled = assembleSupplyProblem(
        data,
        adjust &&
          ((before) => {
            split.before = before;
            split.after = adjust.demand(before);
            return split.after;
          }),
      );
      const demandVersionId = adjust
        ? await adjust.storeDemand(data, split.before ?? [], split.after ?? [])
        : data.demandVersion.id;
      await db
        .updateTable("supply_runs")
        .set({ demand_version_id: demandVersionId })
        .where("id", "=", runId)
        .execute();
      const { stockTargets, issues: dataIssues, supplierResponsesUsed } = assembled;
      const inForce = applySupplyInputs(
        assembled.problem,
        pastCycle ? NO_SUPPLY_INPUTS : await this.inputs.inForce(source),
      );
      const { applied } = inForce;
      const problem = adjust ? adjust.problem(inForce.problem) : inForce.problem;
      const issues = [...dataIssues, ...validateSupplyProblem(problem)];
      if (issues.length > 0) throw new RunFailure(invalidData(issues), "invalid", issues);

      await phase("solving");
      const { planned, plan, solve } = await this.plan(request, problem);

      await phase("storing");
      const context = await loadFinanceContext(this.database, planned.periods);
      const finance = supplyFinance(planned, plan, data, context, adjust?.priceFactor);
      const summary = {
        ...runSummary(planned, plan, solve, applied),
        supplierResponsesUsed: supplierResponsesUsed.length,
        finance: finance.summary,
        alignment: supplyAlignment(planned, plan, data, (sku) => context.paths.get(sku)?.at(-1) ?? sku),
      };
      const requirements = supplierRequirements(planned, plan);
      const whole = joinCells(planCells(planned, plan, stockTargets), finance.cells);
      const overlayOf = adjust?.overlayOf ?? null;
      const cells =
        overlayOf === null
          ? whole
          : overlayCells(await sqlRows(db)<StoredCell>(sql`SELECT * FROM plan_cells(${overlayOf})`), whole);
      await db.transaction().execute(async (trx) => {
        const version = await this.plans.createVersionIn(trx, {
          scenarioId,
          kind: "supply",
          label: pastCycle
            ? `Supply plan (${request.strategy}) for the ${cycle} cycle`
            : `Supply plan (${request.strategy}) ${this.now().toISOString().slice(0, 10)}`,
          cyclePeriod: cycle,
          user,
          ...(overlayOf === null ? {} : { overlayOf }),
        });
        await insertCellColumns(trx, version.id, cells);
        await trx
          .updateTable("supply_runs")
          .set({
            version_id: version.id,
            status: "finished",
            phase: "done",
            outcome: solve.outcome,
            total_cost: summary.costs.total,
            summary: JSON.stringify(summary),
            finished_at: this.now(),
          })
          .where("id", "=", runId)
          .execute();
        await storeSupplierRequirements(trx, runId, requirements, supplierResponsesUsed);
        await adjust?.stored?.(trx, {
          problem: planned,
          plan,
          versionId: version.id,
          cells: cells.value.length,
        });
      });
      options.onPhase?.("done");
      return (await this.detail(runId)).run;
    } catch (caught) {
      const failure = caught instanceof RunFailure ? caught : new RunFailure(caught as Error, "error");
      await db
        .updateTable("supply_runs")
        .set({
          status: "failed",
          outcome: failure.outcome,
          error: failure.error.message,
          issues: failure.issues.length > 0 ? JSON.stringify(failure.issues.map(toImportIssue)) : null,
          finished_at: this.now(),
        })
        .where("id", "=", runId)
        .execute();
      throw failure.error;
    }
  }

  /**
   * The plan by the requested method. The heuristics cannot make components, so they plan
   * intermediates as phantoms; the optimiser plans the problem as it is.
   */
  private async plan(request: SupplyRunRequest, problem: SupplyProblem) {
    if (request.strategy !== "optimal") {
      const planned = phantomIntermediates(problem);
      const started = performance.now();
      const plan = request.strategy === "level" ? levelPlan(planned) : chasePlan(planned);
      const seconds = (performance.now() - started) / 1000;
      return {
        planned,
        plan,
        solve: { outcome: "heuristic" as const, objective: null, mipGap: null, seconds },
      };
    }
    const result = await this.solver.plan(problem, request.timeLimitSeconds);
    if (result.status === "invalid")
      throw new RunFailure(invalidData(result.issues), "invalid", result.issues);
    if (result.status === "infeasible") {
      const names = result.conflict.slice(0, ISSUES_SHOWN).join(", ");
      const error = new AppError(
        "invalid_data",
        `no supply plan meets the hard limits; in conflict: ${names}`,
        {
          conflict: result.conflict,
        },
      );
      throw new RunFailure(error, "infeasible");
    }
    if (!result.plan) {
      const error =
        result.status === "time-limit"
          ? new AppError(
              "conflict",
              `no supply plan was found within ${request.timeLimitSeconds} s; allow more time`,
            )
          : new AppError("invalid_data", `the optimiser failed (${result.status}): ${result.detail}`);
      throw new RunFailure(error, result.status);
    }
    const { objective, mipGap, seconds } = result;
    return {
      planned: problem,
      plan: result.plan,
      solve: { outcome: result.status, objective, mipGap, seconds },
    };
  }

  private selectRuns() {
    return this.database.db
      .selectFrom("supply_runs")
      .select([
        "id",
        "scenario_id",
        "demand_version_id",
        "version_id",
        "strategy",
        "status",
        "phase",
        "outcome",
        "total_cost",
        "first_period",
        "horizon",
        "error",
        "started_at",
        "finished_at",
      ]);
  }
}

/** How a run failed: the error its caller sees, the outcome recorded, and the bad data if any. */
class RunFailure {
  constructor(
    readonly error: Error,
    readonly outcome: "invalid" | "infeasible" | "unbounded" | "time-limit" | "error",
    readonly issues: readonly SupplyIssue[] = [],
  ) {}
}

function toImportIssue(issue: SupplyIssue): ImportIssue {
  return { file: issue.entity, row: 0, value: issue.key, message: issue.message };
}

function invalidData(issues: readonly SupplyIssue[]): AppError {
  const all = issues.map(toImportIssue);
  return new AppError(
    "invalid_data",
    `the supply data cannot be planned: ${issues.length} issue${issues.length === 1 ? "" : "s"}; nothing was saved`,
    { issues: all.slice(0, ISSUES_SHOWN), issueCount: all.length },
  );
}

function toRunInfo(row: {
  id: number;
  scenario_id: number;
  demand_version_id: number | null;
  version_id: number | null;
  strategy: string;
  status: string;
  phase: string;
  outcome: string | null;
  total_cost: string | null;
  first_period: string;
  horizon: number;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}): SupplyRunInfo {
  const phase = row.phase as SupplyPhase;
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    demandVersionId: row.demand_version_id,
    versionId: row.version_id,
    strategy: row.strategy as SupplyStrategy,
    status: row.status as SupplyRunInfo["status"],
    phase,
    progress: PROGRESS[phase],
    outcome: row.outcome,
    totalCost: row.total_cost === null ? null : Number(row.total_cost),
    firstPeriod: row.first_period as PeriodKey,
    horizon: row.horizon,
    error: row.error,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
