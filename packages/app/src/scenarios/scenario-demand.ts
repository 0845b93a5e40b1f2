// The demand a scenario planned, stored as its own demand version in the plan's own grain. Changes
// act on the demand split to SKU × location × segment; the plan may be kept coarser (per SKU and
// month), so each plan cell moves by the ratio its split cells moved. Only moved cells are kept: the
// version overlays the base demand plan.

import type { SplitDemand } from "../supply/demand-split";
import type { DemandCell } from "../supply/supply-data";

export interface MovedDemandCell {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
  readonly quantity: number;
}

const SAME = 1e-6;

/** The plan cells whose quantity the scenario changed, with their new quantity. */
export function movedDemand(
  plan: readonly DemandCell[],
  before: readonly SplitDemand[],
  after: readonly SplitDemand[],
): MovedDemandCell[] {
  const total = (cells: readonly SplitDemand[]) => {
    const sums = new Map<string, SplitDemand[]>();
    for (const d of cells) {
      const k = `${d.sku}\u0000${d.period}`;
      const list = sums.get(k);
      if (list) list.push(d);
      else sums.set(k, [d]);
    }
    return sums;
  };
  const old = total(before);
  const now = total(after);
  const moved: MovedDemandCell[] = [];
  for (const cell of plan) {
    const matches = (d: SplitDemand) =>
      (cell.location === null || d.location === cell.location) &&
      (cell.segment === null || d.segment === cell.segment);
    const k = `${cell.sku}\u0000${cell.period}`;
    const was = (old.get(k) ?? []).filter(matches).reduce((a, d) => a + d.quantity, 0);
    const is = (now.get(k) ?? []).filter(matches).reduce((a, d) => a + d.quantity, 0);
    if (Math.abs(was - is) <= SAME) continue;
    const quantity = was > SAME ? cell.quantity * (is / was) : is;
    moved.push({
      sku: cell.sku,
      location: cell.location,
      segment: cell.segment,
      period: cell.period,
      quantity,
    });
  }
  return moved;
}
