// Sales history: each SKU's monthly demand spread over its customers' order days as order lines,
// grouped into multi-line orders, then fulfilled — mostly in full and on time, some late, some
// short in peak months, a few cancelled — at the price list's price less any promotion discount.

import type { ImportRow } from "@fulcrum/domain";
import type { DemoCalendar } from "./calendar";
import type { Customer, FinishedSku } from "./company-model";
import { SEGMENTS } from "./customers";
import type { DemandModel } from "./demand-model";
import type { Listing } from "./listing";
import { DCS } from "./network";
import { orderDays } from "./order-calendar";
import type { PriceBook } from "./price-book";
import type { Promotion } from "./promotions";
import { type Rng, stream } from "./random";

/** Customers rarely order fewer units than this on a line; smaller needs are bought now and then. */
export const MIN_LINE_QTY = 12;
/**
 * The DCs promise no delivery sooner than this many days after the order: a line requested with a
 * shorter lead time is promised for then (a day after the request), otherwise as requested.
 */
export const PROMISE_LEAD_DAYS = 3;
/** A line delivered this many days or more after its request was short when ordered: it was promised for the day it shipped. */
export const FORESEEN_DELAY_DAYS = 3;
/** A family's month counts as peak when its seasonal index is above this. */
const PEAK_SEASON = 1.12;

export interface LineDraft {
  readonly sku: number;
  readonly customer: number;
  readonly day: number;
  readonly qty: number;
  readonly unitPrice: number;
}

export interface SalesHistory {
  readonly rows: ImportRow[];
  /** Delivered units per SKU and history month, at sku × historyMonths + month. */
  readonly delivered: Float64Array;
  /** Delivered units per SKU and DC over the last three history months, at sku × DCs + dc. */
  readonly recentByDc: Float64Array;
  /** The order number the next order takes. */
  readonly nextOrderNumber: number;
}

export interface SalesInputs {
  readonly seed: number;
  readonly calendar: DemoCalendar;
  readonly skus: readonly FinishedSku[];
  readonly customers: readonly Customer[];
  readonly listings: readonly Listing[];
  readonly demand: DemandModel;
  readonly promotions: readonly (readonly Promotion[])[];
  readonly prices: PriceBook;
}

export function generateSalesHistory(inputs: SalesInputs): SalesHistory {
  const { calendar, skus, customers } = inputs;
  const h = calendar.history.length;
  const delivered = new Float64Array(skus.length * h);
  const recentByDc = new Float64Array(skus.length * DCS.length);
  const rows: ImportRow[] = [];
  let orderNumber = 1;
  calendar.history.forEach((month, t) => {
    const rng = stream(inputs.seed, "orders", t);
    const buckets = new Map<number, LineDraft[]>();
    const days = customers.map((c) => orderDays(c, month));
    for (const sku of skus) {
      const qty = inputs.demand.monthly[sku.index]![t]!;
      if (qty > 0) draftLines(inputs, rng, sku, qty, days, buckets);
    }
    const peak = skus.map((s) => s.family.season[month.month - 1]! > PEAK_SEASON);
    for (const key of [...buckets.keys()].sort((a, b) => a - b)) {
      const orderId = `SO-${String(1_000_000 + orderNumber++)}`;
      const drafts = buckets.get(key)!;
      for (let i = 0; i < drafts.length; i++) {
        const draft = drafts[i]!;
        const customer = customers[draft.customer]!;
        const f = fulfil(rng, calendar.asOfDay, customer, draft, peak[draft.sku]!);
        rows.push({
          order_id: orderId,
          line: i + 1,
          sku: skus[draft.sku]!.code,
          customer: customer.code,
          location: DCS[customer.dc]!.code,
          order_date: calendar.iso(draft.day),
          requested_date: calendar.iso(f.requestedDay),
          requested_qty: draft.qty,
          promised_date: calendar.iso(promisedDay(draft.day, f)),
          delivered_date: f.deliveredDay === null ? null : calendar.iso(f.deliveredDay),
          delivered_qty: f.deliveredQty,
          cancelled_qty: draft.qty - f.deliveredQty,
          unit_price: draft.unitPrice,
        });
        const cell = draft.sku * h + t;
        delivered[cell] = delivered[cell]! + f.deliveredQty;
        if (t >= h - 3) {
          const dcCell = draft.sku * DCS.length + customer.dc;
          recentByDc[dcCell] = recentByDc[dcCell]! + f.deliveredQty;
        }
      }
    }
  });
  return { rows, delivered, recentByDc, nextOrderNumber: orderNumber };
}

