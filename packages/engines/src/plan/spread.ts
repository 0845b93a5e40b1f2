// Spreading a new total over the cells beneath it — the move a planner makes when she types a
// number on a family, a quarter or the whole company and expects every SKU-month to follow while
// the cells she has locked stay put.

import { apportion } from "./apportion";

export interface SpreadInput {
  /** The cells' values now (units). */
  readonly current: readonly number[];
  /** The new total over all the cells, in whole units (≥ 0). */
  readonly target: number;
  /** Cells that keep their value; the others absorb the change. */
  readonly locked?: readonly boolean[];
  /**
   * What the unlocked cells are split in proportion to: by default their current values; pass
   * another layer, last year's history or all ones (an even split) to reshape them.
   */
  readonly basis?: readonly number[];
}

export type SpreadResult =
  | { readonly ok: true; readonly values: number[] }
  | { readonly ok: false; readonly issue: string };

/**
 * Spreads `target` over the cells: locked cells keep their value L = Σ locked; the unlocked cells
 * get round(target − L) whole units, apportioned by largest remainder in proportion to the basis
 * (evenly when the basis is zero on every unlocked cell, e.g. an empty layer). The total is exact
 * to the unit whenever the locked cells hold whole units (edited layers always do). No cell goes
 * negative. Refused, as an issue, when every cell is locked (unless the target is what they hold)
 * or the locked cells already exceed the target.
 */
export function spreadTotal(input: SpreadInput): SpreadResult {
  const { current, target } = input;
  const locked = input.locked ?? current.map(() => false);
  const basis = input.basis ?? current;
  if (locked.length !== current.length || basis.length !== current.length)
    throw new Error("spread inputs must have one entry per cell");
  if (!Number.isInteger(target) || target < 0)
    return { ok: false, issue: `the new total must be a whole, non-negative number of units, not ${target}` };
  if (current.length === 0) return { ok: false, issue: "there are no cells to spread over" };
  const free: number[] = [];
  let lockedSum = 0;
  current.forEach((value, i) => {
    if (locked[i]) lockedSum += value;
    else free.push(i);
  });
  if (free.length === 0) {
    if (Math.abs(lockedSum - target) < 1e-9) return { ok: true, values: [...current] };
    return { ok: false, issue: "every cell is locked; unlock some to change the total" };
  }
  const remaining = Math.round(target - lockedSum);
  if (remaining < 0)
    return {
      ok: false,
      issue: `the locked cells already hold ${formatUnits(lockedSum)}, more than the new total ${target}`,
    };
  const shares = apportion(
    remaining,
    free.map((i) => basis[i]!),
  );
  const values = [...current];
  free.forEach((cell, k) => {
    values[cell] = shares[k]!;
  });
  return { ok: true, values };
}

function formatUnits(units: number): string {
  return Number.isInteger(units) ? String(units) : units.toFixed(2);
}
