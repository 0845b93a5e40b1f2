// Scenarios as the API returns them: the base plan and two scenarios (one re-planned, one stale),
// and a comparison of two plans at the whole company with one family to drill into.

import type { Cycle } from "../api/cycle";
import type { Comparison, ComparisonColumn, Scenario, ScenarioRun } from "../api/scenarios";

export const EVE = { user: { username: "eve", displayName: "Eve Executive", role: "executive" } };

const RUN: ScenarioRun = {
  id: 3,
  scenarioId: 2,
  phase: "done",
  status: "finished",
  progress: 100,
  demandVersionId: 10,
  supplyRunId: 11,
  supplyVersionId: 12,
  storedCells: 120,
  error: null,
  startedAt: "2026-11-22T09:00:00.000Z",
  finishedAt: "2026-11-22T09:00:05.000Z",
};

export const BASE: Scenario = {
  id: 1,
  name: "Base plan",
  description: "",
  parentId: null,
  isBase: true,
  createdBy: null,
  createdAt: "2026-11-01T08:00:00.000Z",
  changeCount: 0,
  latestRun: null,
  stale: false,
};
export const PROMO: Scenario = {
  ...BASE,
  id: 2,
  name: "Summer promo",
  parentId: 1,
  isBase: false,
  createdBy: "Dana Demand",
  changeCount: 1,
  latestRun: RUN,
};
export const LINE_DOWN: Scenario = {
  ...PROMO,
  id: 3,
  name: "Line down",
  changeCount: 2,
  latestRun: { ...RUN, id: 4, scenarioId: 3 },
  stale: true,
};
export const SCENARIOS = { scenarios: [BASE, PROMO, LINE_DOWN] };

const FIGURES = {
  demandUnits: 1000,
  servedUnits: 950,
  lostUnits: 50,
  backlogUnits: 0,
  revenue: 1_000_000_00,
  cogs: 600_000_00,
  grossMargin: 400_000_00,
  grossMarginPercent: 40,
  lostRevenue: 50_000_00,
  inventoryUnits: 300,
  inventoryValue: 90_000_00,
  daysOfCover: 9,
  otif: 0.9,
  fillRate: 0.95,
};
const WHOLE = {
  expediteCost: 0,
  overtimeCost: 10_000_00,
  overtimeHours: 40,
  capacityUtilisation: 80,
  operatingCashFlow: 200_000_00,
  closingCash: 500_000_00,
  totalCost: 700_000_00,
};

const column = (over: Partial<ComparisonColumn>): ComparisonColumn => ({
  key: "scenario:1",
  label: "Base plan",
  scenarioId: 1,
  isBase: true,
  committed: false,
  supplyRunId: 7,
  stale: false,
  figures: FIGURES,
  wholePlan: WHOLE,
  budget: { units: 1100, revenue: 1_100_000_00 },
  byPeriod: [
    { period: "2026-11", revenue: 500_000_00, grossMargin: 200_000_00 },
    { period: "2026-12", revenue: 500_000_00, grossMargin: 200_000_00 },
  ],
  children: [{ code: "JUICE", figures: FIGURES }],
  ...over,
});

/** The promotion sells more and loses less, at a lower margin %, and holds more stock. */
export const COMPARISON: Comparison = {
  node: { kind: "all", code: null, name: "All products", level: "" },
  periods: ["2026-11", "2026-12"],
  children: [{ code: "JUICE", name: "Juices", kind: "group" }],
  columns: [
    column({}),
    column({
      key: "scenario:2",
      label: "Summer promo",
      scenarioId: 2,
      isBase: false,
      supplyRunId: 11,
      figures: {
        ...FIGURES,
        demandUnits: 1200,
        servedUnits: 1150,
        revenue: 1_080_000_00,
        grossMargin: 380_000_00,
        grossMarginPercent: 35.2,
        lostRevenue: 40_000_00,
        fillRate: 0.95,
      },
      wholePlan: { ...WHOLE, overtimeCost: 25_000_00 },
      children: [{ code: "JUICE", figures: { ...FIGURES, revenue: 1_080_000_00 } }],
    }),
  ],
};

export const JUICE_COMPARISON: Comparison = {
  ...COMPARISON,
  node: { kind: "group", code: "JUICE", name: "Juices", level: "Family" },
  children: [{ code: "SKU-0001", name: "Orange juice 1 l", kind: "item" }],
  columns: COMPARISON.columns.map((c) => ({
    ...c,
    children: [{ code: "SKU-0001", figures: c.figures }],
  })),
};

export const EXECUTIVE_CYCLE: Cycle = {
  period: "2026-11",
  stage: "executive",
  stages: [
    {
      stage: "executive",
      label: "Executive S&OP",
      owner: "executive",
      approvers: ["executive"],
      closedByCommit: true,
      status: "current",
      approval: null,
    },
  ],
  log: [],
};
