// Whole units out of a proportional split. Plans are kept in whole units, and a split of 100 over
// three equal cells must still add up to 100, so rounding each share on its own is not enough.

/**
 * Splits a whole-unit `total` over cells in proportion to `weights`, exactly (largest-remainder
 * method, Hamilton's rule): every cell gets ⌊total·wᵢ/Σw⌋, and the units left over go one each to
 * the cells with the largest fractional parts, ties to the earlier cell. The result sums to `total`
 * and no cell is more than one unit from its exact share. Negative weights count as 0; when every
 * weight is 0 the split is even.
 *
 * @throws when `total` is not a non-negative integer (a caller bug: edits are validated first).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`cannot apportion ${total} whole units`);
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new Error(`cannot apportion ${total} units over no cells`);
  }
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? clean.map((w) => (total * w) / sum) : clean.map(() => total / clean.length);
  const result = shares.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = shares
    .map((share, i) => ({ i, fraction: share - Math.floor(share) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  // Floating error can leave `left` a unit above the cell count on huge totals; the loop wraps.
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) result[order[k]!.i]! += 1;
  return result;
}
