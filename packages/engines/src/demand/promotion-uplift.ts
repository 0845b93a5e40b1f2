// Promotions' effect on demand, per cell: the uplift on the promoted SKUs in the months the
// promotion touches, the units it takes from sister SKUs (cannibalisation) and the dip in the
// month after it (customers bought ahead). Magnitudes are returned apart, all ≥ 0, so the caller
// decides which layer holds a gain and which a loss (ADR 0501).

import { addPeriods, monthOf, type PeriodKey } from "@fulcrum/domain";
import { monthShares } from "./day-calendar";
import { type CellKey, cellId, type DemandCell } from "./demand-cell";

export interface PromotionInput {
  readonly code: string;
  /** The promoted SKU, or null when the promotion is on a product group. */
  readonly sku: string | null;
  /** A product group: every SKU below it (at any depth) is promoted. */
  readonly group: string | null;
  /** One customer segment, or null for all. */
  readonly segment: string | null;
  /** First and last day, inclusive ISO dates. */
  readonly start: string;
  readonly end: string;
  readonly upliftPct: number;
  /** Extra units over the whole promotion, on top of the percentage; null when not given. */
  readonly upliftUnits: number | null;
  /** Share of the uplift taken from sister SKUs (same product group, not promoted), in percent. */
  readonly cannibalisationPct: number | null;
  /** Demand lost in the month after the promotion, in percent of that month's baseline. */
  readonly postDipPct: number | null;
}

export interface ProductTree {
  /** SKU → its product group (null when it has none). */
  readonly itemGroups: ReadonlyMap<string, string | null>;
  /** Group → parent group. */
  readonly groupParents: ReadonlyMap<string, string | null>;
}

