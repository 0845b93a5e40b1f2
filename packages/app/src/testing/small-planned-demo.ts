// A 12-SKU demo company with this cycle's statistical forecast and a user per role asked for: the
// fixture the commitment and order-promising tests plan, approve and commit on.

import type { Database } from "@fulcrum/storage";
import { createTestDatabase } from "@fulcrum/storage/testing";
import type { User } from "../auth/auth-service";
import { createFulcrum, type Fulcrum } from "../fulcrum";
import { SolverHandle } from "../supply/solver-handle";

export const SMALL_DEMO_NOW = new Date("2026-11-22T09:00:00Z");
/** A six-month optimiser run, the plan every test commits. */
export const SMALL_DEMO_RUN = { horizon: 6, strategy: "optimal", timeLimitSeconds: 60 } as const;

export interface SmallPlannedDemo {
  readonly database: Database;
  readonly fulcrum: Fulcrum;
  readonly solver: SolverHandle;
  /** The users made, by role (user name = role). */
  readonly users: Readonly<Record<string, User>>;
  /** Approves every stage before the executive meeting, each by its owner. */
  approveToExecutive(): Promise<void>;
  /** Takes the cycle to the executive meeting and commits the base plan as the executive. */
  commitBasePlan(rationale: string): Promise<Awaited<ReturnType<Fulcrum["commitments"]["commit"]>>>;
  close(): Promise<void>;
}

export async function openSmallPlannedDemo(roles: readonly User["role"][]): Promise<SmallPlannedDemo> {
  const database = await createTestDatabase();
  const solver = new SolverHandle();
  const fulcrum = createFulcrum(database, { now: () => SMALL_DEMO_NOW, solver });
  await fulcrum.loadDemo({ skuCount: 12, seed: 5, asOf: "2026-11-22" });
  await fulcrum.forecasts.run({ horizon: 6, historyMonths: 36, level: "sku", userId: null });
  const users: Record<string, User> = {};
  for (const role of roles)
    users[role] = await fulcrum.auth.createUser({
      username: role,
      displayName: role,
      role,
      password: `${role}-password`,
    });
  const approveToExecutive = async () => {
    for (const [stage, role] of [
      ["data_gathering", "demand_planner"],
      ["demand_review", "demand_planner"],
      ["supply_review", "supply_planner"],
      ["alignment", "supply_planner"],
    ] as const)
      await fulcrum.cycle.approve(stage, users[role]!);
  };
  return {
    database,
    fulcrum,
    solver,
    users,
    approveToExecutive,
    async commitBasePlan(rationale) {
      await approveToExecutive();
      const scenarioId = await fulcrum.plans.baseScenario(null);
      return fulcrum.commitments.commit({ scenarioId, rationale }, users.executive!);
    },
    async close() {
      await solver.discard();
      await database.close();
    },
  };
}
