// A hand-computable case for per-period supplier limits: one plant makes A from one bought
// component C (one per unit) and ships it to a DC where 100 A a month are sold (lost sales at
// €10). The line makes up to 150 A a month. The supplier's imported capacity is 200 C a month;
// the caller passes what it confirmed per period, so a test can drop one month and watch the plan
// pre-build or lose sales there.

import type { Money, PeriodKey } from "@fulcrum/domain";
import type { SupplierItem, SupplyProblem } from "../supply-problem";

const euros = (n: number) => Math.round(n * 100) as Money;

/**
 * Three months, 2026-01…03. Serving a unit costs €2 (C) + €1 (transport) against a €10 price;
 * holding C costs €0.10 a month, holding A €0.50, so buying C a month early is the cheapest
 * pre-build.
 */
export function confirmedSupplierProblem(
  confirmed: Pick<SupplierItem, "capacityByPeriod" | "leadTimeByPeriod"> = {},
): SupplyProblem {
  const periods = ["2026-01", "2026-02", "2026-03"] as PeriodKey[];
  return {
    periods,
    locations: [
      { code: "P", kind: "plant" },
      { code: "D", kind: "dc" },
    ],
    items: [
      { sku: "A", standardCost: euros(5), holdingCostPerPeriod: euros(0.5) },
      { sku: "C", standardCost: euros(2), holdingCostPerPeriod: euros(0.1) },
    ],
    production: [{ sku: "A", plant: "P", materialCostPerUnit: euros(0) }],
    routings: [{ sku: "A", plant: "P", resource: "LINE", hoursPerUnit: 1 }],
    resources: [
      {
        code: "LINE",
        plant: "P",
        regularHours: [150, 150, 150],
        regularCostPerHour: euros(0),
        maxOvertimeHours: [0, 0, 0],
        overtimeCostPerHour: euros(0),
      },
    ],
    bom: [{ parent: "A", component: "C", quantityPer: 1 }],
    suppliers: [{ code: "S", paymentLagPeriods: 1 }],
    supplierItems: [
      {
        supplier: "S",
        component: "C",
        plant: "P",
        unitCost: euros(2),
        leadTimePeriods: 0,
        capacityPerPeriod: 200,
        ...confirmed,
      },
    ],
    lanes: [{ from: "P", to: "D", leadTimePeriods: 0, costPerUnit: euros(1) }],
    segments: [
      { code: "WEB", shortage: { kind: "lost-sales", goodwillPerUnit: euros(0) }, receivablesLagPeriods: 0 },
    ],
    demand: periods.map((period) => ({ sku: "A", location: "D", segment: "WEB", period, quantity: 100 })),
    prices: [{ sku: "A", segment: "WEB", price: euros(10) }],
    openingInventory: [],
    closingInventory: [],
    safetyStock: [],
    firmProduction: [],
    frozenPeriods: 0,
    backlogAtHorizonEnd: "allowed",
    payablesLagPeriods: 0,
  };
}
