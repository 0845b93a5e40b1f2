// `fulcrum forecast` (run now, or queue it for the workers) and `fulcrum worker`.

import { AppError, createFulcrum, FORECAST_LEVELS, JobQueue } from "@fulcrum/app";
import { openDatabase } from "@fulcrum/storage";
import type { CliConfig } from "../config";
import { withFulcrum } from "../session";

export async function forecast(
  config: CliConfig,
  options: { horizon: string; history: string; level: string; scenario?: string; queue: boolean },
): Promise<void> {
  const level = FORECAST_LEVELS.find((l) => l === options.level);
  if (!level)
    throw new AppError(
      "bad_request",
      `--level must be one of ${FORECAST_LEVELS.join(", ")}, not ${options.level}`,
    );
  if (options.scenario !== undefined && !/^\d+$/.test(options.scenario))
    throw new AppError("bad_request", `--scenario must be a scenario id, not ${options.scenario}`);
  const request = {
    horizon: Number(options.horizon),
    historyMonths: Number(options.history),
    level,
    scenarioId: options.scenario === undefined ? undefined : Number(options.scenario),
    userId: null,
  };
  await withFulcrum(config, async (fulcrum) => {
    if (options.queue) {
      const queue = await JobQueue.open(fulcrum.database.url);
      console.log(
        `Queued forecast run ${await queue.enqueueForecast(request)}; a \`fulcrum worker\` will pick it up.`,
      );
      await queue.close();
      return;
    }
    let shown = -1;
    const summary = await fulcrum.forecasts.run(request, {
      onProgress: (done, total) => {
        const percent = Math.floor((100 * done) / total);
        if (percent >= shown + 10 || done === total) {
          shown = percent;
          process.stdout.write(`\r${done}/${total} series (${percent} %)`);
        }
      },
    });
    const methods = Object.entries(summary.methods)
      .map(([m, n]) => `${m} ${n}`)
      .join(", ");
    console.log(
      `\nForecast ${summary.series} series (${summary.level}) for ${summary.horizon} months from ${summary.firstPeriod} into plan version ${summary.versionId} (${methods}).`,
    );
  });
}

export async function worker(config: CliConfig): Promise<void> {
  const database = await openDatabase(config);
  const queue = await JobQueue.open(database.url);
  const fulcrum = createFulcrum(database);
  await queue.workForecasts(fulcrum.forecasts, (message) => console.log(message));
  await queue.workSupply(fulcrum.supply, (message) => console.log(message));
  await queue.workScenarios(fulcrum.scenarios, (message) => console.log(message));
  console.log("Worker is waiting for jobs (Ctrl-C stops it).");
  const stop = async () => {
    await queue.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