export interface PromotionUpliftInput {
  readonly promotions: readonly PromotionInput[];
  readonly products: ProductTree;
  /** The demand the promotions lift: usually the statistical forecast, per cell of the horizon. */
  readonly baseline: readonly DemandCell[];
  /**
   * SKU → segment → share of the SKU's demand from that segment, for cells that are not split by
   * segment (a SKU-level forecast) under a one-segment promotion. A missing share counts as 0.
   */
  readonly segmentShares: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface PromotionCellEffect extends CellKey {
  readonly uplift: number;
  readonly cannibalised: number;
  readonly dip: number;
}

export interface PromotionSkuEffect {
  readonly sku: string;
  /** Baseline demand during the promotion's days (what would have sold at full price anyway). */
  readonly baseline: number;
  readonly uplift: number;
  readonly cannibalised: number;
  readonly dip: number;
}

export interface PromotionEffect {
  readonly code: string;
  readonly months: readonly { readonly period: PeriodKey; readonly share: number }[];
  /** The month whose baseline dips, when a dip is given. */
  readonly dipPeriod: PeriodKey | null;
  /** Promoted and cannibalised SKUs inside the baseline's horizon. */
  readonly skus: readonly PromotionSkuEffect[];
  readonly uplift: number;
  readonly cannibalised: number;
  readonly dip: number;
}

export interface PromotionUpliftResult {
  readonly cells: readonly PromotionCellEffect[];
  readonly promotions: readonly PromotionEffect[];
}

/**
 * For promotion p, promoted cell c (a SKU of p in p's segment) and month m with share sₘ = days of
 * p in m / days of m, segment factor f (1 when c's segment matches or p is for all segments; the
 * SKU's segment share when c is not split by segment; else 0) and baseline bₘ:
 * - uplift uₘ = bₘ·f·sₘ·uplift%/100 + units·(days of p in m / days of p)·wₘ, where the units are
 *   spread over p's cells of month m in proportion to w = b·f (evenly when all are 0);
 * - cannibalisation: cannibalisation%/100 · uₘ is taken from the sister SKUs of c's SKU (same
 *   product group, not in p) in the same month, location and segment, in proportion to b·f;
 *   nothing is taken when the sisters have no baseline there;
 * - dip: post-dip%/100 · b·f in the month after the month p ends (for each promoted cell).
 * Months outside the baseline's horizon have no cells and so no effect. Several promotions on
 * one cell add up.
 */
export function promotionUplift(input: PromotionUpliftInput): PromotionUpliftResult {
  const cells = new Map<string, { key: CellKey; uplift: number; cannibalised: number; dip: number }>();
  const bySkuPeriod = new Map<string, DemandCell[]>();
  for (const c of input.baseline) {
    const k = `${c.sku}\u0000${c.period}`;
    const list = bySkuPeriod.get(k);
    if (list) list.push(c);
    else bySkuPeriod.set(k, [c]);
  }
  const cellsOf = (sku: string, period: PeriodKey) => bySkuPeriod.get(`${sku}\u0000${period}`) ?? [];
  const effectOf = (key: CellKey) => {
    const id = cellId(key);
    let e = cells.get(id);
    if (!e) {
      e = {
        key: { sku: key.sku, location: key.location, segment: key.segment, period: key.period },
        uplift: 0,
        cannibalised: 0,
        dip: 0,
      };
      cells.set(id, e);
    }
    return e;
  };
  const below = skusByGroup(input.products);
  const siblings = new Map<string, string[]>();
  for (const [sku, group] of input.products.itemGroups) {
    if (group === null) continue;
    const list = siblings.get(group);
    if (list) list.push(sku);
    else siblings.set(group, [sku]);
  }

  const promotions = input.promotions.map((p): PromotionEffect => {
    const targets = p.sku !== null ? [p.sku] : (below.get(p.group ?? "") ?? []);
    const targetSet = new Set(targets);
    const factor = (c: DemandCell) => segmentFactor(p.segment, c, input.segmentShares);
    const months = monthShares(p.start, p.end);
    const totalDays = months.reduce((a, m) => a + m.days, 0);
    const skuTotals = new Map<
      string,
      { baseline: number; uplift: number; cannibalised: number; dip: number }
    >();
    const totalsOf = (sku: string) => {
      let t = skuTotals.get(sku);
      if (!t) {
        t = { baseline: 0, uplift: 0, cannibalised: 0, dip: 0 };
        skuTotals.set(sku, t);
      }
      return t;
    };
    for (const month of months) {
      const promoted = targets.flatMap((sku) => cellsOf(sku, month.period)).filter((c) => factor(c) > 0);
      if (promoted.length === 0) continue;
      const weights = promoted.map((c) => c.value * factor(c));
      const weightSum = weights.reduce((a, b) => a + b, 0);
      const units = ((p.upliftUnits ?? 0) * month.days) / totalDays;
      promoted.forEach((c, i) => {
        const f = factor(c);
        const unitShare = weightSum > 0 ? weights[i]! / weightSum : 1 / promoted.length;
        const uplift = (c.value * f * month.share * p.upliftPct) / 100 + units * unitShare;
        effectOf(c).uplift += uplift;
        const totals = totalsOf(c.sku);
        totals.baseline += c.value * f * month.share;
        totals.uplift += uplift;
        const lost = ((p.cannibalisationPct ?? 0) * uplift) / 100;
        if (lost <= 0) return;
        const group = input.products.itemGroups.get(c.sku) ?? null;
        const sisters = (group === null ? [] : (siblings.get(group) ?? []))
          .filter((s) => !targetSet.has(s))
          .flatMap((s) => cellsOf(s, month.period))
          .filter((s) => s.location === c.location && s.segment === c.segment);
        const sisterWeights = sisters.map((s) => s.value * factor(s));
        const sisterSum = sisterWeights.reduce((a, b) => a + b, 0);
        if (sisterSum <= 0) return;
        sisters.forEach((s, j) => {
          const taken = (lost * sisterWeights[j]!) / sisterSum;
          effectOf(s).cannibalised += taken;
          totalsOf(s.sku).cannibalised += taken;
        });
      });
    }
    const dipPeriod = (p.postDipPct ?? 0) > 0 ? addPeriods(monthOf(p.end), 1) : null;
    if (dipPeriod)
      for (const sku of targets)
        for (const c of cellsOf(sku, dipPeriod)) {
          const dip = (c.value * factor(c) * p.postDipPct!) / 100;
          if (dip <= 0) continue;
          effectOf(c).dip += dip;
          totalsOf(sku).dip += dip;
        }
    const skus = [...skuTotals].map(([sku, t]) => ({ sku, ...t })).sort((a, b) => a.sku.localeCompare(b.sku));
    return {
      code: p.code,
      months: months.map((m) => ({ period: m.period, share: m.share })),
      dipPeriod,
      skus,
      uplift: skus.reduce((a, s) => a + s.uplift, 0),
      cannibalised: skus.reduce((a, s) => a + s.cannibalised, 0),
      dip: skus.reduce((a, s) => a + s.dip, 0),
    };
  });
  return {
    cells: [...cells.values()].map((e) => ({
      ...e.key,
      uplift: e.uplift,
      cannibalised: e.cannibalised,
      dip: e.dip,
    })),
    promotions,
  };
}

/** Every group's SKUs at any depth below it. */
export function skusByGroup(products: ProductTree): Map<string, string[]> {
  const below = new Map<string, string[]>();
  for (const [sku, group] of products.itemGroups) {
    const seen = new Set<string>();
    for (
      let g = group;
      g !== null && g !== undefined && !seen.has(g);
      g = products.groupParents.get(g) ?? null
    ) {
      seen.add(g);
      const list = below.get(g);
      if (list) list.push(sku);
      else below.set(g, [sku]);
    }
  }
  return below;
}

function segmentFactor(
  promotionSegment: string | null,
  cell: CellKey,
  shares: ReadonlyMap<string, ReadonlyMap<string, number>>,
): number {
  if (promotionSegment === null) return 1;
  if (cell.segment !== null) return cell.segment === promotionSegment ? 1 : 0;
  return shares.get(cell.sku)?.get(promotionSegment) ?? 0;
}
