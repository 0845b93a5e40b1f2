// Turns a SupplyProblem into the LP/MIP of the supply plan, keeping for every decision the
// column (and for every limit the row) it became, so the solution can be read back into a plan
// and each binding limit named. The formulation and every cost term are written out in
// docs/supply-planning.md; the names here follow it.

import { LpModel } from "./lp-model";
import {
  demandByStockPosition,
  grossRequirements,
  groupDemand,
  laneFlows,
  openingByStockPosition,
  scheduledReceiptsByStockPosition,
  stockKey,
  stockPositions,
} from "./network";
import { supplierCanDeliverAt, supplierCapacityAt } from "./supplier-limits";
import type {
  Lane,
  ProductionOption,
  SafetyStockTarget,
  SupplierItem,
  SupplyProblem,
  SupplyResource,
} from "./supply-problem";

/** A column per period, or null where the decision does not exist (e.g. before a lead time). */
type Columns = readonly (number | null)[];

export interface ProductionColumns {
  readonly option: ProductionOption;
  readonly make: readonly number[];
  readonly subcontract: Columns;
}

export interface ResourceColumns {
  readonly resource: SupplyResource;
  readonly regular: readonly number[];
  readonly overtime: readonly number[];
  readonly loadRows: readonly number[];
  readonly workers: Columns;
  readonly hires: Columns;
  readonly layoffs: Columns;
}

export interface DemandColumns {
  readonly sku: string;
  readonly location: string;
  readonly segment: string;
  readonly quantities: readonly number[];
  /** Backlog at the end of each period (backlog segments), else null. */
  readonly backlog: Columns;
  /** Sales lost in each period (lost-sales segments), else null. */
  readonly lost: Columns;
}

export interface SupplyModel {
  readonly problem: SupplyProblem;
  readonly model: LpModel;
  readonly production: readonly ProductionColumns[];
  /** Purchases by receipt period: null before the lead time allows a receipt. */
  readonly purchases: readonly { readonly line: SupplierItem; readonly receipts: Columns }[];
  /** Transfers by departure period; they arrive `lane.leadTimePeriods` later. */
  readonly transfers: readonly { readonly sku: string; readonly lane: Lane; readonly departures: Columns }[];
  readonly inventory: readonly {
    readonly sku: string;
    readonly location: string;
    readonly closing: readonly number[];
    readonly balanceRows: readonly number[];
  }[];
  readonly resources: readonly ResourceColumns[];
  readonly demand: readonly DemandColumns[];
  readonly safetyShortfall: readonly {
    readonly target: SafetyStockTarget;
    readonly shortfall: readonly number[];
  }[];
}

type Term = [number, number];

