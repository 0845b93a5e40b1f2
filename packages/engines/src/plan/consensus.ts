// The consensus proposal: how the demand layers combine into the one number the company plans on.
// The rules are fixed and written down here, so everyone in the demand review can tell why a
// proposed number is what it is (ADR 0500).

/** One cell's values in each input layer; null where the layer holds nothing for the cell. */
export interface LayerCell {
  readonly statistical: number | null;
  readonly sales: number | null;
  readonly marketing: number | null;
  readonly product: number | null;
}

export type InputLayer = keyof LayerCell;

export type ConsensusRule =
  /** statistical, replaced by sales where sales has a number, plus marketing's uplift; product overrides all. */
  | { readonly kind: "layered" }
  /** The chosen layer wherever it has a number; elsewhere the layered rule. */
  | { readonly kind: "override"; readonly layer: InputLayer };

/**
 * The proposed consensus for one cell, in whole units (rounded to the nearest unit), or null when
 * no layer has a number for it. The layered rule reads:
 * - `product` (launches, phase-outs) when it has a number — lifecycle decisions win;
 * - otherwise base + uplift, where base = `sales` if sales entered a number, else `statistical`,
 *   and uplift = `marketing` (promotions and campaigns on top of the base, 0 when empty).
 */
export function proposeConsensus(cell: LayerCell, rule: ConsensusRule = { kind: "layered" }): number | null {
  if (rule.kind === "override") {
    const chosen = cell[rule.layer];
    if (chosen !== null) return Math.round(chosen);
  }
  if (cell.product !== null) return Math.round(cell.product);
  const base = cell.sales ?? cell.statistical;
  if (base === null && cell.marketing === null) return null;
  return Math.round((base ?? 0) + (cell.marketing ?? 0));
}
