// How a scenario's changes reach the pipeline the base plan runs. Pure: the service resolves each
// product node to its SKUs and reads the data; these functions change it, in the order the
// changes were made. Each change acts at the step where it belongs:
//   - the data, before assembly: standard costs, prices, service-level targets;
//   - the demand, split to SKU × location × segment × month, before safety stocks are sized from it
//     (so inventory targets follow a demand change);
//   - the assembled problem: resource hours and supplier lines.
// Revenue follows the scenario's prices month by month (`priceFactor`); the optimiser weighs lost
// sales at the list price in force over the whole horizon (a price move from a later month changes
// revenue and demand, not that weight).

import { addPeriods, type PeriodKey } from "@fulcrum/domain";
import { apportion, type SupplyProblem } from "@fulcrum/engines";
import type { SplitDemand } from "../supply/demand-split";
import type { SupplyData } from "../supply/supply-data";
import { nodeKey, type PeriodSpan, type ProductNode, type ScenarioChange } from "./scenario-change";

/** The SKUs below each node the changes name, by `nodeKey`. */
export type NodeSkus = ReadonlyMap<string, ReadonlySet<string>>;

const within = (span: PeriodSpan, period: string) => period >= span.from && period <= span.to;
const skusBelow = (skus: NodeSkus, node: ProductNode): ReadonlySet<string> | "all" =>
  node.kind === "all" ? "all" : (skus.get(nodeKey(node)) ?? new Set());
const has = (set: ReadonlySet<string> | "all", sku: string) => set === "all" || set.has(sku);
const factor = (percent: number) => 1 + percent / 100;

/** Standard costs, list prices and service-level targets as the scenario has them. */
export function scenarioData(
  data: SupplyData,
  changes: readonly ScenarioChange[],
  skus: NodeSkus,
): SupplyData {
  let { standardCosts, prices, serviceTargets, supplierItems } = data;
  for (const change of changes) {
    if (change.kind === "cost") {
      const below = skusBelow(skus, change.node);
      const scale = factor(change.percent);
      const touches = (element: "material" | "labour" | "overhead") =>
        change.element === "all" || change.element === element;
      standardCosts = standardCosts.map((c) =>
        has(below, c.sku)
          ? {
              ...c,
              material: touches("material") ? c.material * scale : c.material,
              labour: touches("labour") ? c.labour * scale : c.labour,
              overhead: touches("overhead") ? c.overhead * scale : c.overhead,
            }
          : c,
      );
      // Bought materials cost what their suppliers charge: a material cost move on the products
      // moves the price of the parts in their bills of material too.
      if (touches("material")) {
        const parts = partsBelow(data.bom, below);
        supplierItems = supplierItems.map((s) =>
          parts === "all" || parts.has(s.sku) ? { ...s, unitCost: s.unitCost * scale } : s,
        );
      }
    } else if (change.kind === "price" && change.from <= data.periods[0]!) {
      const below = skusBelow(skus, change.node);
      prices = prices.map((p) =>
        has(below, p.sku) && (change.segment === null || p.segment === change.segment)
          ? { ...p, unitPrice: p.unitPrice * factor(change.percent) }
          : p,
      );
    } else if (change.kind === "inventory_target") {
      const below = skusBelow(skus, change.node);
      const measureOf = new Map(serviceTargets.filter((t) => t.sku !== null).map((t) => [t.sku, t.measure]));
      const fallback = serviceTargets.find((t) => t.sku === null && t.segment === null)?.measure ?? "cycle";
      const targeted = new Set(
        data.items.filter((i) => has(below, i.sku) && i.itemType === "finished").map((i) => i.sku),
      );
      serviceTargets = [
        ...[...targeted].map((sku) => ({
          segment: null,
          sku,
          targetPct: change.serviceLevelPercent,
          measure: measureOf.get(sku) ?? fallback,
        })),
        ...serviceTargets.filter((t) => t.sku === null || !targeted.has(t.sku)),
      ];
    }
  }
  return { ...data, standardCosts, prices, serviceTargets, supplierItems };
}

