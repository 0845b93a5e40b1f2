// Open orders: lines placed over the last three weeks for delivery from tomorrow to about three
// months out, covering a falling share of each month's expected demand.

import type { ImportRow } from "@fulcrum/domain";
import { weekday } from "./calendar";
import { DCS } from "./network";
import { draftLines, type LineDraft, type SalesInputs } from "./order-lines";
import { stream } from "./random";

/** Share of the current month and the next three months' demand already on order. */
const ON_ORDER = [0.5, 0.3, 0.1, 0.03];
/** Orders still open were placed at most this many days before asOf. */
const ORDER_WINDOW_DAYS = 21;

export interface OpenOrderInputs extends SalesInputs {
  readonly firstOrderNumber: number;
}

/**
 * Each order line is drafted like a history line on one of the customer's order days in the
 * window (as many as its rhythm has); its requested date falls in the month it supplies, after
 * asOf. Four in five
 * lines are promised for the requested date, one in ten a few days later, the rest not yet.
 */
export function generateOpenOrders(inputs: OpenOrderInputs): ImportRow[] {
  const { calendar, skus, customers } = inputs;
  const rng = stream(inputs.seed, "open-orders");
  const h = calendar.history.length;
  const windowDays: number[] = [];
  for (let d = calendar.asOfDay - ORDER_WINDOW_DAYS + 1; d <= calendar.asOfDay; d++) {
    if (weekday(d) < 5) windowDays.push(d);
  }
  const byCustomer = customers.map((c) => {
    const days = windowDays.filter((d) => weekday(d) === c.orderWeekday);
    return c.ordersPerMonth >= 4 ? days : days.slice(-Math.min(days.length, c.ordersPerMonth));
  });
  const buckets = new Map<number, (LineDraft & { requestedDay: number })[]>();
  ON_ORDER.forEach((share, k) => {
    const month = calendar.future[k]!;
    const firstRequest = Math.max(month.firstDay, calendar.asOfDay + 1);
    const lastRequest = month.firstDay + month.days - 1;
    if (firstRequest > lastRequest) return;
    const drafted = new Map<number, LineDraft[]>();
    for (const sku of skus) {
      const qty = inputs.demand.monthly[sku.index]![h + k]! * share;
      if (qty > 0) draftLines(inputs, rng, sku, qty, byCustomer, drafted);
    }
    for (const [key, drafts] of drafted) {
      const lines = buckets.get(key) ?? [];
      for (const d of drafts) lines.push({ ...d, requestedDay: rng.int(firstRequest, lastRequest) });
      buckets.set(key, lines);
    }
  });
  const rows: ImportRow[] = [];
  let orderNumber = inputs.firstOrderNumber;
  for (const key of [...buckets.keys()].sort((a, b) => a - b)) {
    const orderId = `SO-${String(1_000_000 + orderNumber++)}`;
    buckets.get(key)!.forEach((draft, i) => {
      const customer = customers[draft.customer]!;
      const promise = rng.float();
      rows.push({
        order_id: orderId,
        line: i + 1,
        sku: skus[draft.sku]!.code,
        customer: customer.code,
        location: DCS[customer.dc]!.code,
        order_date: calendar.iso(draft.day),
        requested_date: calendar.iso(draft.requestedDay),
        quantity: draft.qty,
        promised_date:
          promise < 0.8
            ? calendar.iso(draft.requestedDay)
            : promise < 0.9
              ? calendar.iso(draft.requestedDay + rng.int(2, 10))
              : null,
      });
    });
  }
  return rows;
}
