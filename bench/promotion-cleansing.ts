// Does cleansing past promotions out of the history help the forecast? On the demo company, each
// SKU is forecast from its first 30 months and scored on the last 6 against what was ordered,
// three ways: no promotion cleansing, promoted months replaced by the robust baseline, and the
// promotions' known effect divided out (what the forecast run does, ADR 0501).
// Usage: npm run bench -- --only cleansing

import { defaultDemoCompany } from "@fulcrum/demo";
import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import {
  autoForecast,
  type ForecastRequest,
  type PromotionInput,
  promotionHistoryLift,
} from "@fulcrum/engines";

const HOLDOUT = 6;

type Variant = "none" | "baseline" | "divided";
const VARIANTS: readonly Variant[] = ["none", "baseline", "divided"];

export async function benchPromotionCleansing(seeds: readonly number[] = [42, 7]): Promise<void> {
  console.log("\n## Promotion cleansing (demo company, 150 SKUs, last 6 months held out)");
  console.log(
    "seed | SKUs | MAE unpromoted months: none / baseline / divided | MAE all months | bias all months",
  );
  for (const seed of seeds) {
    const demo = defaultDemoCompany({ skuCount: 150, seed });
    const rows = demo.rows;
    const last = addPeriods(demo.company.currentPeriod as PeriodKey, -1);
    const window = periodRange(addPeriods(last, -35), last);
    const column = new Map<string, number>(window.map((p, i) => [p, i]));
    const segmentOf = new Map(rows.customers!.map((c) => [c.code as string, c.segment as string]));
    const history = new Map<string, number[]>();
    const mix = new Map<string, Map<string, number>>();
    for (const r of rows.sales_history!) {
      const sku = r.sku as string;
      const j = column.get(String(r.requested_date).slice(0, 7));
      if (j === undefined) continue;
      const y = history.get(sku) ?? window.map(() => 0);
      y[j]! += r.requested_qty as number;
      history.set(sku, y);
      if (j < window.length - 12) continue;
      const bySegment = mix.get(sku) ?? new Map<string, number>();
      const segment = segmentOf.get(r.customer as string)!;
      bySegment.set(segment, (bySegment.get(segment) ?? 0) + (r.requested_qty as number));
      mix.set(sku, bySegment);
    }
    for (const bySegment of mix.values()) {
      const total = [...bySegment.values()].reduce((a, b) => a + b, 0);
      for (const [segment, qty] of bySegment) bySegment.set(segment, qty / total);
    }
    const products = {
      itemGroups: new Map(rows.items!.map((i) => [i.sku as string, (i.group_code as string | null) ?? null])),
      groupParents: new Map(
        rows.product_groups!.map((g) => [g.code as string, (g.parent_code as string | null) ?? null]),
      ),
    };
    const promotions: PromotionInput[] = rows.promotions!.map((p) => ({
      code: p.code as string,
      sku: (p.sku as string | null) ?? null,
      group: (p.group_code as string | null) ?? null,
      segment: (p.segment as string | null) ?? null,
      start: p.start_date as string,
      end: p.end_date as string,
      upliftPct: p.uplift_pct as number,
      upliftUnits: null,
      cannibalisationPct: (p.cannibalisation_pct as number | null) ?? null,
      postDipPct: (p.post_dip_pct as number | null) ?? null,
    }));
    const skus = [...history.keys()].sort();
    const lifts = promotionHistoryLift(
      skus.map((sku) => ({ sku, segment: null })),
      promotions,
      products,
      window,
      mix,
    );
    const error = {
      unpromoted: new Map<Variant, number>(),
      all: new Map<Variant, number>(),
      bias: new Map<Variant, number>(),
    };
    let unpromoted = 0;
    let all = 0;
    let used = 0;
    skus.forEach((sku, i) => {
      const y = history.get(sku)!;
      const start = y.findIndex((v) => v > 0);
      if (start < 0 || y.length - HOLDOUT - start < 18) return;
      const n = y.length - HOLDOUT - start;
      const lift = lifts[i]!.slice(start);
      used++;
      const request: ForecastRequest = {
        values: y.slice(start, start + n),
        horizon: HOLDOUT,
        period: 12,
        quantiles: [0.5],
      };
      const cleansing: Record<Variant, ForecastRequest["cleansing"]> = {
        none: undefined,
        baseline: { promotions: lift.slice(0, n).map((f) => f !== 1) },
        divided: { promotionLift: lift.slice(0, n) },
      };
      const points = VARIANTS.map((v) => {
        const result = autoForecast({ ...request, cleansing: cleansing[v] });
        if (!result.ok) throw new Error(`${sku}: ${result.issues.join("; ")}`);
        return result.forecast.point;
      });
      for (let h = 0; h < HOLDOUT; h++) {
        const actual = y[start + n + h]!;
        const quiet = lift[n + h] === 1;
        all++;
        if (quiet) unpromoted++;
        VARIANTS.forEach((v, k) => {
          const e = points[k]![h]! - actual;
          error.all.set(v, (error.all.get(v) ?? 0) + Math.abs(e));
          error.bias.set(v, (error.bias.get(v) ?? 0) + e);
          if (quiet) error.unpromoted.set(v, (error.unpromoted.get(v) ?? 0) + Math.abs(e));
        });
      }
    });
    const line = (m: Map<Variant, number>, count: number) =>
      VARIANTS.map((v) => ((m.get(v) ?? 0) / count).toFixed(0)).join(" / ");
    console.log(
      `${seed} | ${used} | ${line(error.unpromoted, unpromoted)} (${unpromoted} months) | ${line(error.all, all)} | ${line(error.bias, all)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPromotionCleansing();
