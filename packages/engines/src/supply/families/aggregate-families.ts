// Family aggregation: the same supply problem with each product family's SKUs merged into one
// item, so the LP has a row per family instead of per SKU — the route for companies whose flat
// model outgrows the WebAssembly heap (ADR 0400). Quantities add up; per-unit figures (hours,
// costs, prices) are averages weighted by the members' demand over the horizon, which is exact
// when the family's production is later split in those proportions. Components are not: a
// family unit made of a fixed mix of its members' components is held back by the scarcest of
// them (on a generated network the family LP lost 2.7× the flat LP's sales), so the members'
// components become material cost here and are bought per SKU when the plan is disaggregated.

import type { Money } from "@fulcrum/domain";
import type { SupplyProblem } from "../supply-problem";
import { groupBy, key } from "./group-by";

/** SKU → family code. SKUs not in the map (components, say) stay as they are. */
export type FamilyMap = ReadonlyMap<string, string>;

/**
 * The problem at family level. Weights: each member's total demand over the horizon over its
 * family's (equal shares when the family has none). A member's BOM lines become material cost:
 * quantity per × the cheapest supplier line's price (with any expedite premium) at its plant, or
 * the component's standard cost when no line delivers there; components then used by nothing,
 * with no demand and not made, leave the problem with their supplier lines and stock. A family's
 * subcontracting may buy the sum of its members' limits at their weighted price; minimum batches
 * are dropped for families of more than one SKU (the route is an LP). Callers should give
 * families SKUs made at the same plants on the same resources, or the averaged hours will spread
 * load between resources.
 */
export function aggregateFamilies(original: SupplyProblem, familyOf: FamilyMap): SupplyProblem {
  const problem = foldMemberComponents(original, familyOf);
  const family = (sku: string) => familyOf.get(sku) ?? sku;
  const demand = new Map<string, number>();
  for (const d of problem.demand) demand.set(d.sku, (demand.get(d.sku) ?? 0) + d.quantity);
  /** Σ share·value over the members given, shares normalised over those members. */
  const average = <X extends { sku: string }>(members: readonly X[], value: (x: X) => number) => {
    const total = members.reduce((sum, x) => sum + (demand.get(x.sku) ?? 0), 0);
    return members.reduce(
      (sum, x) => sum + (total > 0 ? (demand.get(x.sku) ?? 0) / total : 1 / members.length) * value(x),
      0,
    );
  };
  const money = (amount: number) => Math.round(amount) as Money;

  const productionGroups = groupBy(problem.production, (o) => [family(o.sku), o.plant]);
  const routing = new Map(problem.routings.map((x) => [key(x.sku, x.plant, x.resource), x.hoursPerUnit]));
  const bomOf = groupBy(problem.bom, (b) => [b.parent]);
  const membersOf = groupBy(problem.items, (i) => [family(i.sku)]);
  return {
    ...problem,
    items: [...membersOf.values()].map((members) => ({
      sku: family(members[0]!.sku),
      standardCost: money(average(members, (i) => i.standardCost)),
      holdingCostPerPeriod: money(average(members, (i) => i.holdingCostPerPeriod)),
    })),
    production: [...productionGroups.values()].map((members) => {
      const subcontracted = members.filter((o) => o.subcontract);
      return {
        sku: family(members[0]!.sku),
        plant: members[0]!.plant,
        materialCostPerUnit: money(average(members, (o) => o.materialCostPerUnit)),
        ...(subcontracted.length > 0
          ? {
              subcontract: {
                costPerUnit: money(average(subcontracted, (o) => o.subcontract!.costPerUnit)),
                maxPerPeriod: subcontracted.reduce((sum, o) => sum + o.subcontract!.maxPerPeriod, 0),
              },
            }
          : {}),
        ...(members.length === 1 && members[0]!.minimumBatch !== undefined
          ? { minimumBatch: members[0]!.minimumBatch }
          : {}),
      };
    }),
    // A member not routed on a resource adds nothing to the family's hours there.
    routings: [...groupBy(problem.routings, (x) => [family(x.sku), x.plant, x.resource]).values()].map(
      ([first]) => ({
        sku: family(first!.sku),
        plant: first!.plant,
        resource: first!.resource,
        hoursPerUnit: average(
          productionGroups.get(key(family(first!.sku), first!.plant))!,
          (o) => routing.get(key(o.sku, o.plant, first!.resource)) ?? 0,
        ),
      }),
    ),
    bom: [...groupBy(problem.bom, (b) => [family(b.parent), family(b.component)]).values()].map(([first]) => {
      const parents = membersOf.get(key(family(first!.parent)))!;
      return {
        parent: family(first!.parent),
        component: family(first!.component),
        quantityPer: average(parents, (i) =>
          (bomOf.get(key(i.sku)) ?? [])
            .filter((b) => family(b.component) === family(first!.component))
            .reduce((sum, b) => sum + b.quantityPer, 0),
        ),
      };
    }),
    demand: [
      ...groupBy(problem.demand, (d) => [family(d.sku), d.location, d.segment, d.period]).values(),
    ].map((members) => ({
      ...members[0]!,
      sku: family(members[0]!.sku),
      quantity: sumOf(members, (d) => d.quantity),
    })),
    prices: [...groupBy(problem.prices, (p) => [family(p.sku), p.segment]).values()].map((members) => ({
      sku: family(members[0]!.sku),
      segment: members[0]!.segment,
      price: money(average(members, (p) => p.price)),
    })),
    openingInventory: sumStock(problem.openingInventory, family),
    scheduledReceipts: [
      ...groupBy(problem.scheduledReceipts ?? [], (r) => [family(r.sku), r.location, r.period]).values(),
    ].map((members) => ({
      ...members[0]!,
      sku: family(members[0]!.sku),
      quantity: sumOf(members, (r) => r.quantity),
    })),
    closingInventory: sumStock(problem.closingInventory, family),
    safetyStock: [...groupBy(problem.safetyStock, (s) => [family(s.sku), s.location]).values()].map(
      (members) => ({
        sku: family(members[0]!.sku),
        location: members[0]!.location,
        quantities: problem.periods.map((_, t) => sumOf(members, (s) => s.quantities[t]!)),
        shortfallPenaltyPerUnitPeriod: money(average(members, (s) => s.shortfallPenaltyPerUnitPeriod)),
      }),
    ),
    firmProduction: [
      ...groupBy(problem.firmProduction, (f) => [family(f.sku), f.plant, f.period]).values(),
    ].map((members) => ({
      ...members[0]!,
      sku: family(members[0]!.sku),
      quantity: sumOf(members, (f) => f.quantity),
    })),
  };
}

