// The demo's current cycle, played up to the alignment meeting so that every page has a plan to
// show on a new workspace: the statistical forecast of this month, the base supply plan, and two
// what-if scenarios — a spring promotion and a filling-line outage — re-planned through the same
// services a planner uses. The executive meeting (comparing them, committing one) is left to the user.

import { addPeriods, type PeriodKey } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { AppError } from "../errors";
import type { ForecastService } from "../forecasting/forecast-service";
import { DEFAULT_FORECAST_RUN } from "../forecasting/forecast-service";
import type { ScenarioService } from "../scenarios/scenario-service";
import { DEFAULT_SUPPLY_RUN, type SupplyService } from "../supply/supply-service";
import type { WorkspaceService } from "../workspace/workspace-service";

export interface DemoCurrentCycle {
  readonly supplyRunId: number;
  readonly scenarios: readonly { readonly id: number; readonly name: string }[];
}

export async function playDemoCurrentCycle(
  database: Database,
  services: {
    forecasts: ForecastService;
    supply: SupplyService;
    scenarios: ScenarioService;
    workspace: WorkspaceService;
  },
  options: { readonly horizon?: number } = {},
): Promise<DemoCurrentCycle> {
  const company = await services.workspace.company();
  if (!company.demo) throw new AppError("conflict", "the current cycle is played for the demo company only");
  const horizon = options.horizon ?? DEFAULT_SUPPLY_RUN.horizon;
  const people = await sql<{ id: number; username: string }>`
    SELECT id, username FROM users WHERE username IN ('dana', 'sol')`.execute(database.db);
  const id = (name: string) => {
    const found = people.rows.find((p) => p.username === name);
    if (!found) throw new AppError("conflict", `the demo user ${name} is missing`);
    return found.id;
  };
  const planner = { id: id("sol") };
  await services.forecasts.run({ ...DEFAULT_FORECAST_RUN, horizon, userId: id("dana") });
  const base = await services.supply.run({ ...DEFAULT_SUPPLY_RUN, horizon, userId: planner.id });

  const first = addPeriods(company.currentPeriod as PeriodKey, 3);
  const brand = await sql<{ code: string }>`
    SELECT code FROM product_groups WHERE parent_code IS NULL ORDER BY code LIMIT 1`.execute(database.db);
  const busiest = await sql<{ code: string }>`
    SELECT resource AS code FROM routings GROUP BY resource ORDER BY count(*) DESC, resource LIMIT 1`.execute(
    database.db,
  );
  const span = { from: first, to: addPeriods(first, 1) };
  const plans = [
    {
      name: "Spring promotion",
      description: "Marketing's proposal: a two-month promotion on the first brand in every channel.",
      change: {
        kind: "promotion",
        node: { kind: "group", code: brand.rows[0]!.code },
        segment: null,
        periods: span,
        upliftPercent: 25,
        discountPercent: 12,
      },
      reason: "Win shelf space before the summer season",
    },
    {
      name: "Filling line outage",
      description: "Maintenance's warning: the busiest line may need a two-month overhaul.",
      change: { kind: "capacity", resource: busiest.rows[0]!.code, periods: span, lineLost: true },
      reason: "Overhaul risk raised by maintenance",
    },
  ];
  const scenarios = [];
  for (const plan of plans) {
    const scenario = await services.scenarios.create(
      { name: plan.name, description: plan.description },
      planner,
    );
    await services.scenarios.addChange(scenario.id, { change: plan.change, reason: plan.reason }, planner);
    await services.scenarios.replan(scenario.id, { ...DEFAULT_SUPPLY_RUN, horizon, userId: planner.id });
    scenarios.push({ id: scenario.id, name: scenario.name });
  }
  return { supplyRunId: base.id, scenarios };
}
