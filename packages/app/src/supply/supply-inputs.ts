// What the supply planner has put in force for a scenario's next run — firm production
// commitments, the frozen horizon, and capacity edits — and how they change the assembled
// supply problem. Pure: the service reads the log, this file applies it.

import type { PeriodKey } from "@fulcrum/domain";
import type { SupplyProblem } from "@fulcrum/engines";

export const SUPPLY_INPUT_KINDS = [
  "firm_production",
  "regular_hours",
  "overtime_hours",
  "frozen_periods",
] as const;
export type SupplyInputKind = (typeof SUPPLY_INPUT_KINDS)[number];

export interface FirmCommitment {
  readonly sku: string;
  readonly plant: string;
  readonly period: PeriodKey;
  readonly quantity: number;
}

/** A resource's hours for one period in place of its calendar; null keeps the calendar's. */
export interface CapacityEdit {
  readonly resource: string;
  readonly period: PeriodKey;
  readonly regularHours: number | null;
  readonly overtimeHours: number | null;
}

export interface SupplyInputs {
  /** Months from the current one in which production is exactly the firm commitments. */
  readonly frozenPeriods: number;
  readonly firmProduction: readonly FirmCommitment[];
  readonly capacity: readonly CapacityEdit[];
}

export const NO_SUPPLY_INPUTS: SupplyInputs = { frozenPeriods: 0, firmProduction: [], capacity: [] };

/** What a run planned with: counts of the inputs that fell inside its horizon. */
export interface AppliedInputs {
  readonly frozenPeriods: number;
  readonly firmCommitments: number;
  readonly capacityEdits: number;
}

/**
 * The problem with the planner's inputs in it: commitments in the horizon become firm production
 * (a commitment for an item or plant the problem does not make stays in, so validation names it),
 * the frozen horizon is cut to the horizon, and each capacity edit replaces the calendar's regular
 * or overtime hours of its resource and period. Inputs outside the horizon (past months, or beyond
 * the last planned one) and edits of resources no routing of the plan uses are left out.
 */
export function applySupplyInputs(
  problem: SupplyProblem,
  inputs: SupplyInputs,
): { readonly problem: SupplyProblem; readonly applied: AppliedInputs } {
  const index = new Map(problem.periods.map((p, t) => [p, t]));
  const firmProduction = inputs.firmProduction.filter((f) => index.has(f.period));
  const edits = inputs.capacity.filter((e) => index.has(e.period));
  let capacityEdits = 0;
  const resources = problem.resources.map((resource) => {
    const own = edits.filter((e) => e.resource === resource.code);
    if (own.length === 0) return resource;
    capacityEdits += own.length;
    const regularHours = [...resource.regularHours];
    const maxOvertimeHours = [...resource.maxOvertimeHours];
    for (const edit of own) {
      const t = index.get(edit.period)!;
      if (edit.regularHours !== null) regularHours[t] = edit.regularHours;
      if (edit.overtimeHours !== null) maxOvertimeHours[t] = edit.overtimeHours;
    }
    return { ...resource, regularHours, maxOvertimeHours };
  });
  const frozenPeriods = Math.min(inputs.frozenPeriods, problem.periods.length);
  return {
    problem: { ...problem, resources, firmProduction, frozenPeriods },
    applied: { frozenPeriods, firmCommitments: firmProduction.length, capacityEdits },
  };
}