/**
 * Splits one SKU's month across its listed customers (share × demand) and their order days: one
 * line per order day while each line keeps at least MIN_LINE_QTY; a customer needing less than
 * that buys one MIN_LINE_QTY line with probability need / MIN_LINE_QTY, which keeps the expected
 * volume. Lines inside a matching promotion are lifted by its uplift and priced at its discount.
 */
export function draftLines(
  inputs: Pick<SalesInputs, "listings" | "promotions" | "prices" | "customers">,
  rng: Rng,
  sku: FinishedSku,
  monthQty: number,
  daysByCustomer: readonly (readonly number[])[],
  buckets: Map<number, LineDraft[]>,
  keepDay: (day: number) => boolean = () => true,
): void {
  const listing = inputs.listings[sku.index]!;
  listing.customers.forEach((c, k) => {
    const need = monthQty * listing.shares[k]!;
    const days = daysByCustomer[c]!;
    if (days.length === 0) return;
    let lines: number;
    let perLine: number;
    if (need < MIN_LINE_QTY) {
      if (!rng.chance(need / MIN_LINE_QTY)) return;
      lines = 1;
      perLine = MIN_LINE_QTY;
    } else {
      lines = Math.min(days.length, Math.max(1, Math.round(need / MIN_LINE_QTY)));
      perLine = need / lines;
    }
    const start = rng.int(0, days.length - 1);
    const customer = inputs.customers[c]!;
    const segment = SEGMENTS.indexOf(customer.segment);
    for (let i = 0; i < lines; i++) {
      const day = days[(start + Math.floor((i * days.length) / lines)) % days.length]!;
      if (!keepDay(day)) continue;
      let qty = Math.max(1, Math.round(perLine * rng.logNormal(1, 0.15)));
      let unitPrice = inputs.prices.price(sku.index, segment, day);
      const promo = inputs.promotions[sku.index]!.find(
        (p) =>
          day >= p.firstDay && day <= p.lastDay && (p.segment === null || p.segment === customer.segment),
      );
      if (promo) {
        qty = Math.round(qty * (1 + promo.upliftPct / 100));
        unitPrice = Math.round((unitPrice * (100 - promo.discountPct)) / 100);
      }
      // Orders sort by day, then customer.
      const key = day * 65_536 + c;
      const bucket = buckets.get(key);
      const draft = { sku: sku.index, customer: c, day, qty, unitPrice };
      if (bucket) bucket.push(draft);
      else buckets.set(key, [draft]);
    }
  });
}

/**
 * The date promised when the line was ordered: the requested date, but no sooner than
 * PROMISE_LEAD_DAYS after the order, and the day it shipped when it shipped FORESEEN_DELAY_DAYS or
 * more after the request (the stock was short and the DC knew it).
 */
export function promisedDay(
  orderDay: number,
  f: { readonly requestedDay: number; readonly deliveredDay: number | null },
): number {
  const earliest = Math.max(f.requestedDay, orderDay + PROMISE_LEAD_DAYS);
  return f.deliveredDay !== null && f.deliveredDay - f.requestedDay >= FORESEEN_DELAY_DAYS
    ? Math.max(earliest, f.deliveredDay)
    : earliest;
}

/**
 * On time (delivered on or a day before the requested date) unless late (8 %, 20 % in peak
 * months, by 1–6 days); short-shipped 2 % of lines (10 % in peak months) at 50–95 % with the rest
 * cancelled; 0.8 % of lines cancelled outright: about 2 % of the ordered units are cancelled. Deliveries never fall after asOf.
 */
function fulfil(
  rng: Rng,
  asOfDay: number,
  customer: Customer,
  draft: LineDraft,
  peak: boolean,
): { requestedDay: number; deliveredDay: number | null; deliveredQty: number } {
  const [earliest, latest] = customer.segment.requestLeadDays;
  const requestedDay = draft.day + rng.int(earliest, latest);
  if (rng.chance(0.008)) return { requestedDay, deliveredDay: null, deliveredQty: 0 };
  const late = rng.chance(peak ? 0.2 : 0.08);
  const target = requestedDay + (late ? rng.int(1, 6) : -rng.int(0, 1));
  const deliveredDay = Math.max(draft.day, Math.min(asOfDay, target));
  const short = rng.chance(peak ? 0.1 : 0.02);
  const deliveredQty = short ? Math.max(1, Math.floor(draft.qty * rng.between(0.5, 0.95))) : draft.qty;
  return { requestedDay, deliveredDay, deliveredQty };
}
