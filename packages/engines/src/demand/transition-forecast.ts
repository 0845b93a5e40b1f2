// Product transitions as product-layer values: a launch starts from its like-for-like SKU's
// forecast, a phase-out ramps down to nothing at its end date, a supersession hands the old SKU's
// demand to its successor over the ramp. The product layer overrides the others in the consensus
// (ADR 0500), so these values are the whole demand of the cells they cover.

import type { PeriodKey } from "@fulcrum/domain";
import { type CellKey, cellId, type DemandCell, withSku } from "./demand-cell";
import { rampDownShare, shareFrom } from "./ramp";

export type TransitionKind = "launch" | "phase_out" | "supersession";

export interface TransitionInput {
  readonly kind: TransitionKind;
  readonly sku: string;
  /** The like-for-like SKU of a launch, the old SKU of a supersession. */
  readonly predecessor: string | null;
  /** Inclusive ISO dates: the launch date or the ramp's first day, and the ramp's last day. */
  readonly start: string;
  readonly end: string;
  /** A launch sells this percentage of its like-for-like SKU (100 when null). */
  readonly scalePct: number | null;
  /** For a launch: closed months since the new SKU's first demand (0 when it has none yet). */
  readonly ownHistoryMonths?: number;
}

/** A launch with this many months of its own history is forecast from them alone. */
export const LAUNCH_HISTORY_MONTHS = 12;

export interface TransitionEffect {
  readonly kind: TransitionKind;
  readonly sku: string;
  readonly predecessor: string | null;
  /** Per month of the horizon: the launch's share of the month on sale, or the ramp's remaining share. */
  readonly months: readonly { readonly period: PeriodKey; readonly factor: number }[];
  /** Units in the horizon of the transition's SKU (the new one for a supersession) before and after. */
  readonly before: number;
  readonly after: number;
}

export interface TransitionForecastResult {
  /** Product-layer values, one per cell a transition covers. */
  readonly cells: readonly DemandCell[];
  readonly transitions: readonly TransitionEffect[];
}

const ORDER: Record<TransitionKind, number> = { launch: 0, supersession: 1, phase_out: 2 };

/**
 * With b the baseline (the statistical forecast) and v the value so far (the product value a
 * previous transition gave, else b), per month m of `periods`:
 * - launch: v[new] = w · b[new] + (1 − w) · scale%/100 · b[like] · aₘ, aₘ = share of m's days on
 *   or after the start (so 0 before the launch), w = n / LAUNCH_HISTORY_MONTHS with n the new
 *   SKU's own months of history — the like-for-like SKU is the starting forecast, and the SKU's
 *   own forecast takes over month by month; from n ≥ 12 the launch writes nothing;
 * - phase-out: v = v · rₘ, rₘ = mean over m's days of the linear ramp from 1 at the start to 0
 *   after the end (`rampDownShare`);
 * - supersession: moved = v[old]·(1 − rₘ); v[old] −= moved, v[new] += moved — the pair's total
 *   is unchanged.
 * Launches apply first, then supersessions, then phase-outs, so a successor that also phases out
 * ramps down what it took over. Transitions whose SKU (or predecessor) has no cells do nothing.
 */
export function transitionForecast(input: {
  readonly transitions: readonly TransitionInput[];
  readonly baseline: readonly DemandCell[];
  readonly periods: readonly PeriodKey[];
}): TransitionForecastResult {
  const base = new Map(input.baseline.map((c) => [cellId(c), c.value]));
  const bySku = new Map<string, DemandCell[]>();
  for (const c of input.baseline) {
    const list = bySku.get(c.sku);
    if (list) list.push(c);
    else bySku.set(c.sku, [c]);
  }
  const product = new Map<string, { key: CellKey; value: number }>();
  // Product cells by SKU, so a successor's cells made by an earlier transition are found again.
  const productKeys = new Map<string, Map<string, CellKey>>();
  const current = (key: CellKey) => product.get(cellId(key))?.value ?? base.get(cellId(key)) ?? 0;
  const set = (key: CellKey, value: number) => {
    const id = cellId(key);
    const copy = { sku: key.sku, location: key.location, segment: key.segment, period: key.period };
    product.set(id, { key: copy, value });
    let keys = productKeys.get(key.sku);
    if (!keys) {
      keys = new Map();
      productKeys.set(key.sku, keys);
    }
    keys.set(id, copy);
  };
  const inHorizon = new Set<string>(input.periods);
  const keysOf = (sku: string): CellKey[] => {
    const keys = new Map<string, CellKey>();
    for (const c of bySku.get(sku) ?? []) if (inHorizon.has(c.period)) keys.set(cellId(c), c);
    for (const [id, k] of productKeys.get(sku) ?? []) if (inHorizon.has(k.period)) keys.set(id, k);
    return [...keys.values()];
  };
  const total = (sku: string) => keysOf(sku).reduce((a, k) => a + current(k), 0);

  const ordered = [...input.transitions].sort(
    (a, b) => ORDER[a.kind] - ORDER[b.kind] || a.sku.localeCompare(b.sku),
  );
  const transitions = ordered.map((t): TransitionEffect => {
    const before = total(t.sku);
    const factor = (period: PeriodKey) =>
      t.kind === "launch" ? shareFrom(period, t.start) : rampDownShare(period, t.start, t.end);
    const own = Math.min(1, (t.ownHistoryMonths ?? 0) / LAUNCH_HISTORY_MONTHS);
    if (t.kind === "launch" && t.predecessor !== null && own < 1) {
      const scale = (t.scalePct ?? 100) / 100;
      for (const like of bySku.get(t.predecessor) ?? []) {
        if (!inHorizon.has(like.period)) continue;
        const key = withSku(like, t.sku);
        set(key, own * (base.get(cellId(key)) ?? 0) + (1 - own) * scale * like.value * factor(like.period));
      }
    } else if (t.kind === "phase_out") {
      for (const key of keysOf(t.sku)) set(key, current(key) * factor(key.period));
    } else if (t.kind === "supersession" && t.predecessor !== null) {
      for (const old of keysOf(t.predecessor)) {
        const value = current(old);
        const moved = value * (1 - factor(old.period));
        const next = withSku(old, t.sku);
        set(old, value - moved);
        set(next, current(next) + moved);
      }
    }
    return {
      kind: t.kind,
      sku: t.sku,
      predecessor: t.predecessor,
      months: input.periods.map((period) => ({ period, factor: factor(period) })),
      before,
      after: total(t.sku),
    };
  });
  return { cells: [...product.values()].map((p) => ({ ...p.key, value: p.value })), transitions };
}