function sumStock(
  stock: SupplyProblem["openingInventory"],
  family: (sku: string) => string,
): SupplyProblem["openingInventory"] {
  return [...groupBy(stock, (s) => [family(s.sku), s.location]).values()].map((members) => ({
    sku: family(members[0]!.sku),
    location: members[0]!.location,
    quantity: sumOf(members, (s) => s.quantity),
  }));
}

function sumOf<X>(items: readonly X[], value: (x: X) => number): number {
  return items.reduce((sum, x) => sum + value(x), 0);
}

/** The problem with family members' BOM lines turned into material cost (see `aggregateFamilies`). */
function foldMemberComponents(problem: SupplyProblem, familyOf: FamilyMap): SupplyProblem {
  const price = new Map<string, number>();
  for (const line of problem.supplierItems) {
    const at = key(line.component, line.plant);
    const unit = line.unitCost + (line.expeditePremiumPerUnit ?? 0);
    price.set(at, Math.min(price.get(at) ?? Number.POSITIVE_INFINITY, unit));
  }
  const standard = new Map(problem.items.map((i) => [i.sku, i.standardCost as number]));
  const folded = groupBy(
    problem.bom.filter((b) => familyOf.has(b.parent)),
    (b) => [b.parent],
  );
  const bom = problem.bom.filter((b) => !familyOf.has(b.parent));
  const stillNeeded = new Set([
    ...bom.flatMap((b) => [b.parent, b.component]),
    ...problem.production.map((o) => o.sku),
    ...problem.demand.map((d) => d.sku),
  ]);
  const dropped = new Set(
    [...folded.values()]
      .flat()
      .map((b) => b.component)
      .filter((c) => !stillNeeded.has(c)),
  );
  const kept = <X extends { sku: string }>(rows: readonly X[]) => rows.filter((r) => !dropped.has(r.sku));
  return {
    ...problem,
    items: kept(problem.items),
    production: problem.production.map((o) => ({
      ...o,
      materialCostPerUnit: Math.round(
        o.materialCostPerUnit +
          (folded.get(key(o.sku)) ?? []).reduce(
            (sum, b) =>
              sum + b.quantityPer * (price.get(key(b.component, o.plant)) ?? standard.get(b.component) ?? 0),
            0,
          ),
      ) as Money,
    })),
    bom,
    supplierItems: problem.supplierItems.filter((line) => !dropped.has(line.component)),
    openingInventory: kept(problem.openingInventory),
    scheduledReceipts: kept(problem.scheduledReceipts ?? []),
    closingInventory: kept(problem.closingInventory),
    safetyStock: kept(problem.safetyStock),
  };
}
