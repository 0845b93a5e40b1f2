// A company small enough to check by hand: one plant filling bottles from concentrate and packing
// them two to a juice pack, one DC, two segments, three months.

import type { PeriodKey } from "@fulcrum/domain";
import type { SupplyData } from "./supply-data";

const PERIODS = ["2026-11", "2026-12", "2027-01"] as PeriodKey[];

export const SMALL_COMPANY: SupplyData = {
  periods: PERIODS,
  daysPerPeriod: 30,
  demandVersion: { id: 1, measure: "demand.statistical" },
  demand: PERIODS.map((period) => ({
    sku: "JUICE",
    location: null,
    segment: null,
    period,
    quantity: 100,
    p10: 80,
    p90: 120,
  })),
  demandMix: [
    { sku: "JUICE", location: "DC", segment: "KEY", quantity: 30 },
    { sku: "JUICE", location: "DC", segment: "RETAIL", quantity: 70 },
  ],
  items: [
    { sku: "JUICE", itemType: "finished" },
    { sku: "BOTTLE", itemType: "component" },
    { sku: "CONC", itemType: "raw" },
  ],
  locations: [
    { code: "PLANT", type: "plant", region: "North" },
    { code: "DC", type: "dc", region: "South" },
  ],
  segments: [
    { code: "KEY", priority: 1 },
    { code: "RETAIL", priority: 3 },
  ],
  inventory: [
    { sku: "JUICE", location: "DC", onHand: 50 },
    { sku: "BOTTLE", location: "PLANT", onHand: 40 },
  ],
  prices: [
    { sku: "JUICE", segment: null, unitPrice: 600 },
    { sku: "JUICE", segment: "KEY", unitPrice: 500 },
  ],
  standardCosts: [
    { sku: "JUICE", location: "PLANT", material: 200, labour: 60, overhead: 40 },
    { sku: "BOTTLE", location: "PLANT", material: 80, labour: 10, overhead: 10 },
    { sku: "CONC", location: "PLANT", material: 60, labour: 0, overhead: 0 },
  ],
  resources: [
    { code: "LABEL", location: "PLANT", regularCostPerHour: 3000, overtimeCostPerHour: 4500 },
    { code: "FILL", location: "PLANT", regularCostPerHour: 4000, overtimeCostPerHour: 6000 },
  ],
  capacity: ["LABEL", "FILL"].flatMap((resource) =>
    PERIODS.map((period) => ({ resource, period, regularHours: 10, overtimeHours: 2 })),
  ),
  routings: [
    { sku: "JUICE", location: "PLANT", resource: "LABEL", hoursPerUnit: 0.05 },
    { sku: "BOTTLE", location: "PLANT", resource: "FILL", hoursPerUnit: 0.01 },
  ],
  bom: [
    { parent: "JUICE", component: "BOTTLE", qtyPer: 2, scrapPct: null },
    { parent: "BOTTLE", component: "CONC", qtyPer: 1, scrapPct: 2 },
  ],
  suppliers: [{ code: "S1", paymentTermsDays: 45 }],
  supplierItems: [{ supplier: "S1", sku: "CONC", leadTimeDays: 35, capacityPerPeriod: 1000, unitCost: 55 }],
  supplierResponses: [],
  openOrders: [],
  serviceTargets: [{ segment: null, sku: null, targetPct: 95, measure: "cycle" }],
};
