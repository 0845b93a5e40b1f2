// Reads a solver's answer (column values, and duals when the model was an LP) back into a
// SupplyPlan through the same assembler the heuristics use.

import { assemblePlan, type PlanDecisions, QUANTITY_TOLERANCE } from "./assemble-plan";
import type { SupplyModel } from "./build-supply-model";
import type { SupplyPlan } from "./supply-plan";

/** What the plan reader needs from any solver. */
export interface LpSolution {
  /** Column values in model order. */
  readonly columns: ArrayLike<number>;
  /** Row and column duals (reduced costs) in model order: LP only, absent for a MIP. */
  readonly duals?: { readonly rows: ArrayLike<number>; readonly columns: ArrayLike<number> };
}

export function readSupplyPlan(supply: SupplyModel, solution: LpSolution): SupplyPlan {
  // Solvers return −1e−12 for zero; plans should not show it.
  const value = (column: number | null) => {
    if (column === null) return 0;
    const x = solution.columns[column]!;
    return Math.abs(x) < QUANTITY_TOLERANCE ? 0 : x;
  };
  const series = (columns: readonly (number | null)[]) => columns.map(value);
  const optional = (columns: readonly (number | null)[]) =>
    columns.every((c) => c === null) ? null : series(columns);
  const duals = solution.duals;
  const decisions: PlanDecisions = {
    make: supply.production.map((p) => series(p.make)),
    subcontract: supply.production.map((p) => series(p.subcontract)),
    purchases: supply.purchases.map((p) => series(p.receipts)),
    transfers: supply.transfers.map((p) => series(p.departures)),
    closing: supply.inventory.map((p) => series(p.closing)),
    regular: supply.resources.map((r) => series(r.regular)),
    overtime: supply.resources.map((r) => series(r.overtime)),
    workers: supply.resources.map((r) => optional(r.workers)),
    hires: supply.resources.map((r) => optional(r.hires)),
    layoffs: supply.resources.map((r) => optional(r.layoffs)),
    backlog: supply.demand.map((d) => series(d.backlog)),
    lost: supply.demand.map((d) => series(d.lost)),
    ...(duals
      ? {
          hourShadowPrices: supply.resources.map((r) => r.loadRows.map((row) => duals.rows[row]!)),
          supplyShadowPrices: supply.purchases.map((p) =>
            p.receipts.map((c) => (c === null ? 0 : duals.columns[c]!)),
          ),
        }
      : {}),
  };
  return assemblePlan(supply.problem, "optimiser", decisions);
}
