// Service-level targets: a company default, one per segment, and tighter or looser ones for a
// few SKUs.

import type { ImportRow } from "@fulcrum/domain";
import type { FinishedSku } from "./company-model";
import { SEGMENTS } from "./customers";

const SEGMENT_TARGETS: Record<string, number> = { KEY: 98.5, RETAIL: 97, WHOLESALE: 95, HORECA: 96 };

/**
 * The best sellers (one in fifty SKUs, at least three) get 99 % fill rate, the very best also
 * 99.5 % for key accounts; as many lumpy low runners settle for a 90 % cycle service level.
 *
 * @param monthly average delivered units a month per SKU index.
 */
export function serviceLevelRows(skus: readonly FinishedSku[], monthly: readonly number[]): ImportRow[] {
  const rows: ImportRow[] = [{ segment: null, sku: null, target_pct: 95, measure: "cycle" }];
  for (const s of SEGMENTS) {
    rows.push({
      segment: s.code,
      sku: null,
      target_pct: SEGMENT_TARGETS[s.code] ?? 95,
      measure: "fill_rate",
    });
  }
  const few = Math.max(3, Math.round(skus.length / 50));
  const ranked = skus
    .filter((s) => s.lifecycle === "regular")
    .sort((a, b) => monthly[b.index]! - monthly[a.index]!);
  const best = ranked.filter((s) => s.demandKind !== "intermittent").slice(0, few);
  best.forEach((sku, i) => {
    rows.push({ segment: null, sku: sku.code, target_pct: 99, measure: "fill_rate" });
    if (i === 0) rows.push({ segment: "KEY", sku: sku.code, target_pct: 99.5, measure: "fill_rate" });
  });
  for (const sku of ranked.filter((s) => s.demandKind === "intermittent").slice(0, few)) {
    rows.push({ segment: null, sku: sku.code, target_pct: 90, measure: "cycle" });
  }
  return rows;
}
