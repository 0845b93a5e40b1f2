// Copy-on-write versions: a scenario's version keeps only the cells where it differs from the
// version it overlays. A cell its parent has and it does not is stored as 0, so that reading the
// overlay through `plan_cells` gives exactly the scenario's plan.

import type { PlanCells } from "../supply/supply-output";

/** Differences below this are floating noise of the same plan, not a change. */
const SAME = 1e-6;

export interface StoredCell {
  readonly measure: string;
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
  readonly value: number;
}

const key = (measure: string, sku: string, location: string | null, segment: string | null, period: string) =>
  `${measure}\u0000${sku}\u0000${location ?? ""}\u0000${segment ?? ""}\u0000${period}`;

/** The cells of `next` that differ from `base`, and zeros for the cells of `base` that `next` lacks. */
export function overlayCells(base: readonly StoredCell[], next: PlanCells): PlanCells {
  const baseValue = new Map(
    base.map((c) => [key(c.measure, c.sku, c.location, c.segment, c.period), c.value]),
  );
  const out: PlanCells = { measure: [], sku: [], location: [], segment: [], period: [], value: [] };
  const push = (i: number, value: number) => {
    out.measure.push(next.measure[i]!);
    out.sku.push(next.sku[i]!);
    out.location.push(next.location[i]!);
    out.segment.push(next.segment[i]!);
    out.period.push(next.period[i]!);
    out.value.push(value);
  };
  const seen = new Set<string>();
  next.value.forEach((value, i) => {
    const k = key(next.measure[i]!, next.sku[i]!, next.location[i]!, next.segment[i]!, next.period[i]!);
    seen.add(k);
    const old = baseValue.get(k);
    if (old === undefined || Math.abs(old - value) > SAME) push(i, value);
  });
  for (const c of base) {
    if (seen.has(key(c.measure, c.sku, c.location, c.segment, c.period)) || Math.abs(c.value) <= SAME)
      continue;
    out.measure.push(c.measure as PlanCells["measure"][number]);
    out.sku.push(c.sku);
    out.location.push(c.location);
    out.segment.push(c.segment);
    out.period.push(c.period);
    out.value.push(0);
  }
  return out;
}