/** Builds the model. Call `validateSupplyProblem` first: the builder assumes valid data. */
export function buildSupplyModel(problem: SupplyProblem): SupplyModel {
  const model = new LpModel();
  const { periods } = problem;
  const T = periods.length;
  const at = (t: number) => `[${periods[t]}]`;
  const byPeriod = <X>(make: (t: number) => X) => Array.from({ length: T }, (_, t) => make(t));
  const item = new Map(problem.items.map((i) => [i.sku, i]));
  const requirement = grossRequirements(problem);
  // Every inflow and outflow of a stock position, gathered while columns are made.
  const flows = new Map<string, Term[][]>();
  const flow = (sku: string, location: string, t: number, column: number, coefficient: number) => {
    const key = stockKey(sku, location);
    let perPeriod = flows.get(key);
    if (!perPeriod) {
      perPeriod = byPeriod(() => []);
      flows.set(key, perPeriod);
    }
    perPeriod[t]!.push([column, coefficient]);
  };

  const firm = new Map(
    problem.firmProduction.map((f) => [`${stockKey(f.sku, f.plant)}|${f.period}`, f.quantity]),
  );
  const production = problem.production.map((option): ProductionColumns => {
    const key = stockKey(option.sku, option.plant);
    const make = byPeriod((t) => {
      const committed = firm.get(`${key}|${periods[t]}`);
      const fixed = committed ?? (t < problem.frozenPeriods ? 0 : undefined);
      const column = model.addVariable(`prod[${key}]${at(t)}`, {
        cost: option.materialCostPerUnit,
        ...(fixed === undefined ? {} : { lower: fixed, upper: fixed }),
      });
      flow(option.sku, option.plant, t, column, 1);
      for (const line of problem.bom) {
        if (line.parent === option.sku) flow(line.component, option.plant, t, column, -line.quantityPer);
      }
      if (option.minimumBatch !== undefined && fixed === undefined) {
        const run = model.addVariable(`run[${key}]${at(t)}`, { upper: 1, integer: true });
        const bigM = Math.max(option.minimumBatch, requirement.get(option.sku) ?? 0);
        model.addConstraint(
          `batchmin[${key}]${at(t)}`,
          [
            [column, 1],
            [run, -option.minimumBatch],
          ],
          0,
          Infinity,
        );
        model.addConstraint(
          `batchmax[${key}]${at(t)}`,
          [
            [column, 1],
            [run, -bigM],
          ],
          -Infinity,
          0,
        );
      }
      return column;
    });
    const sub = option.subcontract;
    const subcontract = byPeriod((t) => {
      if (!sub) return null;
      const column = model.addVariable(`sub[${key}]${at(t)}`, {
        cost: sub.costPerUnit,
        upper: sub.maxPerPeriod,
      });
      flow(option.sku, option.plant, t, column, 1);
      return column;
    });
    return { option, make, subcontract };
  });

  const purchases = problem.supplierItems.map((line) => ({
    line,
    receipts: byPeriod((t) => {
      if (!supplierCanDeliverAt(line, t)) return null;
      const column = model.addVariable(
        `buy[${stockKey(line.component, line.plant)}<${line.supplier}]${at(t)}`,
        {
          cost: line.unitCost + (line.expeditePremiumPerUnit ?? 0),
          upper: supplierCapacityAt(line, t),
        },
      );
      flow(line.component, line.plant, t, column, 1);
      return column;
    }),
  }));

  const transfers = laneFlows(problem).map(({ sku, lane }) => ({
    sku,
    lane,
    // A departure that would arrive after the horizon cannot serve anything in it.
    departures: byPeriod((t) => {
      if (t + lane.leadTimePeriods >= T) return null;
      const column = model.addVariable(`ship[${sku}:${lane.from}>${lane.to}]${at(t)}`, {
        cost: lane.costPerUnit,
      });
      flow(sku, lane.from, t, column, -1);
      flow(sku, lane.to, t + lane.leadTimePeriods, column, 1);
      return column;
    }),
  }));

  const hours = problem.resources.map((resource) => buildResource(model, problem, resource, at));

  const demand = groupDemand(problem).map((d): DemandColumns => {
    const segment = problem.segments.find((s) => s.code === d.segment)!;
    const key = `${stockKey(d.sku, d.location)}/${d.segment}`;
    const price = problem.prices.find((p) => p.sku === d.sku && p.segment === d.segment)?.price ?? 0;
    const policy = segment.shortage;
    const backlog = byPeriod((t) => {
      if (policy.kind !== "backlog") return null;
      const last = t === T - 1 && problem.backlogAtHorizonEnd === "forbidden";
      // Backlog still open at the end is charged its price too: otherwise the horizon's end
      // would make leaving late demand unserved look free.
      const column = model.addVariable(`backlog[${key}]${at(t)}`, {
        cost: policy.costPerUnitPeriod + (t === T - 1 ? price : 0),
        ...(last ? { upper: 0 } : {}),
      });
      // Served in t = demand + backlog(t−1) − backlog(t): backlog adds to stock, its predecessor takes.
      flow(d.sku, d.location, t, column, 1);
      if (t + 1 < T) flow(d.sku, d.location, t + 1, column, -1);
      return column;
    });
    const lost = byPeriod((t) => {
      if (policy.kind !== "lost-sales") return null;
      const column = model.addVariable(`lost[${key}]${at(t)}`, {
        cost: price + policy.goodwillPerUnit,
        upper: d.quantities[t]!,
      });
      flow(d.sku, d.location, t, column, 1);
      return column;
    });
    return { ...d, backlog, lost };
  });

  const demandAt = demandByStockPosition(problem);
  const opening = openingByStockPosition(problem);
  const scheduled = scheduledReceiptsByStockPosition(problem);
  const closingMinimum = new Map(
    problem.closingInventory.map((c) => [stockKey(c.sku, c.location), c.quantity]),
  );

  const inventory = stockPositions(problem).map(({ sku, location }) => {
    const key = stockKey(sku, location);
    const holding = item.get(sku)?.holdingCostPerPeriod ?? 0;
    const closing = byPeriod((t) =>
      model.addVariable(`inv[${key}]${at(t)}`, {
        cost: holding,
        lower: t === T - 1 ? (closingMinimum.get(key) ?? 0) : 0,
      }),
    );
    const balanceRows = byPeriod((t) => {
      const terms: Term[] = [...(flows.get(key)?.[t] ?? []), [closing[t]!, -1]];
      if (t > 0) terms.push([closing[t - 1]!, 1]);
      // Opening stock and scheduled receipts are fixed inflows: they move to the right-hand side.
      const rhs =
        (demandAt.get(key)?.[t] ?? 0) -
        (t === 0 ? (opening.get(key) ?? 0) : 0) -
        (scheduled.get(key)?.[t] ?? 0);
      return model.addConstraint(`balance[${key}]${at(t)}`, terms, rhs, rhs);
    });
    return { sku, location, closing, balanceRows };
  });

  const safetyShortfall = problem.safetyStock.map((target) => {
    const key = stockKey(target.sku, target.location);
    const closing = inventory.find((p) => stockKey(p.sku, p.location) === key)!.closing;
    const shortfall = byPeriod((t) => {
      const column = model.addVariable(`ssshort[${key}]${at(t)}`, {
        cost: target.shortfallPenaltyPerUnitPeriod,
      });
      model.addConstraint(
        `safety[${key}]${at(t)}`,
        [
          [closing[t]!, 1],
          [column, 1],
        ],
        target.quantities[t]!,
        Infinity,
      );
      return column;
    });
    return { target, shortfall };
  });

  // load = Σ hours per unit · production = regular + overtime hours, per resource and period.
  const resources = hours.map((r): ResourceColumns => {
    const loadRows = byPeriod((t) => {
      const terms: Term[] = [
        [r.regular[t]!, -1],
        [r.overtime[t]!, -1],
      ];
      for (const routing of problem.routings) {
        if (routing.resource !== r.resource.code) continue;
        const p = production.find((x) => x.option.sku === routing.sku && x.option.plant === routing.plant);
        if (p) terms.push([p.make[t]!, routing.hoursPerUnit]);
      }
      return model.addConstraint(`load[${r.resource.code}]${at(t)}`, terms, 0, 0);
    });
    return { ...r, loadRows };
  });
  return { problem, model, production, purchases, transfers, inventory, resources, demand, safetyShortfall };
}

