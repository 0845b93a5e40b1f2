// The optimiser end to end, as the application will call it: validate the problem, build the
// model, solve it in the worker, and read the plan back — with a status for every way it can end.

import {
  buildSupplyModel,
  readSupplyPlan,
  type SupplyIssue,
  type SupplyPlan,
  type SupplyProblem,
  validateSupplyProblem,
} from "@fulcrum/engines";
import type { SolveOptions } from "./solve-result";
import type { Solver } from "./solver";

export type SupplyPlanResult =
  /** The data cannot be planned; nothing was solved. */
  | { readonly status: "invalid"; readonly issues: readonly SupplyIssue[] }
  /** A plan: optimal, or the best found when the time limit struck (`mipGap` says how good). */
  | {
      readonly status: "optimal" | "time-limit";
      readonly plan: SupplyPlan;
      readonly objective: number;
      readonly mipGap: number | null;
      readonly seconds: number;
    }
  /** No plan satisfies the hard constraints; `conflict` names the rows and columns that clash. */
  | { readonly status: "infeasible"; readonly conflict: readonly string[]; readonly detail: string }
  /** No plan: unbounded (a cost data error), an error, or a time limit before any plan was found. */
  | {
      readonly status: "unbounded" | "error" | "time-limit";
      readonly plan?: undefined;
      readonly detail: string;
    };

export async function planSupply(
  solver: Solver,
  problem: SupplyProblem,
  options: SolveOptions = {},
): Promise<SupplyPlanResult> {
  const issues = validateSupplyProblem(problem);
  if (issues.length > 0) return { status: "invalid", issues };
  const supply = buildSupplyModel(problem);
  const result = await solver.solve(supply.model, options);
  if (result.status === "infeasible")
    return { status: "infeasible", conflict: result.conflictNames, detail: result.detail };
  if (
    (result.status === "optimal" || result.status === "time-limit") &&
    result.columns &&
    result.objective !== null
  ) {
    const plan = readSupplyPlan(supply, {
      columns: result.columns,
      ...(result.duals ? { duals: result.duals } : {}),
    });
    return {
      status: result.status,
      plan,
      objective: result.objective,
      mipGap: result.mipGap,
      seconds: result.seconds,
    };
  }
  return { status: result.status === "optimal" ? "error" : result.status, detail: result.detail };
}
