// `fulcrum supply`: plan supply for the base scenario now, printing the phases and a cost summary,
// or queue the run for the workers.

import {
  AppError,
  JobQueue,
  SUPPLY_STRATEGIES,
  type SupplyRunRequest,
  type SupplyRunSummary,
} from "@fulcrum/app";
import { formatMoney } from "@fulcrum/domain";
import type { CliConfig } from "../config";
import { withFulcrum } from "../session";

export async function supply(
  config: CliConfig,
  options: { strategy: string; horizon: string; timeLimit: string; queue: boolean },
): Promise<void> {
  const strategy = SUPPLY_STRATEGIES.find((s) => s === options.strategy);
  if (!strategy)
    throw new AppError(
      "bad_request",
      `--strategy must be one of ${SUPPLY_STRATEGIES.join(", ")}, not ${options.strategy}`,
    );
  const request: SupplyRunRequest = {
    strategy,
    horizon: Number(options.horizon),
    timeLimitSeconds: Number(options.timeLimit),
    userId: null,
  };
  await withFulcrum(config, async (fulcrum) => {
    if (options.queue) {
      const queue = await JobQueue.open(fulcrum.database.url);
      console.log(
        `Queued supply run ${await queue.enqueueSupply(request)}; a \`fulcrum worker\` will pick it up.`,
      );
      await queue.close();
      return;
    }
    const started = performance.now();
    const run = await fulcrum.supply.run(request, {
      onPhase: (phase) =>
        console.log(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${phase}`),
    });
    const { summary } = await fulcrum.supply.detail(run.id);
    const { currency } = await fulcrum.workspace.company();
    console.log(costReport(summary!, (amount) => `${formatMoney(amount, currency)} ${currency.code}`));
    console.log(`Supply plan (${strategy}, ${summary!.outcome}) is plan version ${run.versionId}.`);
  });
}

/** Costs by kind, service and the largest shortages, as the supply review headlines them. */
export function costReport(summary: SupplyRunSummary, money: (amount: number) => string): string {
  const lines = Object.entries(summary.costs.byKind)
    .filter(([, amount]) => amount !== 0)
    .map(([kind, amount]) => `  ${kind.padEnd(24)}${money(amount).padStart(22)}`);
  const { service, shortageTotals } = summary;
  return [
    "Costs",
    ...lines,
    `  ${"Total".padEnd(24)}${money(summary.costs.total).padStart(22)}`,
    `Fill rate ${(service.fillRate * 100).toFixed(1)} %; ${shortageTotals.count} shortages, ${money(shortageTotals.revenueAtRisk)} revenue at risk`,
  ].join("\n");
}
