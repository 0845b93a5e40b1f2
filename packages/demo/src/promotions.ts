// Promotions on product families and single SKUs, in the past (they lift the order lines placed
// during them) and in the coming months, with the promotions rows that describe them.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar, Month } from "./calendar";
import type { Family, FinishedSku, Segment } from "./company-model";
import { SEGMENTS } from "./customers";
import { stream } from "./random";

export interface Promotion {
  readonly code: string;
  readonly name: string;
  readonly family: Family | null;
  readonly sku: FinishedSku | null;
  readonly segment: Segment | null;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly upliftPct: number;
  readonly discountPct: number;
  /** Share of the uplift taken from the SKU's sisters; null for family promotions (no sister is left out). */
  readonly cannibalisationPct: number | null;
  /** Demand lost the month after, in percent of that month's baseline; null when none. */
  readonly postDipPct: number | null;
}

/** Future promotions are planned this many months ahead, from the current month on. */
const PLANNED_MONTHS = 6;

/**
 * Two family promotions per family and year of history, one SKU promotion for about one regular
 * SKU in eight per year, and for the months ahead one per family plus a few on single SKUs.
 * Windows are 10–21 days inside one month; past ones never reach asOf.
 */
export function planPromotions(
  seed: number,
  families: readonly Family[],
  skus: readonly FinishedSku[],
  calendar: DemoCalendar,
): Promotion[] {
  const rng = stream(seed, "promotions");
  const history = calendar.history;
  const ahead = calendar.future.slice(0, PLANNED_MONTHS);
  const promotions: Promotion[] = [];
  const add = (month: Month, target: { family: Family } | { sku: FinishedSku }, segment: Segment | null) => {
    const length = rng.int(10, 21);
    const earliest = month === calendar.future[0] ? calendar.asOfDay + 7 - month.firstDay : 0;
    const offset = Math.max(earliest, rng.int(0, month.days - length));
    if (offset + length > month.days) return;
    const firstDay = month.firstDay + offset;
    const lastDay = firstDay + length - 1;
    if (firstDay <= calendar.asOfDay && lastDay >= calendar.asOfDay) return;
    const subject = "family" in target ? target.family.name : target.sku.name;
    promotions.push({
      code: `PROMO-${month.period}-${String(promotions.length + 1).padStart(4, "0")}`,
      name: `${SEASON_NAMES[month.month - 1]} deal: ${subject}`.slice(0, 200),
      family: "family" in target ? target.family : null,
      sku: "sku" in target ? target.sku : null,
      segment,
      firstDay,
      lastDay,
      upliftPct: rng.int(5, 14) * 5,
      discountPct: rng.int(2, 5) * 5,
      cannibalisationPct: null,
      postDipPct: null,
    });
  };
  const segmentOrAll = () => (rng.chance(0.5) ? null : rng.pick(SEGMENTS.slice(0, 3)));
  const years = Math.max(1, Math.round(history.length / 12));
  for (const family of families) {
    const months = rng.shuffle(history.map((_, t) => t)).slice(0, 2 * years);
    for (const t of months.sort((a, b) => a - b)) add(history[t]!, { family }, segmentOrAll());
    add(rng.pick(ahead), { family }, segmentOrAll());
  }
  const promotable = skus.filter((s) => s.lifecycle === "regular" && s.demandKind !== "intermittent");
  for (const sku of promotable) {
    for (let y = 0; y < years; y++) if (rng.chance(0.125)) add(rng.pick(history), { sku }, segmentOrAll());
    if (rng.chance(0.05)) add(rng.pick(ahead), { sku }, segmentOrAll());
  }
  return withEffects(seed, promotions);
}

/**
 * Cannibalisation and dips, drawn from a stream of their own so the promotions and the history
 * they lift stay what they were: a single-SKU promotion takes 20–40 % of its uplift from its
 * sisters, and about half of all promotions (customers stocking up) are followed by a 5–20 % dip.
 */
function withEffects(seed: number, promotions: readonly Promotion[]): Promotion[] {
  const rng = stream(seed, "promotion-effects");
  return promotions.map((p) => {
    const cannibalisationPct = p.sku ? rng.int(4, 8) * 5 : null;
    const postDipPct = rng.chance(0.5) ? rng.int(1, 4) * 5 : null;
    return { ...p, cannibalisationPct, postDipPct };
  });
}

/** The promotions that apply to each SKU, by SKU index. */
export function promotionsBySku(
  promotions: readonly Promotion[],
  skus: readonly FinishedSku[],
): Promotion[][] {
  const byFamily = new Map<Family, Promotion[]>();
  const bySku: Promotion[][] = skus.map(() => []);
  for (const p of promotions) {
    if (p.sku) bySku[p.sku.index]!.push(p);
    else if (p.family) byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p]);
  }
  skus.forEach((sku, i) => {
    bySku[i]!.push(...(byFamily.get(sku.family) ?? []));
  });
  return bySku;
}

export function promotionRows(promotions: readonly Promotion[], calendar: DemoCalendar): ImportRow[] {
  return promotions.map((p) => ({
    code: p.code,
    name: p.name,
    sku: p.sku?.code ?? null,
    group_code: p.family?.code ?? null,
    segment: p.segment?.code ?? null,
    start_date: calendar.iso(p.firstDay),
    end_date: calendar.iso(p.lastDay),
    uplift_pct: p.upliftPct,
    discount_pct: p.discountPct,
    uplift_units: null,
    cannibalisation_pct: p.cannibalisationPct,
    post_dip_pct: p.postDipPct,
  }));
}

const SEASON_NAMES = [
  "New year",
  "Winter",
  "Spring",
  "Easter",
  "May",
  "Early summer",
  "Summer",
  "Late summer",
  "Back to school",
  "Autumn",
  "November",
  "Christmas",
];