/** Every item below the SKUs in their bills of material, and the SKUs themselves. */
function partsBelow(bom: SupplyData["bom"], skus: ReadonlySet<string> | "all"): ReadonlySet<string> | "all" {
  if (skus === "all") return "all";
  const found = new Set(skus);
  for (let grew = true; grew; ) {
    grew = false;
    for (const line of bom)
      if (found.has(line.parent) && !found.has(line.component)) {
        found.add(line.component);
        grew = true;
      }
  }
  return found;
}

/**
 * The demand as the scenario has it, per SKU × location × segment × month. A quantity scaled by
 * f has its error variance scaled by f², so safety stocks grow with the demand they protect.
 */
export function scenarioDemand(
  demand: readonly SplitDemand[],
  changes: readonly ScenarioChange[],
  skus: NodeSkus,
): SplitDemand[] {
  let cells = [...demand];
  const scaleWhere = (pick: (d: SplitDemand) => boolean, by: (d: SplitDemand) => number) => {
    cells = cells.map((d) => {
      if (!pick(d)) return d;
      const f = Math.max(0, by(d));
      return { ...d, quantity: d.quantity * f, variance: d.variance === null ? null : d.variance * f * f };
    });
  };
  for (const change of changes) {
    if (change.kind === "demand" || change.kind === "promotion" || change.kind === "price") {
      const below = skusBelow(skus, change.node);
      const inSegment = (d: SplitDemand) =>
        has(below, d.sku) && (change.segment === null || d.segment === change.segment);
      if (change.kind === "price") {
        const f = factor(change.percent) ** change.elasticity;
        scaleWhere(
          (d) => inSegment(d) && d.period >= change.from,
          () => f,
        );
      } else if (change.kind === "promotion") {
        const f = factor(change.upliftPercent);
        scaleWhere(
          (d) => inSegment(d) && within(change.periods, d.period),
          () => f,
        );
      } else if (change.percent !== undefined) {
        const f = factor(change.percent);
        scaleWhere(
          (d) => inSegment(d) && within(change.periods, d.period),
          () => f,
        );
      } else {
        cells = addUnits(cells, (d) => inSegment(d) && within(change.periods, d.period), change.units ?? 0);
      }
    } else if (change.kind === "launch") {
      cells = shiftLaunch(cells, change.sku, change.shiftMonths);
    }
  }
  return cells;
}

/**
 * Adds (or removes) whole units over the picked cells in proportion to their quantities, exactly:
 * the split is by largest remainder, and a removal never takes a cell below zero (what cannot be
 * taken is left, so a cut larger than the demand empties it).
 */
function addUnits(cells: SplitDemand[], pick: (d: SplitDemand) => boolean, units: number): SplitDemand[] {
  const picked = cells.flatMap((d, i) => (pick(d) ? [i] : []));
  if (picked.length === 0 || units === 0) return cells;
  const weights = picked.map((i) => cells[i]!.quantity);
  const total = weights.reduce((a, b) => a + b, 0);
  const size = units > 0 ? units : Math.min(-units, Math.floor(total));
  const shares = apportion(size, weights);
  const next = [...cells];
  picked.forEach((i, k) => {
    const d = next[i]!;
    const quantity = Math.max(0, d.quantity + Math.sign(units) * shares[k]!);
    const f = d.quantity > 0 ? quantity / d.quantity : 1;
    next[i] = { ...d, quantity, variance: d.variance === null ? null : d.variance * f * f };
  });
  return next;
}

/**
 * The SKU's demand curve moved by whole months within the horizon. Later: the first months have
 * nothing and the curve's tail falls off the horizon. Earlier: the curve starts sooner and its last
 * months repeat the last month planned (the curve's level once launched).
 */
