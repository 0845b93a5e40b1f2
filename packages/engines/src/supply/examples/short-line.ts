// A hand-computable short-supply case for the alignment and finance views: one plant, one line
// shared by two products, a product that runs out in February and is short again in March, and a
// plan (written by hand, not solved) that uses every lever — stock built before, overtime,
// subcontracting, backlog and lost sales — so each figure of the gap view can be checked by hand.

import type { Money, PeriodKey } from "@fulcrum/domain";
import { assemblePlan } from "../assemble-plan";
import type { SupplyPlan } from "../supply-plan";
import type { SupplyProblem } from "../supply-problem";

const euros = (n: number) => Math.round(n * 100) as Money;

/**
 * 2026-01…03 at plant P. TOOL (1 line hour a unit, one bought part C each) sells to RETAIL
 * (backlog, €20, paid a month later) 40 / 100 / 60 and to WHOLESALE (lost sales, €15, cash)
 * 20 / 40 / 20; 30 TOOL in stock at the start; subcontracting at €9 a unit. PART (½ hour a unit,
 * €2 of material made) sells 40 a month to RETAIL at €10. The line has 100 regular hours a month
 * and up to 20 overtime hours at €30. C comes from SUP at €1, paid a month after receipt.
 */
export function shortLineProblem(): SupplyProblem {
  const periods = ["2026-01", "2026-02", "2026-03"] as PeriodKey[];
  const demand = (sku: string, segment: string, quantities: number[]) =>
    quantities.map((quantity, t) => ({ sku, location: "P", segment, period: periods[t]!, quantity }));
  return {
    periods,
    locations: [{ code: "P", kind: "plant" }],
    items: [
      { sku: "TOOL", standardCost: euros(5), holdingCostPerPeriod: euros(0.1) },
      { sku: "PART", standardCost: euros(3), holdingCostPerPeriod: euros(0.1) },
      { sku: "C", standardCost: euros(1), holdingCostPerPeriod: euros(0.01) },
    ],
    production: [
      {
        sku: "TOOL",
        plant: "P",
        materialCostPerUnit: euros(0),
        subcontract: { costPerUnit: euros(9), maxPerPeriod: 10 },
      },
      { sku: "PART", plant: "P", materialCostPerUnit: euros(2) },
    ],
    routings: [
      { sku: "TOOL", plant: "P", resource: "LINE", hoursPerUnit: 1 },
      { sku: "PART", plant: "P", resource: "LINE", hoursPerUnit: 0.5 },
    ],
    resources: [
      {
        code: "LINE",
        plant: "P",
        regularHours: [100, 100, 100],
        regularCostPerHour: euros(0),
        maxOvertimeHours: [20, 20, 20],
        overtimeCostPerHour: euros(30),
      },
    ],
    bom: [{ parent: "TOOL", component: "C", quantityPer: 1 }],
    suppliers: [{ code: "SUP", paymentLagPeriods: 1 }],
    supplierItems: [
      {
        supplier: "SUP",
        component: "C",
        plant: "P",
        unitCost: euros(1),
        leadTimePeriods: 0,
        capacityPerPeriod: Number.POSITIVE_INFINITY,
      },
    ],
    lanes: [],
    segments: [
      {
        code: "RETAIL",
        shortage: { kind: "backlog", costPerUnitPeriod: euros(1) },
        receivablesLagPeriods: 1,
      },
      {
        code: "WHOLESALE",
        shortage: { kind: "lost-sales", goodwillPerUnit: euros(0) },
        receivablesLagPeriods: 0,
      },
    ],
    demand: [
      ...demand("TOOL", "RETAIL", [40, 100, 60]),
      ...demand("TOOL", "WHOLESALE", [20, 40, 20]),
      ...demand("PART", "RETAIL", [40, 40, 40]),
    ],
    prices: [
      { sku: "TOOL", segment: "RETAIL", price: euros(20) },
      { sku: "TOOL", segment: "WHOLESALE", price: euros(15) },
      { sku: "PART", segment: "RETAIL", price: euros(10) },
    ],
    openingInventory: [{ sku: "TOOL", location: "P", quantity: 30 }],
    closingInventory: [],
    safetyStock: [],
    firmProduction: [],
    frozenPeriods: 0,
    backlogAtHorizonEnd: "allowed",
    payablesLagPeriods: 1,
  };
}

/**
 * The plan: TOOL made 60 / 90 / 70 (C bought to match), subcontracted 0 / 10 / 0; PART made 40 a
 * month. January serves everything and keeps 30 TOOL; February draws them down, runs the line
 * 90 + 20 = 110 hours (10 overtime), serves WHOLESALE 40 and RETAIL 90 (10 backlog); March serves
 * RETAIL 60 + the 10 owed and loses WHOLESALE's 20.
 */
export function shortLinePlan(problem: SupplyProblem = shortLineProblem()): SupplyPlan {
  const none = [0, 0, 0];
  return assemblePlan(problem, "optimiser", {
    make: [
      [60, 90, 70],
      [40, 40, 40],
    ],
    subcontract: [[0, 10, 0], none],
    purchases: [[60, 90, 70]],
    transfers: [],
    // Stock positions: TOOL@P, C@P, PART@P.
    closing: [[30, 0, 0], none, none],
    regular: [[80, 100, 90]],
    overtime: [[0, 10, 0]],
    workers: [null],
    hires: [null],
    layoffs: [null],
    // Demand groups: TOOL RETAIL, TOOL WHOLESALE, PART RETAIL.
    backlog: [[0, 10, 0], none, none],
    lost: [none, [0, 0, 20], none],
  });
}
