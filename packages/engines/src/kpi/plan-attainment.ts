// Production plan attainment: how much of what was planned was made, per resource, plant or SKU
// and period — the supply review's "did we do what we said" measure. Over-production does not
// make up for a shortfall elsewhere (min(actual, planned)), and a separate share of periods within
// a tolerance band shows whether the plan was followed or merely reached on the total.

import type { PeriodKey } from "@fulcrum/domain";

/** Planned and actual quantity (units or hours) of one key — a resource, plant or SKU — in a period. */
export interface AttainmentCell {
  readonly key: string;
  readonly period: PeriodKey;
  readonly planned: number;
  readonly actual: number;
}

export interface PeriodAttainment extends AttainmentCell {
  /** min(actual, planned) / planned; null when nothing was planned. */
  readonly attainment: number | null;
  /** |actual − planned| ≤ tolerance · planned (so with nothing planned, only nothing made). */
  readonly withinTolerance: boolean;
}

export interface Attainment {
  /** The key, or null for the total over every key. */
  readonly key: string | null;
  readonly planned: number;
  readonly actual: number;
  /** Σ min(actual, planned) / Σ planned over the periods; null when nothing was planned. */
  readonly attainment: number | null;
  /** Share of the key's periods within ±tolerance of plan, in [0, 1]; null without periods. */
  readonly withinTolerance: number | null;
  readonly periods: readonly PeriodAttainment[];
}

/**
 * Plan attainment per key (in order of first appearance) and in total, with `tolerance` a share
 * of plan (0.05 for ±5 %). The total's attainment is Σ min(actual, planned) / Σ planned over all
 * cells, its share within tolerance over all cells.
 */
export function planAttainment(
  cells: readonly AttainmentCell[],
  tolerance: number,
): { readonly byKey: readonly Attainment[]; readonly total: Attainment } {
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be a share ≥ 0, not ${tolerance}`);
  const scored = cells.map((cell) => ({
    ...cell,
    attainment: cell.planned > 0 ? Math.min(cell.actual, cell.planned) / cell.planned : null,
    withinTolerance: Math.abs(cell.actual - cell.planned) <= tolerance * Math.abs(cell.planned),
  }));
  const byKey = new Map<string, PeriodAttainment[]>();
  for (const cell of scored) byKey.set(cell.key, [...(byKey.get(cell.key) ?? []), cell]);
  return {
    byKey: [...byKey].map(([key, periods]) => summarise(key, periods)),
    total: summarise(null, scored),
  };
}

function summarise(key: string | null, periods: readonly PeriodAttainment[]): Attainment {
  const planned = periods.reduce((sum, c) => sum + c.planned, 0);
  const met = periods.reduce((sum, c) => sum + Math.min(c.actual, c.planned), 0);
  return {
    key,
    planned,
    actual: periods.reduce((sum, c) => sum + c.actual, 0),
    attainment: planned > 0 ? met / planned : null,
    withinTolerance:
      periods.length > 0 ? periods.filter((c) => c.withinTolerance).length / periods.length : null,
    periods,
  };
}
