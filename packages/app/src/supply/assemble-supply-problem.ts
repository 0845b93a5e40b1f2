// Turns the imported data into the supply engine's problem. The catalogue holds what a company has
// (routings, calendars, BOMs, supplier terms); the engine also needs a network, policies and
// costs the catalogue does not name — those come from supply-assumptions.ts. Missing data that the
// plan depends on is reported as issues naming the rows, never filled in silently.

import { bucketOf, type Money, type PeriodKey, periodOf } from "@fulcrum/domain";
import {
  grossRequirements,
  type Lane,
  type Segment,
  type SupplierItem,
  type SupplyIssue,
  type SupplyProblem,
} from "@fulcrum/engines";
import { type SplitDemand, splitDemand } from "./demand-split";
import { type StockTarget, safetyStockTargets } from "./safety-stock-targets";
import {
  GOODWILL_RATE_PER_PRIORITY,
  HOLDING_RATE_PER_YEAR,
  LANE_LEAD_TIME_PERIODS,
  PAYABLES_DAYS,
  RECEIVABLES_DAYS,
  SAFETY_SHORTFALL_RATE,
  TRANSPORT_RATE,
} from "./supply-assumptions";
import type { SupplyData } from "./supply-data";

export interface AssembledProblem {
  readonly problem: SupplyProblem;
  /** Safety stock and target stock per SKU-location, as stored with the plan. */
  readonly stockTargets: readonly StockTarget[];
  readonly issues: readonly SupplyIssue[];
  /** Ids of the supplier responses that became per-period limits of a supplier line. */
  readonly supplierResponsesUsed: readonly string[];
}

