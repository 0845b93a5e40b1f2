// A small supply plan run as the API returns it: two resources over three months (one into
// overtime), two SKUs of one family and a component, one shortage.

import type { SupplyReview, SupplyRun } from "../api/types";

export const SOL = { user: { username: "sol", displayName: "Sol Supply", role: "supply_planner" } };

export const SUPPLY_RUN: SupplyRun = {
  id: 7,
  scenarioId: 1,
  demandVersionId: 1,
  versionId: 3,
  strategy: "optimal",
  status: "finished",
  phase: "done",
  progress: 100,
  outcome: "optimal",
  totalCost: 1_250_000_00,
  firstPeriod: "2026-11",
  horizon: 3,
  error: null,
  startedAt: "2026-11-22T09:00:00.000Z",
  finishedAt: "2026-11-22T09:00:04.000Z",
};

const PERIODS = ["2026-11", "2026-12", "2027-01"];

export const SUPPLY_REVIEW: SupplyReview = {
  run: SUPPLY_RUN,
  issues: [],
  resourceNames: { "P1-FILL-1": "Hamburg filling line 1", "P1-PACK-1": "Hamburg packing line 1" },
  summary: {
    outcome: "optimal",
    objective: 1_250_000_00,
    mipGap: null,
    solveSeconds: 1.4,
    periods: PERIODS,
    size: { skus: 3, stockPositions: 5, resources: 2 },
    costs: {
      total: 1_250_000_00,
      byKind: { material: 800_000_00, labour: 400_000_00, overtime: 50_000_00, holding: 0 },
    },
    cashFlow: PERIODS.map((period, t) => ({
      period,
      receipts: 600_000_00,
      materialPayments: 300_000_00,
      labourPayments: 150_000_00,
      overheadPayments: 0,
      net: 150_000_00,
      cumulative: 150_000_00 * (t + 1),
    })),
    cashAfterHorizon: { receipts: 0, payments: 0 },
    service: {
      demand: 10_000,
      served: 9_500,
      lost: 500,
      backlogAtEnd: 0,
      fillRate: 0.95,
      revenue: 1_900_000_00,
      lostRevenue: 100_000_00,
    },
    capacity: [
      {
        resource: "P1-FILL-1",
        plant: "PLANT-1",
        load: [300, 380, 200],
        regularHours: [400, 350, 400],
        overtimeHours: [0, 30, 0],
        overtimeLimit: [60, 60, 60],
        utilisation: [75, 108.57, 50],
      },
      {
        resource: "P1-PACK-1",
        plant: "PLANT-1",
        load: [380, 200, 100],
        regularHours: [400, 400, 400],
        overtimeHours: [0, 0, 0],
        overtimeLimit: [60, 60, 60],
        utilisation: [95, 50, 25],
      },
    ],
    shortages: [
      {
        sku: "SKU-0001",
        location: "DC-NORTH",
        segment: "RETAIL",
        period: "2026-12",
        units: 500,
        revenueAtRisk: 100_000_00,
        causes: [{ kind: "resource", resource: "P1-FILL-1", period: "2026-12", shadowPrice: 1200 }],
      },
    ],
    shortageTotals: { count: 1, units: 500, revenueAtRisk: 100_000_00 },
  },
  production: [
    {
      sku: "SKU-0001",
      name: "Orange juice 1 l",
      family: "Orange juice",
      plant: "PLANT-1",
      quantities: [1000, 1200, 900],
    },
    {
      sku: "SKU-0002",
      name: "Orange juice 0.5 l",
      family: "Orange juice",
      plant: "PLANT-1",
      quantities: [500, 0, 300],
    },
    {
      sku: "CMP-ORANGE",
      name: "Orange bottle",
      family: "Component",
      plant: "PLANT-1",
      quantities: [2000, 2000, 1500],
    },
  ],
  inventory: [
    {
      sku: "SKU-0001",
      name: "Orange juice 1 l",
      projected: [400, 200, 350],
      safetyStock: [150, 150, 150],
      target: [300, 300, 300],
    },
    {
      sku: "SKU-0002",
      name: "Orange juice 0.5 l",
      projected: [100, 80, 90],
      safetyStock: [40, 40, 40],
      target: [60, 60, 60],
    },
  ],
};
