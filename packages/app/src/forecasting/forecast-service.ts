// The statistical forecast run: history → forecasting engine → a new draft demand version holding
// the statistical layer (P50 as demand.statistical, with P10 and P90), plus each SKU's chosen model
// and scoreboard. Long runs go through the job queue (jobs/job-queue.ts); this is what a worker does.

import { addPeriods, periodRange } from "@fulcrum/domain";
import { autoForecast } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { PlanService } from "../plans/plan-service";
import type { WorkspaceService } from "../workspace/workspace-service";
import { loadDemandHistory } from "./demand-history";

export interface ForecastRunRequest {
  /** Months to forecast from the current cycle month. */
  readonly horizon: number;
  /** Months of history to learn from. */
  readonly historyMonths: number;
  readonly userId: number | null;
}

export interface ForecastRunSummary {
  readonly runId: number;
  readonly versionId: number;
  readonly series: number;
  readonly firstPeriod: string;
  readonly horizon: number;
  readonly methods: Record<string, number>;
}

export const DEFAULT_FORECAST_RUN = { horizon: 18, historyMonths: 36 } as const;

export class ForecastService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly plans: PlanService,
    private readonly now: () => Date,
  ) {}

  /** Past runs, newest first. */
  async runs() {
    const rows = await this.database.db
      .selectFrom("forecast_runs")
      .select(["id", "version_id", "first_period", "horizon", "series", "finished_at"])
      .orderBy("id", "desc")
      .limit(50)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      versionId: r.version_id,
      firstPeriod: r.first_period,
      horizon: r.horizon,
      series: r.series,
      finishedAt: r.finished_at.toISOString(),
    }));
  }

  async run(
    request: ForecastRunRequest,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<ForecastRunSummary> {
    const startedAt = this.now();
    const company = await this.workspace.company();
    const history = await loadDemandHistory(this.database, company.currentPeriod, request.historyMonths);
    const periods = periodRange(
      company.currentPeriod,
      addPeriods(company.currentPeriod, request.horizon - 1),
    );
    const user = request.userId === null ? null : { id: request.userId };
    const scenario = await this.plans.baseScenario(user);
    const version = await this.plans.createVersion({
      scenarioId: scenario,
      kind: "demand",
      label: `Statistical forecast ${startedAt.toISOString().slice(0, 10)}`,
      cyclePeriod: company.currentPeriod,
      user,
    });

    const cells = {
      measure: [] as string[],
      sku: [] as string[],
      period: [] as string[],
      value: [] as number[],
    };
    const models: {
      sku: string;
      method: string;
      model: string;
      demand_class: string;
      scoreboard: string;
      notes: string;
    }[] = [];
    const methods: Record<string, number> = {};
    history.forEach((series, index) => {
      const result = autoForecast({
        values: series.values,
        horizon: request.horizon,
        period: 12,
        quantiles: [0.1, 0.5, 0.9],
      });
      onProgress(index + 1, history.length);
      if (!result.ok) return; // validated input: only empty series land here, and they have no demand to plan
      const { forecast } = result;
      const layers: [string, readonly number[]][] = [
        ["demand.statistical.p10", forecast.quantiles.find((q) => q.level === 0.1)?.values ?? forecast.point],
        ["demand.statistical", forecast.point],
        ["demand.statistical.p90", forecast.quantiles.find((q) => q.level === 0.9)?.values ?? forecast.point],
      ];
      for (const [measure, values] of layers) {
        periods.forEach((period, i) => {
          cells.measure.push(measure);
          cells.sku.push(series.sku);
          cells.period.push(period);
          cells.value.push(Math.max(0, values[i] ?? 0));
        });
      }
      methods[forecast.method] = (methods[forecast.method] ?? 0) + 1;
      models.push({
        sku: series.sku,
        method: forecast.method,
        model: forecast.model,
        demand_class: forecast.demand.demandClass,
        scoreboard: JSON.stringify(forecast.scoreboard),
        notes: JSON.stringify(forecast.notes),
      });
    });

    return this.database.db.transaction().execute(async (trx) => {
      await insertValues(version.id, cells.measure, cells.sku, cells.period, cells.value).execute(trx);
      const run = await trx
        .insertInto("forecast_runs")
        .values({
          version_id: version.id,
          first_period: company.currentPeriod,
          horizon: request.horizon,
          series: models.length,
          requested_by: request.userId,
          started_at: startedAt,
          finished_at: this.now(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (models.length > 0)
        await trx
          .insertInto("forecast_models")
          .values(models.map((m) => ({ ...m, run_id: run.id })))
          .execute();
      return {
        runId: run.id,
        versionId: version.id,
        series: models.length,
        firstPeriod: company.currentPeriod,
        horizon: request.horizon,
        methods,
      };
    });
  }
}

/** One INSERT for every cell, passing columns as arrays (unnest) instead of thousands of parameters. */
function insertValues(
  versionId: number,
  measure: string[],
  sku: string[],
  period: string[],
  value: number[],
) {
  return sql`
    INSERT INTO plan_values (version_id, measure, sku, location, segment, period, value)
    SELECT ${versionId}, m, s, NULL, NULL, p, v
    FROM unnest(${measure}::text[], ${sku}::text[], ${period}::text[], ${value}::float8[]) AS t(m, s, p, v)`;
}
