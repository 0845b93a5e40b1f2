// The statistical forecast run: history at the chosen level → forecasting engine → a new draft
// demand version holding the statistical layer (P50 as demand.statistical, with P10 and P90), plus
// each series' chosen model, scoreboard, backtest accuracy and fitted values. The run is recorded
// when it starts and its progress updated as it goes, so a worker's job can be followed. Long runs
// go through the job queue (jobs/job-queue.ts); this is what a worker does.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import {
  type CoherentBand,
  coherentForecast,
  type Forecast,
  groupPromotionLift,
  type HistorySeriesKey,
  promotionHistoryLift,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { loadPromotions, loadSegmentShares } from "../demand/promotion-data";
import { writeRunAdjustments } from "../demand/promotion-effects";
import type { NodeKind } from "../hierarchy/hierarchy-service";
import type { PlanService } from "../plans/plan-service";
import { insertCellColumns } from "../plans/plan-writer";
import type { WorkspaceService } from "../workspace/workspace-service";
import { type DemandSeries, type ForecastLevel, loadDemandHistory } from "./demand-history";
import { loadProductTree, type ProductTree, type RunNode, runHierarchy } from "./forecast-hierarchy";
import { forecastMany } from "./forecast-pool";
import { loadNodeForecast, type NodeForecast } from "./node-forecast";

export interface ForecastRunRequest {
  /** Months to forecast from the current cycle month. */
  readonly horizon: number;
  /** Months of history to learn from. */
  readonly historyMonths: number;
  readonly level: ForecastLevel;
  /** The scenario whose demand plan gets the new version; the base plan when omitted. */
  readonly scenarioId?: number;
  readonly userId: number | null;
}

export interface ForecastRunOptions {
  /** Called as batches of series finish, with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The queue job running this, so its progress can be looked up by job id. */
  readonly jobId?: string;
}

export interface ForecastRunSummary {
  readonly runId: number;
  readonly versionId: number;
  readonly level: ForecastLevel;
  readonly series: number;
  readonly firstPeriod: string;
  readonly horizon: number;
  readonly methods: Record<string, number>;
}

export type ForecastRunStatus = "running" | "finished" | "failed";

export interface ForecastRunInfo {
  readonly id: number;
  readonly versionId: number;
  readonly level: ForecastLevel;
  readonly status: ForecastRunStatus;
  readonly firstPeriod: string;
  readonly horizon: number;
  readonly series: number;
  readonly done: number;
  readonly total: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** How the levels were made to add up (null for runs from before reconciliation). */
  readonly reconciliation: {
    readonly method: "bottom-up" | "mint-shrink";
    readonly shrinkage: number | null;
  } | null;
}

export const DEFAULT_FORECAST_RUN = { horizon: 18, historyMonths: 36, level: "sku" } as const;

const LEVEL_LABELS: Record<ForecastLevel, string> = {
  sku: "SKU",
  "sku-location": "SKU × location",
  "sku-segment": "SKU × segment",
};
/** About this many progress steps per run (batches of at most 32 series, the pool's default). */
const PROGRESS_UPDATES = 50;
const MODEL_ROWS_PER_INSERT = 2000;

