// Derived facts about the supply network that the model builder, the heuristics and the plan
// reader all need: which SKU is held where, which lanes carry what, and each SKU's total gross
// requirement through the BOM (the big-M for batch decisions and the heuristics' targets).

import type { SupplyProblem } from "./supply-problem";

/** Key of a SKU at a location: "SKU@LOC". */
export function stockKey(sku: string, location: string): string {
  return `${sku}@${location}`;
}

/** SKU-locations that carry inventory, in a stable order (first mention wins). */
export function stockPositions(problem: SupplyProblem): { sku: string; location: string }[] {
  const seen = new Map<string, { sku: string; location: string }>();
  const add = (sku: string, location: string) => {
    const key = stockKey(sku, location);
    if (!seen.has(key)) seen.set(key, { sku, location });
  };
  for (const option of problem.production) {
    add(option.sku, option.plant);
    for (const line of problem.bom) if (line.parent === option.sku) add(line.component, option.plant);
  }
  for (const line of problem.supplierItems) add(line.component, line.plant);
  for (const { sku, location } of [
    ...problem.demand,
    ...problem.openingInventory,
    ...(problem.scheduledReceipts ?? []),
    ...problem.closingInventory,
    ...problem.safetyStock,
  ])
    add(sku, location);
  for (const { sku, lane } of laneFlows(problem)) add(sku, lane.to);
  return [...seen.values()];
}

/** Each lane with each SKU it carries: SKUs made at the origin plant that the DC needs. */
export function laneFlows(problem: SupplyProblem) {
  const needed = new Set(
    [...problem.demand, ...problem.safetyStock, ...problem.closingInventory].map((d) =>
      stockKey(d.sku, d.location),
    ),
  );
  return problem.lanes.flatMap((lane) =>
    problem.production
      .filter((option) => option.plant === lane.from && needed.has(stockKey(option.sku, lane.to)))
      .map((option) => ({ sku: option.sku, lane })),
  );
}

/**
 * Units of each SKU the horizon needs in total: independent demand plus closing stock plus the
 * largest safety-stock target, exploded through the BOM (parents before components). Assumes an
 * acyclic BOM (validation rejects cycles).
 */
export function grossRequirements(problem: SupplyProblem): Map<string, number> {
  const total = new Map<string, number>();
  const add = (sku: string, quantity: number) => total.set(sku, (total.get(sku) ?? 0) + quantity);
  for (const d of problem.demand) add(d.sku, d.quantity);
  for (const c of problem.closingInventory) add(c.sku, c.quantity);
  for (const s of problem.safetyStock) add(s.sku, Math.max(0, ...s.quantities));
  for (const sku of bomOrder(problem)) {
    for (const line of problem.bom) {
      if (line.parent === sku) add(line.component, (total.get(sku) ?? 0) * line.quantityPer);
    }
  }
  return total;
}

/** SKUs ordered so that every parent comes before its components (Kahn's algorithm). */
export function bomOrder(problem: SupplyProblem): string[] {
  const skus = new Set([
    ...problem.items.map((i) => i.sku),
    ...problem.bom.flatMap((l) => [l.parent, l.component]),
  ]);
  const parents = new Map<string, number>([...skus].map((sku) => [sku, 0]));
  for (const line of problem.bom) parents.set(line.component, (parents.get(line.component) ?? 0) + 1);
  const ready = [...skus].filter((sku) => parents.get(sku) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const sku = ready.shift()!;
    order.push(sku);
    for (const line of problem.bom) {
      if (line.parent !== sku) continue;
      const left = parents.get(line.component)! - 1;
      parents.set(line.component, left);
      if (left === 0) ready.push(line.component);
    }
  }
  return order;
}

/** Demand summed per SKU, location and segment into one quantity per planning period. */
export function groupDemand(problem: SupplyProblem) {
  const index = new Map(problem.periods.map((p, t) => [p as string, t]));
  const groups = new Map<string, { sku: string; location: string; segment: string; quantities: number[] }>();
  for (const d of problem.demand) {
    const t = index.get(d.period);
    if (t === undefined) continue;
    const key = `${stockKey(d.sku, d.location)}/${d.segment}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        sku: d.sku,
        location: d.location,
        segment: d.segment,
        quantities: problem.periods.map(() => 0),
      };
      groups.set(key, group);
    }
    group.quantities[t]! += d.quantity;
  }
  return [...groups.values()];
}

/** Demand per SKU-location ("SKU@LOC") and period, summed over segments. */
export function demandByStockPosition(problem: SupplyProblem): Map<string, number[]> {
  const sums = new Map<string, number[]>();
  for (const g of groupDemand(problem)) {
    const key = stockKey(g.sku, g.location);
    const sum = sums.get(key) ?? problem.periods.map(() => 0);
    g.quantities.forEach((q, t) => {
      sum[t]! += q;
    });
    sums.set(key, sum);
  }
  return sums;
}

/** Opening stock per SKU-location ("SKU@LOC"), summed over duplicate rows. */
export function openingByStockPosition(problem: SupplyProblem): Map<string, number> {
  const sums = new Map<string, number>();
  for (const o of problem.openingInventory) {
    const key = stockKey(o.sku, o.location);
    sums.set(key, (sums.get(key) ?? 0) + o.quantity);
  }
  return sums;
}

/**
 * Scheduled receipts per SKU-location ("SKU@LOC"), one quantity per period: receipts due before
 * the horizon count in its first period, those due after it are left out.
 */
export function scheduledReceiptsByStockPosition(problem: SupplyProblem): Map<string, number[]> {
  const { periods } = problem;
  const sums = new Map<string, number[]>();
  for (const r of problem.scheduledReceipts ?? []) {
    const t = r.period < periods[0]! ? 0 : periods.indexOf(r.period);
    if (t < 0) continue;
    const key = stockKey(r.sku, r.location);
    const perPeriod = sums.get(key) ?? periods.map(() => 0);
    perPeriod[t]! += r.quantity;
    sums.set(key, perPeriod);
  }
  return sums;
}
