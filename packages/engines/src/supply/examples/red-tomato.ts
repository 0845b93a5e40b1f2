// Red Tomato Tools, the aggregate-planning case of Chopra & Meindl, "Supply Chain Management:
// Strategy, Planning, and Operation", chapter 8 (Aggregate Planning): one product family, six
// months, a workforce that can be hired or laid off, overtime, subcontracting and backlog.
// It is the golden case for the optimiser and the example the docs walk through.

import type { Money, PeriodKey } from "@fulcrum/domain";
import type { SupplyProblem } from "../supply-problem";

const money = (dollars: number) => (dollars * 100) as Money;

/**
 * Demand Jan–Jun 1,600 / 3,000 / 3,200 / 3,800 / 2,200 / 2,200; material $10 a unit; holding
 * $2 a unit-month; backlog $5 a unit-month; hiring $300 and layoff $500 a worker; 4 labour hours
 * a unit; regular time $4 an hour over 8 hours × 20 days (so $640 a worker-month); overtime $6 an
 * hour, at most 10 hours a worker-month; subcontracting $30 a unit; 80 workers and 1,000 units at
 * the start; at least 500 units and no backlog at the end of June.
 */
export function redTomatoProblem(options: { integerWorkforce: boolean }): SupplyProblem {
  const periods = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"] as PeriodKey[];
  const demand = [1600, 3000, 3200, 3800, 2200, 2200];
  return {
    periods,
    locations: [{ code: "PLANT", kind: "plant" }],
    items: [{ sku: "TOOLS", standardCost: money(10), holdingCostPerPeriod: money(2) }],
    production: [
      {
        sku: "TOOLS",
        plant: "PLANT",
        materialCostPerUnit: money(10),
        subcontract: { costPerUnit: money(30), maxPerPeriod: Number.POSITIVE_INFINITY },
      },
    ],
    routings: [{ sku: "TOOLS", plant: "PLANT", resource: "ASSEMBLY", hoursPerUnit: 4 }],
    resources: [
      {
        code: "ASSEMBLY",
        plant: "PLANT",
        regularHours: periods.map(() => 0),
        regularCostPerHour: money(0),
        maxOvertimeHours: periods.map(() => 0),
        overtimeCostPerHour: money(6),
        workforce: {
          openingWorkers: 80,
          regularHoursPerWorker: 160,
          maxOvertimeHoursPerWorker: 10,
          costPerWorkerPeriod: money(640),
          hireCost: money(300),
          layoffCost: money(500),
          integer: options.integerWorkforce,
        },
      },
    ],
    bom: [],
    suppliers: [],
    supplierItems: [],
    lanes: [],
    segments: [
      { code: "ALL", shortage: { kind: "backlog", costPerUnitPeriod: money(5) }, receivablesLagPeriods: 1 },
    ],
    demand: periods.map((period, t) => ({
      sku: "TOOLS",
      location: "PLANT",
      segment: "ALL",
      period,
      quantity: demand[t]!,
    })),
    prices: [{ sku: "TOOLS", segment: "ALL", price: money(40) }],
    openingInventory: [{ sku: "TOOLS", location: "PLANT", quantity: 1000 }],
    closingInventory: [{ sku: "TOOLS", location: "PLANT", quantity: 500 }],
    safetyStock: [],
    firmProduction: [],
    frozenPeriods: 0,
    backlogAtHorizonEnd: "forbidden",
    payablesLagPeriods: 1,
  };
}