const money = (amount: number) => Math.max(0, Math.round(amount)) as Money;
const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * `adjustDemand` changes the demand once it is split to SKU × location × segment, before safety
 * stocks are sized from it (a scenario's demand changes enter here).
 */
export function assembleSupplyProblem(
  data: SupplyData,
  adjustDemand?: (demand: readonly SplitDemand[]) => readonly SplitDemand[],
): AssembledProblem {
  const issues: SupplyIssue[] = [];
  const periods = data.periods as PeriodKey[];
  const toPeriods = (days: number) => Math.round(days / data.daysPerPeriod);

  const split = splitDemand(data.demand, data.demandMix);
  const { unplaced } = split;
  const demand = adjustDemand ? adjustDemand(split.demand) : split.demand;
  for (const cell of unplaced)
    issues.push({
      entity: "demand",
      key: `${cell.sku}/${cell.location ?? "*"}/${cell.segment ?? "*"}/${cell.period}`,
      message: "no sales history places this demand at a location and segment",
    });

  // The items the plan touches: demanded SKUs and everything below them in the BOM.
  const skus = new Set(demand.map((d) => d.sku));
  for (const sku of skus) for (const b of data.bom) if (b.parent === sku) skus.add(b.component);
  const itemType = new Map(data.items.map((i) => [i.sku, i.itemType]));

  const costs = new Map<string, SupplyData["standardCosts"][number][]>();
  for (const c of data.standardCosts) costs.set(c.sku, [...(costs.get(c.sku) ?? []), c]);
  const standardCost = (sku: string) =>
    mean((costs.get(sku) ?? []).map((c) => c.material + c.labour + c.overhead));
  const items = [...skus].map((sku) => {
    if (!costs.has(sku))
      issues.push({
        entity: "standard_costs",
        key: sku,
        message: `no standard cost valid at the as-of date`,
      });
    const cost = standardCost(sku);
    return {
      sku,
      standardCost: money(cost),
      holdingCostPerPeriod: money((cost * HOLDING_RATE_PER_YEAR) / 12),
    };
  });

  const routings = data.routings.filter((r) => skus.has(r.sku));
  const hasBom = new Set(data.bom.map((b) => b.parent));
  const plantsOf = new Map<string, string[]>();
  const production = [...new Set(routings.map((r) => `${r.sku}\u0000${r.location}`))].map((key) => {
    const [sku, plant] = key.split("\u0000") as [string, string];
    plantsOf.set(sku, [...(plantsOf.get(sku) ?? []), plant]);
    const material = (costs.get(sku) ?? []).find((c) => c.location === plant)?.material ?? 0;
    // Bought materials enter through the BOM and the purchases; only BOM-less items carry their own.
    return { sku, plant, materialCostPerUnit: money(hasBom.has(sku) ? 0 : material) };
  });

  const usedResources = new Set(routings.map((r) => r.resource));
  const calendar = new Map(data.capacity.map((c) => [`${c.resource}\u0000${c.period}`, c]));
  const resources = data.resources
    .filter((r) => usedResources.has(r.code))
    .map((r) => {
      const days = periods.map((p) => {
        const day = calendar.get(`${r.code}\u0000${p}`);
        if (!day)
          issues.push({
            entity: "resource_capacity",
            key: `${r.code}/${p}`,
            message: "no capacity for this period",
          });
        return day;
      });
      return {
        code: r.code,
        plant: r.location,
        regularHours: days.map((d) => d?.regularHours ?? 0),
        regularCostPerHour: money(r.regularCostPerHour),
        maxOvertimeHours: days.map((d) => d?.overtimeHours ?? 0),
        overtimeCostPerHour: money(r.overtimeCostPerHour),
      };
    });

  const bom = data.bom
    .filter((b) => skus.has(b.parent))
    .map((b) => ({
      parent: b.parent,
      component: b.component,
      quantityPer: b.qtyPer * (1 + (b.scrapPct ?? 0) / 100),
    }));

  const locations = data.locations.map((l) => ({ code: l.code, kind: l.type }));
  const region = new Map(data.locations.map((l) => [l.code, l.region]));
  const lanes: Lane[] = [];
  for (const plant of data.locations.filter((l) => l.type === "plant")) {
    const made = production.filter((o) => o.plant === plant.code && itemType.get(o.sku) === "finished");
    if (made.length === 0) continue;
    const cost = mean(made.map((o) => standardCost(o.sku))) * TRANSPORT_RATE;
    for (const dc of data.locations.filter((l) => l.type === "dc"))
      lanes.push({
        from: plant.code,
        to: dc.code,
        leadTimePeriods: LANE_LEAD_TIME_PERIODS,
        costPerUnit: money(region.get(dc.code) === plant.region ? cost : 2 * cost),
      });
  }

  const priceOf = new Map(data.prices.map((p) => [`${p.sku}\u0000${p.segment ?? ""}`, p.unitPrice]));
  const demandedPairs = new Set(demand.map((d) => `${d.sku}\u0000${d.segment}`));
  const prices = [...demandedPairs].map((key) => {
    const [sku, segment] = key.split("\u0000") as [string, string];
    const price = priceOf.get(key) ?? priceOf.get(`${sku}\u0000`);
    if (price === undefined)
      issues.push({
        entity: "prices",
        key: `${sku}/${segment}`,
        message: "no price valid at the as-of date",
      });
    return { sku, segment, price: money(price ?? 0) };
  });

  const goodwill = priorityGoodwill(data.segments, prices);
  const segments: Segment[] = data.segments.map((s) => ({
    code: s.code,
    receivablesLagPeriods: toPeriods(RECEIVABLES_DAYS),
    shortage: { kind: "lost-sales", goodwillPerUnit: goodwill.get(s.code) ?? money(0) },
  }));

  const stockTargets = safetyStockTargets(demand, periods, data.serviceTargets, LANE_LEAD_TIME_PERIODS);
  const penalty = new Map(items.map((i) => [i.sku, money(i.standardCost * SAFETY_SHORTFALL_RATE)]));

  const base: SupplyProblem = {
    periods,
    locations,
    items,
    production,
    routings: routings.map((r) => ({
      sku: r.sku,
      plant: r.location,
      resource: r.resource,
      hoursPerUnit: r.hoursPerUnit,
    })),
    resources,
    bom,
    suppliers: data.suppliers.map((s) => ({
      code: s.code,
      paymentLagPeriods: toPeriods(s.paymentTermsDays),
    })),
    supplierItems: [],
    lanes,
    segments,
    demand: demand.map((d) => ({
      sku: d.sku,
      location: d.location,
      segment: d.segment,
      period: d.period,
      quantity: d.quantity,
    })),
    prices,
    openingInventory: data.inventory
      .filter((i) => skus.has(i.sku))
      .map((i) => ({ sku: i.sku, location: i.location, quantity: i.onHand })),
    scheduledReceipts: scheduledReceipts(data, skus),
    closingInventory: [],
    safetyStock: stockTargets
      .filter((s) => s.safetyStock.some((q) => q > 0))
      .map((s) => ({
        sku: s.sku,
        location: s.location,
        quantities: s.safetyStock,
        shortfallPenaltyPerUnitPeriod: penalty.get(s.sku) ?? money(0),
      })),
    firmProduction: [],
    frozenPeriods: 0,
    backlogAtHorizonEnd: "allowed",
    payablesLagPeriods: toPeriods(PAYABLES_DAYS),
  };
  const supplierItems = supplierLines(base, data, toPeriods, plantsOf);
  const lined = new Set(supplierItems.map((s) => `${s.supplier}\u0000${s.component}`));
  return {
    problem: { ...base, supplierItems },
    stockTargets,
    issues,
    supplierResponsesUsed: data.supplierResponses
      .filter((r) => lined.has(`${r.supplier}\u0000${r.sku}`))
      .map((r) => r.id),
  };
}

/**
 * Goodwill per segment, so that losing a unit costs more (price + goodwill) in a segment ranked
 * before another, for every SKU both buy: from the last-ranked segment up, each segment's goodwill
 * is the most any SKU's price in it falls short of a later segment's price + goodwill, plus
 * GOODWILL_RATE_PER_PRIORITY of its own mean price. Segments of equal priority are not ordered.
 */
function priorityGoodwill(
  segments: SupplyData["segments"],
  prices: readonly { sku: string; segment: string; price: Money }[],
): Map<string, Money> {
  const priceOf = new Map(prices.map((p) => [`${p.sku}\u0000${p.segment}`, p.price as number]));
  const goodwill = new Map<string, Money>();
  const lastFirst = [...segments].sort((a, b) => b.priority - a.priority);
  for (const segment of lastFirst) {
    const own = prices.filter((p) => p.segment === segment.code);
    let floor = 0;
    for (const later of lastFirst.filter((l) => l.priority > segment.priority))
      for (const p of own) {
        const laterPrice = priceOf.get(`${p.sku}\u0000${later.code}`);
        if (laterPrice !== undefined)
          floor = Math.max(floor, laterPrice + (goodwill.get(later.code) ?? 0) - p.price);
      }
    goodwill.set(segment.code, money(floor + mean(own.map((p) => p.price)) * GOODWILL_RATE_PER_PRIORITY));
  }
  return goodwill;
}

/**
 * Supplier items name no plant: a line is made for every plant that makes a parent of the item,
 * and the supplier's capacity per period is split between those plants in proportion to their
 * share of the item's gross requirement over the horizon (parents made at k plants count 1/k at
 * each). Where the supplier responded for a period (confirmed or counter-proposed — both are its
 * word), its capacity there is split the same way and its lead time (days → periods) holds for
 * receipts in that period; other periods keep the imported figures.
 */
function supplierLines(
  problem: SupplyProblem,
  data: SupplyData,
  toPeriods: (days: number) => number,
  plantsOf: ReadonlyMap<string, readonly string[]>,
): SupplierItem[] {
  const gross = grossRequirements(problem);
  const need = new Map<string, Map<string, number>>();
  for (const line of problem.bom) {
    const plants = plantsOf.get(line.parent) ?? [];
    for (const plant of plants) {
      const byPlant = need.get(line.component) ?? new Map<string, number>();
      const units = ((gross.get(line.parent) ?? 0) * line.quantityPer) / plants.length;
      byPlant.set(plant, (byPlant.get(plant) ?? 0) + units);
      need.set(line.component, byPlant);
    }
  }
  const items = new Set(problem.items.map((i) => i.sku));
  const answered = new Map<string, Map<string, SupplyData["supplierResponses"][number]>>();
  for (const r of data.supplierResponses) {
    const key = `${r.supplier}\u0000${r.sku}`;
    answered.set(key, (answered.get(key) ?? new Map()).set(r.period, r));
  }
  return data.supplierItems
    .filter((s) => items.has(s.sku))
    .flatMap((s) => {
      const byPlant = need.get(s.sku) ?? new Map<string, number>();
      const total = [...byPlant.values()].reduce((a, b) => a + b, 0);
      const share = (units: number) => (total > 0 ? units / total : 1 / byPlant.size);
      const responses = answered.get(`${s.supplier}\u0000${s.sku}`);
      return [...byPlant].map(([plant, units]): SupplierItem => {
        const capacityPerPeriod =
          s.capacityPerPeriod === null ? Number.POSITIVE_INFINITY : s.capacityPerPeriod * share(units);
        const leadTimePeriods = toPeriods(s.leadTimeDays);
        const line = {
          supplier: s.supplier,
          component: s.sku,
          plant,
          unitCost: money(s.unitCost),
          leadTimePeriods,
          capacityPerPeriod,
        };
        if (!responses) return line;
        const at = (period: string) => responses.get(period);
        return {
          ...line,
          capacityByPeriod: data.periods.map((p) => {
            const r = at(p);
            return r ? r.capacity * share(units) : capacityPerPeriod;
          }),
          leadTimeByPeriod: data.periods.map((p) => {
            const r = at(p);
            return r ? toPeriods(r.leadTimeDays) : leadTimePeriods;
          }),
        };
      });
    });
}

/**
 * Open purchase orders of the plan's items as fixed receipts in the period they are promised for:
 * one promised before the horizon (overdue) is still expected, so it counts in the first period.
 */
function scheduledReceipts(data: SupplyData, skus: ReadonlySet<string>): SupplyProblem["scheduledReceipts"] {
  const first = data.periods[0]!;
  const bucket = bucketOf(first);
  return data.openOrders
    .filter((o) => skus.has(o.sku))
    .map((o) => {
      const due = periodOf(o.promisedDate, bucket);
      return { sku: o.sku, location: o.location, period: due < first ? first : due, quantity: o.quantity };
    });
}
