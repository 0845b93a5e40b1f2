// The actuals the scorecard reads beyond what the order-service and supply KPI services already
// measure: the order lines with their prices and costs, supplier receipt lines, the premium spend
// and the cash events of the window — each read once, filtered by the scorecard's filter, and
// handed to the engines' pure measures.

import { addPeriods, type Money, type PeriodKey } from "@fulcrum/domain";
import type { CashEvent, OrderLine, PricedOrderLine, ReceiptLine } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { RECEIVABLES_DAYS } from "../supply/supply-assumptions";
import { atLocation, type ScorecardFilter, skuBelow } from "./scorecard-filter";

/** An order line of the window, with the months it was asked for and delivered in. */
export interface ScorecardOrderLine extends Omit<PricedOrderLine, "key"> {
  readonly sku: string;
  readonly requestedMonth: string;
  /** Null while nothing was delivered. */
  readonly deliveredMonth: string | null;
  readonly onTime: boolean;
}

/**
 * The lines as the order-service engine reads them, grouped by `key`: only the fields it needs, so
 * that hundreds of thousands of lines are not copied whole for each grouping.
 */
export function serviceLines(
  lines: readonly ScorecardOrderLine[],
  key: (line: ScorecardOrderLine) => string,
): OrderLine[] {
  return lines.map((l) => ({
    key: key(l),
    requested: l.requested,
    delivered: l.delivered,
    cancelled: l.cancelled,
    onTime: l.onTime,
  }));
}

/** The lines as the realised-sales engine reads them, grouped by `key`. */
export function pricedLines(
  lines: readonly ScorecardOrderLine[],
  key: (line: ScorecardOrderLine) => string,
): PricedOrderLine[] {
  return lines.map((l) => ({
    key: key(l),
    requested: l.requested,
    delivered: l.delivered,
    cancelled: l.cancelled,
    unitPrice: l.unitPrice,
    listPrice: l.listPrice,
    realisedUnitCost: l.realisedUnitCost,
    standardUnitCost: l.standardUnitCost,
  }));
}

export interface ScorecardReceipt extends Omit<ReceiptLine, "key"> {
  readonly supplier: string;
  readonly sku: string;
  readonly month: string;
}

export interface ScorecardActuals {
  readonly lines: readonly ScorecardOrderLine[];
  readonly receipts: readonly ScorecardReceipt[];
  /** Expedite, overtime and subcontract spend per month, location and kind. */
  readonly premium: readonly { month: string; location: string; kind: string; amount: number }[];
  /** Cash out of the window besides what the order lines collect (receipts, production, premium). */
  readonly cashOut: readonly CashEvent[];
  /** Days between a sale and its cash, in whole months. */
  readonly receivablesLag: number;
}

const DAYS_PER_MONTH = 30;

