// The level and chase heuristics buy every component and never make one (docs/supply-planning.md,
// "Heuristics"), so a company whose bottles are filled in-house before they are packed would get
// no plan from them at all. For those methods each intermediate is planned as a phantom: its
// routings and its own components move into every parent, scaled by the quantity per.

import type { BomLine, Routing, SupplyProblem } from "@fulcrum/engines";

/**
 * The problem with every SKU that is both made and a component folded into its parents: parent
 * hours per unit += q · the intermediate's hours (same plant), parent BOM += q · its BOM lines.
 * Multi-level BOMs fold from the top until no made component is left. The intermediates' opening
 * stock is left out (a phantom holds none), so the heuristics see less stock than the optimiser.
 */
export function phantomIntermediates(problem: SupplyProblem): SupplyProblem {
  let { bom, routings } = problem;
  const made = new Set(problem.production.map((o) => o.sku));
  for (;;) {
    const line = bom.find((b) => made.has(b.component));
    if (!line) break;
    const intermediate = line.component;
    const folded: BomLine[] = [];
    const extraRoutings: Routing[] = [];
    for (const b of bom) {
      if (b.component !== intermediate) {
        if (b.parent !== intermediate) folded.push(b);
        continue;
      }
      for (const child of bom.filter((c) => c.parent === intermediate))
        folded.push({
          parent: b.parent,
          component: child.component,
          quantityPer: b.quantityPer * child.quantityPer,
        });
      const parentPlants = new Set(problem.production.filter((o) => o.sku === b.parent).map((o) => o.plant));
      for (const r of routings)
        if (r.sku === intermediate && parentPlants.has(r.plant))
          extraRoutings.push({ ...r, sku: b.parent, hoursPerUnit: r.hoursPerUnit * b.quantityPer });
    }
    bom = mergeBom(folded);
    routings = mergeRoutings([...routings.filter((r) => r.sku !== intermediate), ...extraRoutings]);
    made.delete(intermediate);
  }
  const phantoms = new Set(problem.production.filter((o) => !made.has(o.sku)).map((o) => o.sku));
  return {
    ...problem,
    production: problem.production.filter((o) => made.has(o.sku)),
    bom,
    routings,
    openingInventory: problem.openingInventory.filter((s) => !phantoms.has(s.sku)),
    ...(problem.scheduledReceipts
      ? { scheduledReceipts: problem.scheduledReceipts.filter((r) => !phantoms.has(r.sku)) }
      : {}),
    safetyStock: problem.safetyStock.filter((s) => !phantoms.has(s.sku)),
  };
}

function mergeBom(lines: readonly BomLine[]): BomLine[] {
  const merged = new Map<string, BomLine>();
  for (const b of lines) {
    const key = `${b.parent}\u0000${b.component}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...b, quantityPer: seen.quantityPer + b.quantityPer } : b);
  }
  return [...merged.values()];
}

function mergeRoutings(routings: readonly Routing[]): Routing[] {
  const merged = new Map<string, Routing>();
  for (const r of routings) {
    const key = `${r.sku}\u0000${r.plant}\u0000${r.resource}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...r, hoursPerUnit: seen.hoursPerUnit + r.hoursPerUnit } : r);
  }
  return [...merged.values()];
}