/** Regular and overtime hours; with a workforce, headcount, hires and layoffs that bound them. */
function buildResource(
  model: LpModel,
  problem: SupplyProblem,
  resource: SupplyResource,
  at: (t: number) => string,
): Omit<ResourceColumns, "loadRows"> {
  const code = resource.code;
  const T = problem.periods.length;
  const crew = resource.workforce;
  const regular: number[] = [];
  const overtime: number[] = [];
  const workers: (number | null)[] = [];
  const hires: (number | null)[] = [];
  const layoffs: (number | null)[] = [];
  for (let t = 0; t < T; t++) {
    regular.push(
      model.addVariable(`reg[${code}]${at(t)}`, {
        cost: resource.regularCostPerHour,
        ...(crew ? {} : { upper: resource.regularHours[t]! }),
      }),
    );
    overtime.push(
      model.addVariable(`ot[${code}]${at(t)}`, {
        cost: resource.overtimeCostPerHour,
        ...(crew ? {} : { upper: resource.maxOvertimeHours[t]! }),
      }),
    );
    if (!crew) {
      workers.push(null);
      hires.push(null);
      layoffs.push(null);
      continue;
    }
    // Only the headcount is integer: hires and layoffs then are whole at any optimum, and
    // leaving them continuous cuts the branch-and-bound work by two thirds.
    const w = model.addVariable(`workers[${code}]${at(t)}`, {
      cost: crew.costPerWorkerPeriod,
      integer: crew.integer,
    });
    const h = model.addVariable(`hire[${code}]${at(t)}`, { cost: crew.hireCost });
    const l = model.addVariable(`layoff[${code}]${at(t)}`, { cost: crew.layoffCost });
    const previous: Term[] = t > 0 ? [[workers[t - 1]!, -1]] : [];
    const rhs = t === 0 ? crew.openingWorkers : 0;
    model.addConstraint(`crew[${code}]${at(t)}`, [[w, 1], [h, -1], [l, 1], ...previous], rhs, rhs);
    model.addConstraint(
      `regular[${code}]${at(t)}`,
      [
        [regular[t]!, 1],
        [w, -crew.regularHoursPerWorker],
      ],
      -Infinity,
      0,
    );
    model.addConstraint(
      `overtime[${code}]${at(t)}`,
      [
        [overtime[t]!, 1],
        [w, -crew.maxOvertimeHoursPerWorker],
      ],
      -Infinity,
      0,
    );
    workers.push(w);
    hires.push(h);
    layoffs.push(l);
  }
  return { resource, regular, overtime, workers, hires, layoffs };
}