function shiftLaunch(cells: SplitDemand[], sku: string, months: number): SplitDemand[] {
  if (months === 0) return cells;
  const own = cells.filter((d) => d.sku === sku);
  if (own.length === 0) return cells;
  const periods = [...new Set(own.map((d) => d.period))].sort();
  const first = periods[0]! as PeriodKey;
  const last = periods.at(-1)! as PeriodKey;
  const byKey = new Map(own.map((d) => [`${d.location}\u0000${d.segment}\u0000${d.period}`, d]));
  const lanes = [...new Set(own.map((d) => `${d.location}\u0000${d.segment}`))];
  const shifted: SplitDemand[] = [];
  for (const lane of lanes) {
    const [location, segment] = lane.split("\u0000") as [string, string];
    for (const period of periods) {
      let source = addPeriods(period as PeriodKey, -months);
      if (source > last) source = last;
      const from = source < first ? undefined : byKey.get(`${lane}\u0000${source}`);
      shifted.push({
        sku,
        location,
        segment,
        period: period as PeriodKey,
        quantity: from?.quantity ?? 0,
        variance: from?.variance ?? null,
      });
    }
  }
  return [...cells.filter((d) => d.sku !== sku), ...shifted];
}

/** Resource hours and supplier lines as the scenario has them. */
export function scenarioProblem(problem: SupplyProblem, changes: readonly ScenarioChange[]): SupplyProblem {
  const periods = problem.periods;
  let { resources, supplierItems } = problem;
  for (const change of changes) {
    const months = periods.map((p) => within((change as { periods?: PeriodSpan }).periods ?? NO_SPAN, p));
    if (change.kind === "capacity") {
      resources = resources.map((r) => {
        if (r.code !== change.resource) return r;
        const regularHours = r.regularHours.map((h, t) =>
          !months[t] ? h : change.lineLost ? 0 : Math.max(0, h + (change.hours ?? 0)),
        );
        const maxOvertimeHours = r.maxOvertimeHours.map((h, t) => (months[t] && change.lineLost ? 0 : h));
        return { ...r, regularHours, maxOvertimeHours };
      });
    } else if (change.kind === "supplier") {
      supplierItems = supplierItems.map((s) => {
        if (s.supplier !== change.supplier) return s;
        const capacityByPeriod =
          change.capacityPercent === undefined
            ? s.capacityByPeriod
            : periods.map((_, t) => {
                const capacity = s.capacityByPeriod?.[t] ?? s.capacityPerPeriod;
                return months[t] ? capacity * (change.capacityPercent! / 100) : capacity;
              });
        const leadTimeByPeriod =
          change.extraLeadTimeMonths === undefined
            ? s.leadTimeByPeriod
            : periods.map((_, t) => {
                const lead = s.leadTimeByPeriod?.[t] ?? s.leadTimePeriods;
                return months[t] ? lead + change.extraLeadTimeMonths! : lead;
              });
        return {
          ...s,
          ...(capacityByPeriod ? { capacityByPeriod } : {}),
          ...(leadTimeByPeriod ? { leadTimeByPeriod } : {}),
        };
      });
    }
  }
  return { ...problem, resources, supplierItems };
}

const NO_SPAN: PeriodSpan = { from: "9999-12" as PeriodKey, to: "0000-01" as PeriodKey };

/**
 * What the scenario's customers pay for a SKU in a segment and month, as a factor on the plan's
 * price: promotion discounts and price moves, compounded in the order they were made. A price move
 * in force from the first planned month is already in the plan's price list (`scenarioData`).
 */
export function priceFactor(
  changes: readonly ScenarioChange[],
  skus: NodeSkus,
  firstPeriod: PeriodKey,
): (sku: string, segment: string, period: string) => number {
  const moves = changes.filter(
    (c): c is Extract<ScenarioChange, { kind: "promotion" | "price" }> =>
      c.kind === "promotion" || (c.kind === "price" && c.from > firstPeriod),
  );
  if (moves.length === 0) return () => 1;
  return (sku, segment, period) => {
    let f = 1;
    for (const c of moves) {
      if (!has(skusBelow(skus, c.node), sku) || (c.segment !== null && c.segment !== segment)) continue;
      if (c.kind === "price" && period >= c.from) f *= factor(c.percent);
      if (c.kind === "promotion" && within(c.periods, period)) f *= 1 - c.discountPercent / 100;
    }
    return f;
  };
}
