// What the order lines really earned and lost: realised revenue, cost of goods sold and gross
// margin from the units delivered at the line's realised price and the realised unit cost (standard
// cost where none was recorded), and the value of lost sales — the executive and alignment
// measures set against the committed financial plan.

import type { Money } from "@fulcrum/domain";

/** One order line with its prices, grouped by `key` (a month, a SKU, "all"). */
export interface PricedOrderLine {
  readonly key: string;
  readonly requested: number;
  readonly delivered: number;
  readonly cancelled: number;
  /** The line's realised price per unit; null when the history has none. */
  readonly unitPrice: Money | null;
  /** The list price per unit, used when the line has no price of its own. */
  readonly listPrice: Money;
  /** Realised cost per unit of the month and location delivered; null when none was recorded. */
  readonly realisedUnitCost: Money | null;
  readonly standardUnitCost: Money;
}

export interface RealisedSales {
  readonly key: string;
  readonly unitsDelivered: number;
  /** Σ delivered × price, rounded once per key to the minor unit. */
  readonly revenue: Money;
  /** Σ delivered × (realised unit cost, else standard cost). */
  readonly cogs: Money;
  readonly grossMargin: Money;
  /** Σ max(0, requested − cancelled − delivered): units wanted and not delivered. */
  readonly lostUnits: number;
  /** Lost units × price. */
  readonly lostValue: Money;
}

/**
 * Realised sales per key, in order of first appearance. A cancelled quantity is the customer's
 * decision, not a lost sale; an over-delivery earns its revenue and loses nothing; a line with no
 * price of its own is valued at list price.
 */
export function realisedSales(lines: readonly PricedOrderLine[]): RealisedSales[] {
  const groups = new Map<
    string,
    { delivered: number; revenue: number; cogs: number; lostUnits: number; lost: number }
  >();
  for (const l of lines) {
    const g = groups.get(l.key) ?? { delivered: 0, revenue: 0, cogs: 0, lostUnits: 0, lost: 0 };
    const price = l.unitPrice ?? l.listPrice;
    const lost = Math.max(0, l.requested - l.cancelled - l.delivered);
    g.delivered += l.delivered;
    g.revenue += l.delivered * price;
    g.cogs += l.delivered * (l.realisedUnitCost ?? l.standardUnitCost);
    g.lostUnits += lost;
    g.lost += lost * price;
    groups.set(l.key, g);
  }
  return [...groups].map(([key, g]) => {
    const revenue = Math.round(g.revenue) as Money;
    const cogs = Math.round(g.cogs) as Money;
    return {
      key,
      unitsDelivered: g.delivered,
      revenue,
      cogs,
      grossMargin: (revenue - cogs) as Money,
      lostUnits: g.lostUnits,
      lostValue: Math.round(g.lost) as Money,
    };
  });
}