export async function loadScorecardActuals(
  database: Database,
  window: { readonly from: PeriodKey; readonly to: PeriodKey; readonly asOf: string },
  filter: ScorecardFilter,
): Promise<ScorecardActuals> {
  const query = sqlRows(database.db);
  const receivablesLag = Math.round(RECEIVABLES_DAYS / DAYS_PER_MONTH);
  // Sales delivered this many months before the window are collected inside it.
  const salesFrom = addPeriods(window.from, -receivablesLag);
  const start = (p: string) => `${p}-01`;
  const end = start(addPeriods(window.to, 1));
  const segment = filter.segment === undefined ? sql`true` : sql`c.segment = ${filter.segment}`;

  const lines = await query<ScorecardOrderLine>(sql`
    WITH list AS (
      SELECT DISTINCT ON (sku, segment) sku, segment, unit_price::float8 AS price
      FROM prices WHERE valid_from <= ${window.asOf}::date AND (valid_to IS NULL OR valid_to >= ${window.asOf}::date)
      ORDER BY sku, segment, valid_from DESC),
    standard AS (
      SELECT sku, avg(cost)::float8 AS cost FROM (
        SELECT DISTINCT ON (sku, location) sku, (material_cost + labour_cost + overhead_cost) AS cost
        FROM standard_costs
        WHERE valid_from <= ${window.asOf}::date AND (valid_to IS NULL OR valid_to >= ${window.asOf}::date)
        ORDER BY sku, location, valid_from DESC) AS current
      GROUP BY sku),
    realised AS (
      SELECT period, sku, avg(amount)::float8 AS cost FROM cost_actuals WHERE kind = 'unit_cost' GROUP BY 1, 2)
    SELECT h.sku,
           to_char(h.requested_date, 'YYYY-MM') AS "requestedMonth",
           to_char(h.delivered_date, 'YYYY-MM') AS "deliveredMonth",
           h.requested_qty AS requested, h.delivered_qty AS delivered, h.cancelled_qty AS cancelled,
           coalesce(h.delivered_date <= h.requested_date, false) AS "onTime",
           h.unit_price::float8 AS "unitPrice",
           coalesce(ls.price, la.price, 0) AS "listPrice",
           r.cost AS "realisedUnitCost",
           coalesce(st.cost, 0) AS "standardUnitCost"
    FROM sales_history h
    JOIN customers c ON c.code = h.customer
    LEFT JOIN list ls ON ls.sku = h.sku AND ls.segment = c.segment
    LEFT JOIN list la ON la.sku = h.sku AND la.segment IS NULL
    LEFT JOIN standard st ON st.sku = h.sku
    LEFT JOIN realised r ON r.sku = h.sku AND r.period = to_char(h.delivered_date, 'YYYY-MM')
    WHERE ((h.requested_date >= ${start(window.from)}::date AND h.requested_date < ${end}::date)
        OR (h.delivered_date >= ${start(salesFrom)}::date AND h.delivered_date < ${end}::date))
      AND ${segment} AND ${skuBelow(sql`h.sku`, filter.node)} AND ${atLocation(sql`h.location`, filter.location)}`);

  // Receipts are the supply side's: a segment filter does not cut them.
  const receipts = await query<ScorecardReceipt>(sql`
    SELECT supplier, sku, to_char(promised_date, 'YYYY-MM') AS month,
           to_char(promised_date, 'YYYY-MM-DD') AS "promisedDate", promised_qty AS "promisedQty",
           to_char(received_date, 'YYYY-MM-DD') AS "receivedDate", received_qty AS "receivedQty"
    FROM supplier_receipts
    WHERE promised_date >= ${start(window.from)}::date AND promised_date < ${end}::date
      AND ${skuBelow(sql`sku`, filter.node)} AND ${atLocation(sql`location`, filter.location)}`);

  const premium = await query<{ month: string; location: string; kind: string; amount: number }>(sql`
    SELECT period AS month, location, kind, sum(amount)::float8 AS amount FROM cost_actuals
    WHERE kind <> 'unit_cost' AND period BETWEEN ${window.from} AND ${window.to}
      AND ${atLocation(sql`location`, filter.location)}
    GROUP BY 1, 2, 3`);

  // Cash out: goods received at the supplier's price, paid after its payment terms; labour and
  // overhead of what was made, and the premium spend, paid when incurred.
  const purchases = await query<{ month: string; amount: number; lag: number }>(sql`
    SELECT to_char(r.received_date, 'YYYY-MM') AS month,
           sum(r.received_qty * coalesce(si.unit_cost, 0))::float8 AS amount,
           round(s.payment_terms_days / ${DAYS_PER_MONTH}::float8)::int AS lag
    FROM supplier_receipts r
    JOIN suppliers s ON s.code = r.supplier
    LEFT JOIN supplier_items si ON si.supplier = r.supplier AND si.sku = r.sku
    WHERE r.received_date >= ${start(addPeriods(window.from, -12))}::date AND r.received_date < ${end}::date
      AND ${atLocation(sql`r.location`, filter.location)}
    GROUP BY 1, 3`);
  const production = await query<{ month: string; amount: number }>(sql`
    WITH conversion AS (
      SELECT DISTINCT ON (sku, location) sku, location, (labour_cost + overhead_cost)::float8 AS cost
      FROM standard_costs
      WHERE valid_from <= ${window.asOf}::date AND (valid_to IS NULL OR valid_to >= ${window.asOf}::date)
      ORDER BY sku, location, valid_from DESC)
    SELECT p.period AS month, sum(p.quantity * coalesce(cv.cost, 0))::float8 AS amount
    FROM production_actuals p LEFT JOIN conversion cv ON cv.sku = p.sku AND cv.location = p.location
    WHERE p.period BETWEEN ${window.from} AND ${window.to}
      AND ${skuBelow(sql`p.sku`, filter.node)} AND ${atLocation(sql`p.location`, filter.location)}
    GROUP BY 1`);
  const event = (period: string, amount: number, lagPeriods: number): CashEvent => ({
    period: period as PeriodKey,
    amount: Math.round(amount) as Money,
    lagPeriods,
  });
  return {
    lines,
    receipts,
    premium,
    cashOut: [
      ...purchases.map((p) => event(p.month, p.amount, p.lag)),
      ...production.map((p) => event(p.month, p.amount, 0)),
      ...premium.map((p) => event(p.month, p.amount, 0)),
    ],
    receivablesLag,
  };
}
