// The figures an S&OP meeting compares plans by, from a plan's stored cells. Pure: the service reads
// the cells of each plan (through `plan_cells`, so a scenario reads as its whole plan) and the run's
// summary; this file adds them up for a set of SKUs and a span of months.
//
// Per SKU × location × segment line, with backlog b: demand_t = served_t + lost_t + b_t − b_{t−1};
// served on time_t = min(demand_t, max(0, served_t − b_{t−1})) (backlog is served first). A line-month
// with demand is on time in full when it is served on time to within half a unit. Fill rate is the
// units served on time ÷ demand. Money is integer minor units, summed from the plan's finance cells.

import type { SupplyRunSummary } from "../supply/supply-output";

export interface PlanFigures {
  readonly demandUnits: number;
  readonly servedUnits: number;
  readonly lostUnits: number;
  /** Backlog still open at the end of the span. */
  readonly backlogUnits: number;
  readonly revenue: number;
  readonly cogs: number;
  readonly grossMargin: number;
  /** 100 × margin ÷ revenue; null without revenue. */
  readonly grossMarginPercent: number | null;
  readonly lostRevenue: number;
  /** Finished stock at the end of the span, in units and at standard cost. */
  readonly inventoryUnits: number;
  readonly inventoryValue: number;
  /** End stock ÷ the span's average daily demand; null without demand. */
  readonly daysOfCover: number | null;
  /** Share of line-months with demand served on time in full, 0–1; null without demand. */
  readonly otif: number | null;
  /** Units served on time ÷ demand, 0–1; null without demand. */
  readonly fillRate: number | null;
}

/** Figures only the whole plan has: resources, costs and cash are not split by product. */
export interface WholePlanFigures {
  readonly expediteCost: number;
  readonly overtimeCost: number;
  readonly overtimeHours: number;
  /** Load ÷ regular hours over every resource and month of the span, in %. */
  readonly capacityUtilisation: number | null;
  readonly operatingCashFlow: number | null;
  /** Cumulative operating cash at the end of the span. */
  readonly closingCash: number | null;
  readonly totalCost: number;
}

/** A cell as read for the figures: supply quantities per line, finance per SKU. */
export interface FigureCell {
  readonly measure: string;
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
  readonly value: number;
}

const IN_FULL = 0.5;

/**
 * The figures of `cells` (every period of the plan, for the SKUs wanted) over `span` (periods in
 * order). `daysPerPeriod` converts demand to a daily rate for days of cover.
 */
export function planFigures(
  cells: readonly FigureCell[],
  span: readonly string[],
  daysPerPeriod: number,
): PlanFigures {
  const inSpan = new Set(span);
  const last = span.at(-1);
  type Line = { served: Map<string, number>; lost: Map<string, number>; backlog: Map<string, number> };
  const lines = new Map<string, Line>();
  const periods = new Set<string>();
  let revenue = 0;
  let cogs = 0;
  let lostRevenue = 0;
  let inventoryUnits = 0;
  let inventoryValue = 0;
  for (const c of cells) {
    periods.add(c.period);
    switch (c.measure) {
      case "supply.served":
      case "supply.lost_sales":
      case "supply.backlog": {
        const key = `${c.sku}\u0000${c.location}\u0000${c.segment}`;
        let line = lines.get(key);
        if (!line) {
          line = { served: new Map(), lost: new Map(), backlog: new Map() };
          lines.set(key, line);
        }
        const into =
          c.measure === "supply.served"
            ? line.served
            : c.measure === "supply.lost_sales"
              ? line.lost
              : line.backlog;
        into.set(c.period, (into.get(c.period) ?? 0) + c.value);
        break;
      }
      case "finance.revenue":
        if (inSpan.has(c.period)) revenue += c.value;
        break;
      case "finance.cogs":
        if (inSpan.has(c.period)) cogs += c.value;
        break;
      case "finance.lost_revenue":
        if (inSpan.has(c.period)) lostRevenue += c.value;
        break;
      case "finance.inventory_value":
        if (c.period === last) inventoryValue += c.value;
        break;
      case "inventory.projected":
        if (c.period === last) inventoryUnits += c.value;
        break;
    }
  }
  const ordered = [...periods].sort();
  let demandUnits = 0;
  let servedUnits = 0;
  let lostUnits = 0;
  let backlogUnits = 0;
  let onTime = 0;
  let withDemand = 0;
  let inFull = 0;
  for (const line of lines.values()) {
    let before = 0;
    for (const period of ordered) {
      const served = line.served.get(period) ?? 0;
      const lost = line.lost.get(period) ?? 0;
      const backlog = line.backlog.get(period) ?? 0;
      if (inSpan.has(period)) {
        const demand = Math.max(0, served + lost + backlog - before);
        const timely = Math.min(demand, Math.max(0, served - before));
        demandUnits += demand;
        servedUnits += served;
        lostUnits += lost;
        onTime += timely;
        if (demand > IN_FULL) {
          withDemand++;
          if (timely >= demand - IN_FULL) inFull++;
        }
        if (period === last) backlogUnits += backlog;
      }
      before = backlog;
    }
  }
  const grossMargin = revenue - cogs;
  const dailyDemand = span.length > 0 ? demandUnits / (span.length * daysPerPeriod) : 0;
  return {
    demandUnits,
    servedUnits,
    lostUnits,
    backlogUnits,
    revenue,
    cogs,
    grossMargin,
    grossMarginPercent: revenue > 0 ? (100 * grossMargin) / revenue : null,
    lostRevenue,
    inventoryUnits,
    inventoryValue,
    daysOfCover: dailyDemand > 0 ? inventoryUnits / dailyDemand : null,
    otif: withDemand > 0 ? inFull / withDemand : null,
    fillRate: demandUnits > 0 ? onTime / demandUnits : null,
  };
}

/** The whole plan's resource, cost and cash figures over the span, from the run summary. */
export function wholePlanFigures(summary: SupplyRunSummary, span: readonly string[]): WholePlanFigures {
  const at = span.map((p) => summary.periods.indexOf(p)).filter((t) => t >= 0);
  let load = 0;
  let regular = 0;
  let overtimeHours = 0;
  for (const r of summary.capacity)
    for (const t of at) {
      load += r.load[t] ?? 0;
      regular += r.regularHours[t] ?? 0;
      overtimeHours += r.overtimeHours[t] ?? 0;
    }
  const cash = summary.finance?.total.byPeriod.filter((f) => span.includes(f.period)) ?? [];
  return {
    expediteCost: summary.costs.byKind["subcontract-expedite"] ?? 0,
    overtimeCost: summary.costs.byKind.overtime ?? 0,
    overtimeHours,
    capacityUtilisation: regular > 0 ? (100 * load) / regular : null,
    operatingCashFlow: cash.length > 0 ? cash.reduce((a, f) => a + f.operatingCashFlow, 0) : null,
    closingCash: cash.at(-1)?.cumulativeCash ?? null,
    totalCost: summary.costs.total,
  };
}