export class ForecastService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly plans: PlanService,
    private readonly now: () => Date,
  ) {}

  /** Past and running runs, newest first. */
  async runs(): Promise<ForecastRunInfo[]> {
    const rows = await this.selectRuns().orderBy("id", "desc").limit(50).execute();
    return rows.map(toRunInfo);
  }

  /** The run a queue job started (its latest attempt), or null before a worker picked it up. */
  async runForJob(jobId: string): Promise<ForecastRunInfo | null> {
    const row = await this.selectRuns().where("job_id", "=", jobId).orderBy("id", "desc").executeTakeFirst();
    return row ? toRunInfo(row) : null;
  }

  /**
   * The latest finished run seen from one hierarchy node (a group at any depth, a SKU, or every
   * product when `node` is omitted): history, fitted values, the P10/P50/P90 forecast and accuracy.
   */
  async latestForNode(node?: { code: string; kind: NodeKind }): Promise<NodeForecast> {
    const latest = await this.selectRuns()
      .where("status", "=", "finished")
      .orderBy("id", "desc")
      .executeTakeFirst();
    return loadNodeForecast(this.database, latest ? toRunInfo(latest) : null, node);
  }

  async run(request: ForecastRunRequest, options: ForecastRunOptions = {}): Promise<ForecastRunSummary> {
    const db = this.database.db;
    const startedAt = this.now();
    const company = await this.workspace.company();
    const history = await loadDemandHistory(
      this.database,
      company.currentPeriod,
      request.historyMonths,
      request.level,
    );
    const periods = periodRange(
      company.currentPeriod,
      addPeriods(company.currentPeriod, request.horizon - 1),
    );
    const window = periodRange(
      addPeriods(company.currentPeriod, -request.historyMonths),
      addPeriods(company.currentPeriod, -1),
    );
    const products = await loadProductTree(db);
    const hierarchy = runHierarchy(history, products, window, request.level === "sku");
    const lifts = promotionLifts(
      hierarchy.nodes,
      await loadPromotions(db),
      products,
      window,
      await loadSegmentShares(db, company.currentPeriod),
    );
    const user = request.userId === null ? null : { id: request.userId };
    const scenario = await this.plans.scenarioOrBase(request.scenarioId, user);
    const version = await this.plans.createVersion({
      scenarioId: scenario,
      kind: "demand",
      label: `Statistical forecast by ${LEVEL_LABELS[request.level]} ${startedAt.toISOString().slice(0, 10)}`,
      cyclePeriod: company.currentPeriod,
      user,
    });
    const { id: runId } = await db
      .insertInto("forecast_runs")
      .values({
        version_id: version.id,
        first_period: company.currentPeriod,
        horizon: request.horizon,
        level: request.level,
        status: "running",
        series: 0,
        total: hierarchy.nodes.length,
        job_id: options.jobId ?? null,
        requested_by: request.userId,
        started_at: startedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    // Progress is written as batches finish, one write after the other, without holding them up.
    let progressWritten = Promise.resolve();
    try {
      // Every node is forecast from its own history (groups and the company too), then the
      // levels are reconciled so that they add up.
      // Series start at their first demand; past promotions' effects are divided out of their
      // months so the models do not learn a promotion's peak (or the dip after it) as normal demand.
      const starts = hierarchy.histories.map((values) =>
        Math.max(
          0,
          values.findIndex((v) => v > 0),
        ),
      );
      const results = await forecastMany(
        hierarchy.histories.map((values, i) => ({
          values: values.slice(starts[i]),
          horizon: request.horizon,
          period: 12,
          quantiles: [0.1, 0.5, 0.9],
          cleansing: { promotionLift: lifts[i]!.slice(starts[i]) },
        })),
        {
          batchSize: Math.min(32, Math.ceil(hierarchy.nodes.length / PROGRESS_UPDATES)),
          onProgress: (done, total) => {
            options.onProgress?.(done, total);
            progressWritten = progressWritten.then(async () => {
              await db.updateTable("forecast_runs").set({ done }).where("id", "=", runId).execute();
            });
          },
        },
      );
      await progressWritten;
      const forecasts = results.map((result, i) => {
        // Every node has demand in the window (series start at their first demand).
        if (!result.ok)
          throw new Error(`forecast of node ${hierarchy.tree.ids[i]}: ${result.issues.join("; ")}`);
        return result.forecast;
      });
      const coherent = coherentForecast(hierarchy.tree, forecasts, hierarchy.histories);
      const output = new RunOutput(runId, periods);
      hierarchy.nodes.forEach((node, i) => {
        const band = coherent.bands[i]!;
        if (node.kind === "series") output.add(node.series, forecasts[i]!, band);
        else {
          output.addNode(node.kind, node.code, window[starts[i]!]!, forecasts[i]!, band);
        }
      });
      return await db.transaction().execute(async (trx) => {
        const { cells } = output;
        await insertCellColumns(trx, version.id, cells);
        // The promotions calendar and the transitions, on the forecast just written.
        await writeRunAdjustments(trx, version.id, company.currentPeriod);
        // In chunks: one INSERT takes at most 65,535 parameters, 16 per model row.
        for (let i = 0; i < output.models.length; i += MODEL_ROWS_PER_INSERT)
          await trx
            .insertInto("forecast_models")
            .values(output.models.slice(i, i + MODEL_ROWS_PER_INSERT))
            .execute();
        for (let i = 0; i < output.nodes.length; i += MODEL_ROWS_PER_INSERT)
          await trx
            .insertInto("forecast_nodes")
            .values(output.nodes.slice(i, i + MODEL_ROWS_PER_INSERT))
            .execute();
        await trx
          .updateTable("forecast_runs")
          .set({
            status: "finished",
            done: hierarchy.nodes.length,
            reconciliation: coherent.method,
            shrinkage: coherent.lambda ?? null,
            series: output.models.length,
            finished_at: this.now(),
          })
          .where("id", "=", runId)
          .execute();
        return {
          runId,
          versionId: version.id,
          level: request.level,
          series: output.models.length,
          firstPeriod: company.currentPeriod,
          horizon: request.horizon,
          methods: output.methods,
        };
      });
    } catch (error) {
      await progressWritten.catch(() => {}); // the run's failure is the error worth reporting
      await db
        .updateTable("forecast_runs")
        .set({ status: "failed", error: (error as Error).message, finished_at: this.now() })
        .where("id", "=", runId)
        .execute();
      throw error;
    }
  }

  private selectRuns() {
    return this.database.db
      .selectFrom("forecast_runs")
      .select([
        "id",
        "version_id",
        "level",
        "status",
        "first_period",
        "horizon",
        "series",
        "done",
        "total",
        "started_at",
        "finished_at",
        "reconciliation",
        "shrinkage",
      ]);
  }
}

/** What a run writes: plan cells as column arrays (one unnest INSERT), and a model row per series. */
class RunOutput {
  readonly cells = {
    measure: [] as string[],
    sku: [] as string[],
    location: [] as (string | null)[],
    segment: [] as (string | null)[],
    period: [] as string[],
    value: [] as number[],
  };
  readonly models: {
    run_id: number;
    sku: string;
    location: string | null;
    segment: string | null;
    method: string;
    model: string;
    demand_class: string;
    scoreboard: string;
    notes: string;
    history_start: string;
    fitted: string;
    backtest_mae: number | null;
    backtest_rmse: number | null;
    backtest_bias: number | null;
    backtest_mase: number | null;
    mean_demand: number;
    cleansing: string;
  }[] = [];
  readonly methods: Record<string, number> = {};

  constructor(
    private readonly runId: number,
    private readonly periods: readonly PeriodKey[],
  ) {}

  readonly nodes: {
    run_id: number;
    kind: string;
    code: string;
    method: string;
    model: string;
    demand_class: string;
    scoreboard: string;
    notes: string;
    history_start: string;
    fitted: string;
    p10: number[];
    p50: number[];
    p90: number[];
  }[] = [];

  /** A forecast series of the run's level: its reconciled band goes into the demand version. */
  add(series: DemandSeries, forecast: Forecast, band: CoherentBand): void {
    const layers: [string, readonly number[]][] = [
      ["demand.statistical.p10", band.p10],
      ["demand.statistical", band.p50],
      ["demand.statistical.p90", band.p90],
    ];
    for (const [measure, values] of layers) {
      this.periods.forEach((period, i) => {
        this.cells.measure.push(measure);
        this.cells.sku.push(series.sku);
        this.cells.location.push(series.location);
        this.cells.segment.push(series.segment);
        this.cells.period.push(period);
        this.cells.value.push(Math.max(0, values[i] ?? 0));
      });
    }
    this.methods[forecast.method] = (this.methods[forecast.method] ?? 0) + 1;
    const chosen = forecast.scoreboard.find((entry) => entry.chosen);
    const finite = (value: number | undefined) =>
      value !== undefined && Number.isFinite(value) ? value : null;
    this.models.push({
      run_id: this.runId,
      sku: series.sku,
      location: series.location,
      segment: series.segment,
      method: forecast.method,
      model: forecast.model,
      demand_class: forecast.demand.demandClass,
      scoreboard: JSON.stringify(forecast.scoreboard),
      notes: JSON.stringify(forecast.notes),
      history_start: series.start,
      fitted: JSON.stringify(forecast.fitted),
      backtest_mae: finite(chosen?.mae),
      backtest_rmse: finite(chosen?.rmse),
      backtest_bias: finite(chosen?.bias),
      backtest_mase: finite(chosen?.mase),
      mean_demand: series.values.reduce((a, b) => a + b, 0) / series.values.length,
      cleansing: JSON.stringify(
        forecast.cleansing.map((c) => ({
          period: addPeriods(series.start, c.index),
          original: c.original,
          cleansed: c.cleansed,
          reason: c.reason,
        })),
      ),
    });
  }

  /** A node above the run's level (the company, a group, a SKU over its series). */
  addNode(
    kind: "all" | "group" | "item",
    code: string,
    historyStart: PeriodKey,
    forecast: Forecast,
    band: CoherentBand,
  ): void {
    this.nodes.push({
      run_id: this.runId,
      kind,
      code,
      method: forecast.method,
      model: forecast.model,
      demand_class: forecast.demand.demandClass,
      scoreboard: JSON.stringify(forecast.scoreboard),
      notes: JSON.stringify(forecast.notes),
      history_start: historyStart,
      fitted: JSON.stringify(forecast.fitted),
      p10: [...band.p10],
      p50: [...band.p50],
      p90: [...band.p90],
    });
  }
}

/**
 * Per node of the run's hierarchy, the factor past promotions multiplied each window month by
 * (`promotionHistoryLift`): series and SKUs take promotions on their SKU or a group above it,
 * groups only promotions on themselves or a group above, the company node none.
 */
function promotionLifts(
  nodes: readonly RunNode[],
  promotions: Parameters<typeof promotionHistoryLift>[1],
  products: ProductTree,
  window: readonly PeriodKey[],
  segmentShares: Parameters<typeof promotionHistoryLift>[4],
): number[][] {
  // One call per kind of node: the engines index the promotions once per call.
  const skuNodes = nodes.flatMap((node, i): { i: number; key: HistorySeriesKey }[] =>
    node.kind === "series"
      ? [{ i, key: { sku: node.series.sku, segment: node.series.segment } }]
      : node.kind === "item"
        ? [{ i, key: { sku: node.code, segment: null } }]
        : [],
  );
  const groupNodes = nodes.flatMap((node, i) => (node.kind === "group" ? [{ i, code: node.code }] : []));
  const lifts = nodes.map(() => window.map(() => 1));
  const bySku = promotionHistoryLift(
    skuNodes.map((n) => n.key),
    promotions,
    products,
    window,
    segmentShares,
  );
  skuNodes.forEach((n, j) => {
    lifts[n.i] = bySku[j]!;
  });
  const byGroup = groupPromotionLift(
    groupNodes.map((n) => n.code),
    promotions,
    products,
    window,
    segmentShares,
  );
  groupNodes.forEach((n, j) => {
    lifts[n.i] = byGroup[j]!;
  });
  return lifts;
}

function toRunInfo(row: {
  id: number;
  version_id: number;
  level: string;
  status: string;
  first_period: string;
  horizon: number;
  series: number;
  done: number;
  total: number;
  started_at: Date;
  finished_at: Date | null;
  reconciliation: string | null;
  shrinkage: number | null;
}): ForecastRunInfo {
  return {
    id: row.id,
    versionId: row.version_id,
    level: row.level as ForecastLevel,
    status: row.status as ForecastRunStatus,
    firstPeriod: row.first_period,
    horizon: row.horizon,
    series: row.series,
    done: row.done,
    total: row.total,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    reconciliation: row.reconciliation
      ? { method: row.reconciliation as "bottom-up" | "mint-shrink", shrinkage: row.shrinkage }
      : null,
  };
}
