// A demand version may hold demand per SKU only, per SKU and location, or per SKU and segment; the
// supply engine needs it per SKU, DC and segment. Each cell is split over the (location, segment)
// pairs it covers in proportion to what customers requested there over the last 12 months, and the
// forecast error is split with it.

import type { PeriodKey } from "@fulcrum/domain";
import { sigmaFromP10P90 } from "@fulcrum/engines";
import type { DemandCell, SupplyData } from "./supply-data";

export interface SplitDemand {
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly period: PeriodKey;
  readonly quantity: number;
  /** Variance of the forecast error of this share (units²); null when the version has no band. */
  readonly variance: number | null;
}

type Mix = SupplyData["demandMix"][number];

/**
 * Splits every cell over the matching (location, segment) pairs of the SKU's own mix, or of the
 * whole company's mix when the SKU has none (a launch). Shares s add to 1; the error's variance is
 * split in the same shares (σ² · s: independent customers pool, so variance grows with volume).
 * A cell that names both location and segment is kept as it is; a cell no history can place (no
 * sales at its location or in its segment anywhere) comes back in `unplaced`.
 */
export function splitDemand(
  cells: readonly DemandCell[],
  mix: readonly Mix[],
): { demand: SplitDemand[]; unplaced: DemandCell[] } {
  const bySku = new Map<string, Mix[]>();
  for (const m of mix) if (m.quantity > 0) bySku.set(m.sku, [...(bySku.get(m.sku) ?? []), m]);
  const company = new Map<string, Mix>();
  for (const m of mix) {
    if (m.quantity <= 0) continue;
    const key = `${m.location}\u0000${m.segment}`;
    const sum = company.get(key);
    company.set(key, { ...m, sku: "*", quantity: (sum?.quantity ?? 0) + m.quantity });
  }
  const out: SplitDemand[] = [];
  const unplaced: DemandCell[] = [];
  for (const cell of cells) {
    if (cell.quantity <= 0) continue;
    const sigma = cell.p10 !== null && cell.p90 !== null ? sigmaFromP10P90(cell.p10, cell.p90) : null;
    if (cell.location !== null && cell.segment !== null) {
      out.push({ ...cell, location: cell.location, segment: cell.segment, variance: sigma && sigma ** 2 });
      continue;
    }
    const matches = (m: Mix) =>
      (cell.location === null || m.location === cell.location) &&
      (cell.segment === null || m.segment === cell.segment);
    let pairs = (bySku.get(cell.sku) ?? []).filter(matches);
    if (pairs.length === 0) pairs = [...company.values()].filter(matches);
    if (pairs.length === 0) unplaced.push(cell);
    const total = pairs.reduce((sum, m) => sum + m.quantity, 0);
    for (const m of pairs) {
      const share = m.quantity / total;
      out.push({
        sku: cell.sku,
        location: m.location,
        segment: m.segment,
        period: cell.period,
        quantity: cell.quantity * share,
        variance: sigma === null ? null : sigma ** 2 * share,
      });
    }
  }
  return { demand: out, unplaced };
}
