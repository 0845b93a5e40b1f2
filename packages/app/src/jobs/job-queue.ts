// Long runs (forecasts and supply plans now; scenarios next) are jobs in a PostgreSQL-backed queue
// (pg-boss, in its own schema of Fulcrum's database). Any process that runs `fulcrum worker` — on
// this machine or another one pointed at the same database — picks them up, so a large company adds
// machines instead of waiting.

import PgBoss from "pg-boss";
import { EnvironmentError } from "../errors";
import type {
  ForecastRunRequest,
  ForecastRunSummary,
  ForecastService,
} from "../forecasting/forecast-service";
import type { ScenarioService } from "../scenarios/scenario-service";
import type { SupplyRunRequest, SupplyService } from "../supply/supply-service";

export const FORECAST_QUEUE = "forecast-run";
export const SUPPLY_QUEUE = "supply-run";
export const SCENARIO_QUEUE = "scenario-run";

/** A scenario re-plan: the supply run's settings for the scenario's pipeline. */
export interface ScenarioRunRequest extends Omit<SupplyRunRequest, "scenarioId"> {
  readonly scenarioId: number;
}

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export interface JobStatus {
  readonly id: string;
  readonly state: JobState;
  readonly output: unknown;
  readonly createdOn: string;
  readonly completedOn: string | null;
}

export class JobQueue {
  private constructor(private readonly boss: PgBoss) {}

  static async open(databaseUrl: string): Promise<JobQueue> {
    const boss = new PgBoss({ connectionString: databaseUrl, schema: "fulcrum_jobs", max: 4 });
    boss.on("error", (error) => console.error("job queue:", error.message));
    try {
      await boss.start();
      // Forecast runs take minutes on large companies; a run that dies is retried once.
      await boss.createQueue(FORECAST_QUEUE, { name: FORECAST_QUEUE, retryLimit: 1, expireInSeconds: 3600 });
      // A supply run that fails has a reason (bad data, infeasible) a retry would only repeat.
      await boss.createQueue(SUPPLY_QUEUE, { name: SUPPLY_QUEUE, retryLimit: 0, expireInSeconds: 3600 });
      await boss.createQueue(SCENARIO_QUEUE, { name: SCENARIO_QUEUE, retryLimit: 0, expireInSeconds: 3600 });
    } catch (cause) {
      throw new EnvironmentError(`the job queue could not start: ${(cause as Error).message}`, { cause });
    }
    return new JobQueue(boss);
  }

  async enqueueForecast(request: ForecastRunRequest): Promise<string> {
    const id = await this.boss.send(FORECAST_QUEUE, request);
    if (!id) throw new Error("the job queue refused the forecast run");
    return id;
  }

  async enqueueSupply(request: SupplyRunRequest): Promise<string> {
    const id = await this.boss.send(SUPPLY_QUEUE, request);
    if (!id) throw new Error("the job queue refused the supply run");
    return id;
  }

  async enqueueScenario(request: ScenarioRunRequest): Promise<string> {
    const id = await this.boss.send(SCENARIO_QUEUE, request);
    if (!id) throw new Error("the job queue refused the scenario run");
    return id;
  }

  async status(
    id: string,
    queue: typeof FORECAST_QUEUE | typeof SUPPLY_QUEUE | typeof SCENARIO_QUEUE = FORECAST_QUEUE,
  ): Promise<JobStatus | null> {
    const job = await this.boss.getJobById(queue, id, { includeArchive: true });
    if (!job) return null;
    return {
      id: job.id,
      state: job.state,
      output: job.output ?? null,
      createdOn: new Date(job.createdOn).toISOString(),
      completedOn: job.completedOn ? new Date(job.completedOn).toISOString() : null,
    };
  }

  /** Makes this process a worker for forecast runs; returns when the worker is registered. */
  async workForecasts(forecasts: ForecastService, log: (message: string) => void = () => {}): Promise<void> {
    await this.boss.work<ForecastRunRequest>(FORECAST_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      log(`forecast run ${job.id} started`);
      const summary: ForecastRunSummary = await forecasts.run(job.data, { jobId: job.id });
      log(`forecast run ${job.id} finished: ${summary.series} series into plan version ${summary.versionId}`);
      return summary;
    });
  }

  /** Makes this process a worker for supply runs (one at a time: the solver uses one worker thread). */
  async workSupply(supply: SupplyService, log: (message: string) => void = () => {}): Promise<void> {
    await this.boss.work<SupplyRunRequest>(SUPPLY_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      log(`supply run ${job.id} started (${job.data.strategy})`);
      const run = await supply.run(job.data, { jobId: job.id });
      log(`supply run ${job.id} finished: plan version ${run.versionId}, cost ${run.totalCost}`);
      return run;
    });
  }

  /** Makes this process a worker for scenario re-plans (one at a time, like supply runs). */
  async workScenarios(scenarios: ScenarioService, log: (message: string) => void = () => {}): Promise<void> {
    await this.boss.work<ScenarioRunRequest>(SCENARIO_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      const { scenarioId, ...request } = job.data;
      log(`scenario ${scenarioId} re-plan ${job.id} started`);
      const run = await scenarios.replan(scenarioId, request, { jobId: job.id });
      log(`scenario ${scenarioId} re-plan ${job.id} finished: supply run ${run.supplyRunId}`);
      return run;
    });
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true });
  }
}
