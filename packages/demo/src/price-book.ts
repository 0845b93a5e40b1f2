// List prices per SKU and segment in EUR cents, with one price increase halfway through the
// history, and the prices rows that publish them.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { FinishedSku } from "./company-model";
import { SEGMENTS } from "./customers";
import { introductionMonth } from "./lifecycle";
import { stream } from "./random";

export interface PriceBook {
  /** First day of the new prices. */
  readonly increaseDay: number;
  /** Net price in cents of SKU `sku` for segment `segment`, on day `day`. */
  price(sku: number, segment: number, day: number): number;
}

/** Multi-packs sell a little cheaper per bottle. */
const PACK_FACTOR: Record<string, number> = { S: 1, "4P": 0.93, "6P": 0.9, "12T": 0.86 };

/**
 * List price = litres × bottles × family price per litre × pack factor × a SKU's own ±8 %;
 * each segment's net price is the list price times its price factor. The increase is 3–6 % per
 * family, from the first day of the middle history month.
 */
export function buildPriceBook(
  seed: number,
  skus: readonly FinishedSku[],
  calendar: DemoCalendar,
): PriceBook {
  const rng = stream(seed, "prices");
  const increaseDay = calendar.history[Math.floor(calendar.history.length / 2)]!.firstDay;
  const increase = new Map<string, number>();
  const segments = SEGMENTS.length;
  const before = new Int32Array(skus.length * segments);
  const after = new Int32Array(skus.length * segments);
  for (const sku of skus) {
    let up = increase.get(sku.family.code);
    if (up === undefined) {
      up = rng.between(1.03, 1.06);
      increase.set(sku.family.code, up);
    }
    const list =
      sku.size.litres *
      sku.pack.count *
      sku.family.eurPerLitre *
      PACK_FACTOR[sku.pack.code]! *
      rng.logNormal(1, 0.08);
    SEGMENTS.forEach((segment, s) => {
      before[sku.index * segments + s] = Math.max(1, Math.round(list * segment.priceFactor * 100));
      after[sku.index * segments + s] = Math.max(1, Math.round(list * up * segment.priceFactor * 100));
    });
  }
  return {
    increaseDay,
    price: (sku, segment, day) => (day < increaseDay ? before : after)[sku * segments + segment]!,
  };
}

/** One row per SKU and segment for each price that applies from the SKU's introduction on. */
export function priceRows(
  skus: readonly FinishedSku[],
  book: PriceBook,
  calendar: DemoCalendar,
): ImportRow[] {
  const rows: ImportRow[] = [];
  const h = calendar.history.length;
  for (const sku of skus) {
    const intro = introductionMonth(sku, h);
    const firstDay = intro === null ? calendar.history[0]!.firstDay : calendar.history[intro]!.firstDay;
    SEGMENTS.forEach((segment, s) => {
      if (firstDay < book.increaseDay) {
        rows.push({
          sku: sku.code,
          segment: segment.code,
          valid_from: calendar.iso(firstDay),
          valid_to: calendar.iso(book.increaseDay - 1),
          unit_price: book.price(sku.index, s, firstDay),
        });
      }
      const from = Math.max(firstDay, book.increaseDay);
      rows.push({
        sku: sku.code,
        segment: segment.code,
        valid_from: calendar.iso(from),
        valid_to: null,
        unit_price: book.price(sku.index, s, from),
      });
    });
  }
  return rows;
}
