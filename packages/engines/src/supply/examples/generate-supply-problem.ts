// A seeded generator of supply problems of a chosen size — plants, DCs, lanes, components from
// suppliers with lead times and limits, shared resources, two segments (backlog and lost sales),
// safety-stock targets and a frozen period — for property tests and benchmarks.

import type { Money, PeriodKey } from "@fulcrum/domain";
import { addPeriods } from "@fulcrum/domain";
import { uniformGenerator } from "../../forecast/numeric/prng";
import type { SupplyProblem, SupplyResource } from "../supply-problem";

export interface GeneratorSize {
  readonly skus: number;
  readonly months: number;
  readonly plants: number;
  readonly dcs: number;
  readonly components: number;
  /**
   * Resources over all plants, dealt out in turn (at least one per plant; default two per
   * plant). Each SKU runs on two neighbouring resources of its plant, so SKUs that share both
   * form a natural product family (`generatedFamilies`).
   */
  readonly resources?: number;
  /** Give the first resource of each plant a workforce with whole workers (a MIP). */
  readonly integerWorkforce?: boolean;
  /** Give every other SKU a minimum batch (a MIP). */
  readonly minimumBatches?: boolean;
}

export function generateSupplyProblem(seed: number, size: GeneratorSize): SupplyProblem {
  const random = uniformGenerator(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  const whole = (low: number, high: number) => Math.floor(between(low, high + 1));
  const money = (low: number, high: number) => Math.round(between(low, high)) as Money;
  const periods = Array.from({ length: size.months }, (_, t) => addPeriods("2026-01" as PeriodKey, t));
  const plants = Array.from({ length: size.plants }, (_, i) => `PLANT-${i + 1}`);
  const dcs = Array.from({ length: size.dcs }, (_, i) => `DC-${i + 1}`);
  const skus = Array.from({ length: size.skus }, (_, i) => `SKU-${i + 1}`);
  const components = Array.from({ length: size.components }, (_, i) => `COMP-${i + 1}`);
  const home = (i: number) => plants[i % plants.length]!;
  const monthly = skus.map(() => between(40, 200));

  const bom = skus.flatMap((parent, i) =>
    [components[i % components.length]!, components[(i * 7 + 3) % components.length]!]
      .filter((c, k, all) => all.indexOf(c) === k)
      .map((component) => ({ parent, component, quantityPer: whole(1, 3) })),
  );
  const perPlant = resourcesPerPlant(size);
  const resources: SupplyResource[] = plants.flatMap((plant, p) =>
    Array.from({ length: perPlant[p]! }, (_, r) => {
      const load = skus.reduce(
        (sum, _, i) =>
          home(i) === plant && routedOn(size, i).includes(r) ? sum + monthly[i]! * dcs.length * 1.3 : sum,
        0,
      );
      const regular = load * between(0.6, 1.1);
      const crew = size.integerWorkforce && r === 0;
      return {
        code: `RES-${p + 1}-${r + 1}`,
        plant,
        regularHours: periods.map(() => Math.round(regular)),
        regularCostPerHour: money(1500, 3000),
        maxOvertimeHours: periods.map(() => Math.round(regular * 0.2)),
        overtimeCostPerHour: money(3500, 5000),
        ...(crew
          ? {
              regularCostPerHour: 0 as Money,
              workforce: {
                openingWorkers: Math.ceil(regular / 160),
                regularHoursPerWorker: 160,
                maxOvertimeHoursPerWorker: 20,
                costPerWorkerPeriod: money(300_000, 400_000),
                hireCost: money(100_000, 200_000),
                layoffCost: money(200_000, 400_000),
                integer: true,
              },
            }
          : {}),
      };
    }),
  );
  const suppliers = components.map((_, k) => ({ code: `SUP-${k + 1}`, paymentLagPeriods: whole(0, 2) }));
  const supplierItems = components.flatMap((component, k) =>
    plants.map((plant) => ({
      supplier: suppliers[k]!.code,
      component,
      plant,
      unitCost: money(100, 1500),
      leadTimePeriods: whole(0, 2),
      capacityPerPeriod: random() < 0.5 ? Number.POSITIVE_INFINITY : Math.round(between(300, 1500)),
    })),
  );
  const demand = skus.flatMap((sku, i) =>
    dcs.flatMap((location, d) =>
      periods.map((period, t) => ({
        sku,
        location,
        segment: (i + d) % 2 === 0 ? "RETAIL" : "WHOLESALE",
        period,
        quantity: Math.round(
          monthly[i]! * (1 + 0.4 * Math.sin((2 * Math.PI * (t + i)) / 12)) * between(0.8, 1.2),
        ),
      })),
    ),
  );
  return {
    periods,
    locations: [
      ...plants.map((code) => ({ code, kind: "plant" as const })),
      ...dcs.map((code) => ({ code, kind: "dc" as const })),
    ],
    items: [...skus, ...components].map((sku) => ({
      sku,
      standardCost: money(500, 5000),
      holdingCostPerPeriod: money(10, 100),
    })),
    production: skus.map((sku, i) => ({
      sku,
      plant: home(i),
      materialCostPerUnit: money(0, 500),
      ...(i % 3 === 0
        ? { subcontract: { costPerUnit: money(8000, 12_000), maxPerPeriod: Math.round(monthly[i]! / 2) } }
        : {}),
      ...(size.minimumBatches && i % 2 === 1 ? { minimumBatch: Math.round(monthly[i]! / 2) } : {}),
    })),
    routings: skus.flatMap((sku, i) =>
      routedOn(size, i).map((r) => ({
        sku,
        plant: home(i),
        resource: `RES-${(i % size.plants) + 1}-${r + 1}`,
        hoursPerUnit: between(0.5, 1.5),
      })),
    ),
    resources,
    bom,
    suppliers,
    supplierItems,
    lanes: plants.flatMap((from) =>
      dcs.map((to) => ({ from, to, leadTimePeriods: whole(0, 1), costPerUnit: money(50, 300) })),
    ),
    segments: [
      {
        code: "RETAIL",
        shortage: { kind: "backlog", costPerUnitPeriod: money(500, 1500) },
        receivablesLagPeriods: 1,
      },
      {
        code: "WHOLESALE",
        shortage: { kind: "lost-sales", goodwillPerUnit: money(0, 1000) },
        receivablesLagPeriods: 2,
      },
    ],
    demand,
    prices: skus.flatMap((sku) =>
      ["RETAIL", "WHOLESALE"].map((segment) => ({ sku, segment, price: money(9000, 15_000) })),
    ),
    openingInventory: [
      ...skus.flatMap((sku, i) =>
        dcs.map((location) => ({ sku, location, quantity: Math.round(monthly[i]!) })),
      ),
      ...components.flatMap((sku) => plants.map((location) => ({ sku, location, quantity: 400 }))),
    ],
    closingInventory: [],
    safetyStock: skus.flatMap((sku, i) =>
      dcs.map((location) => ({
        sku,
        location,
        quantities: periods.map(() => Math.round(monthly[i]! * 0.3)),
        shortfallPenaltyPerUnitPeriod: money(200, 800),
      })),
    ),
    firmProduction: skus
      .slice(0, 2)
      .map((sku, i) => ({ sku, plant: home(i), period: periods[0]!, quantity: 10 })),
    frozenPeriods: 1,
    backlogAtHorizonEnd: "allowed",
    payablesLagPeriods: 1,
  };
}

function resourcesPerPlant(size: GeneratorSize): number[] {
  const total = Math.max(size.resources ?? 2 * size.plants, size.plants);
  return Array.from(
    { length: size.plants },
    (_, p) => Math.floor(total / size.plants) + (p < total % size.plants ? 1 : 0),
  );
}

/** Indices, within its plant, of the resources SKU i runs on: two neighbours, or the only one. */
function routedOn(size: GeneratorSize, i: number): number[] {
  const n = resourcesPerPlant(size)[i % size.plants]!;
  const first = Math.floor(i / size.plants) % n;
  return n === 1 ? [0] : [first, (first + 1) % n];
}

/**
 * The generator's product families: SKUs made at the same plant on the same pair of resources,
 * named `FAM-<plant>-<first resource>` — one family per resource.
 */
export function generatedFamilies(size: GeneratorSize): Map<string, string> {
  return new Map(
    Array.from({ length: size.skus }, (_, i) => [
      `SKU-${i + 1}`,
      `FAM-${(i % size.plants) + 1}-${routedOn(size, i)[0]! + 1}`,
    ]),
  );
}
