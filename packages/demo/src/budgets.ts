// The demo's budget and market sizes per family: the year ahead budgeted at last year's same month
// plus a family's growth target (2–7 %) at current prices, and a market each family holds a steady
// share of (12–35 %), known for the history and forecast by the market researcher for the year ahead.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { Family, FinishedSku } from "./company-model";
import type { PriceBook } from "./price-book";
import { stream } from "./random";

const YEAR = 12;

export function budgetAndMarketRows(
  seed: number,
  families: readonly Family[],
  skus: readonly FinishedSku[],
  delivered: Float64Array,
  prices: PriceBook,
  calendar: DemoCalendar,
): { budgets: ImportRow[]; marketSizes: ImportRow[] } {
  const rng = stream(seed, "budgets");
  const h = calendar.history.length;
  const today = calendar.history[h - 1]!.firstDay;
  const budgets: ImportRow[] = [];
  const marketSizes: ImportRow[] = [];
  for (const family of families) {
    const growth = rng.between(1.02, 1.07);
    const share = rng.between(0.12, 0.35);
    const members = skus.filter((s) => s.family === family);
    const monthUnits = (t: number) => members.reduce((sum, s) => sum + delivered[s.index * h + t]!, 0);
    for (let t = 0; t < h; t++)
      marketSizes.push({
        group_code: family.code,
        period: calendar.history[t]!.period,
        quantity: Math.round(monthUnits(t) / share),
      });
    for (let k = 0; k < YEAR && k < calendar.future.length; k++) {
      const lastYear = h - YEAR + (k % YEAR);
      if (lastYear < 0) continue;
      const units = members.reduce((sum, s) => sum + delivered[s.index * h + lastYear]! * growth, 0);
      const revenueCents = members.reduce(
        (sum, s) => sum + delivered[s.index * h + lastYear]! * growth * prices.price(s.index, 0, today),
        0,
      );
      const period = calendar.future[k]!.period;
      budgets.push({
        group_code: family.code,
        period,
        quantity: Math.round(units),
        revenue: Math.round(revenueCents),
      });
      marketSizes.push({
        group_code: family.code,
        period,
        quantity: Math.round(((units / growth) * 1.02) / share),
      });
    }
  }
  return { budgets, marketSizes };
}
