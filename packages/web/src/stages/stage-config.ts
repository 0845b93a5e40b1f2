// The S&OP stages the navigation is built from: which cycle meetings each covers, which data
// areas feed it, and what a planner can open there today. The pages show only what these name.

import type { CycleStageKey, EntityArea } from "../api/types";

export type StageId = "data" | "demand" | "supply" | "alignment" | "executive" | "monitor";

export interface StageTool {
  readonly to: string;
  readonly label: string;
  readonly description: string;
}

export interface StageDef {
  readonly id: StageId;
  readonly path: string;
  readonly label: string;
  /** The question the stage answers, as the S&OP process states it. */
  readonly purpose: string;
  readonly cycleStages: readonly CycleStageKey[];
  readonly areas: readonly EntityArea[];
  readonly tools: readonly StageTool[];
}

export const AREA_LABELS: Record<EntityArea, string> = {
  master: "Master data",
  demand: "Demand",
  supply: "Supply",
  finance: "Finance",
};

export const AREA_ORDER: readonly EntityArea[] = ["master", "demand", "supply", "finance"];

export const STAGES: readonly StageDef[] = [
  {
    id: "data",
    path: "/data",
    label: "Data",
    purpose:
      "Gather and validate the inputs of the cycle: master data, sales history, open orders, inventory, capacity, prices and costs.",
    cycleStages: ["data_gathering"],
    areas: AREA_ORDER,
    tools: [
      { to: "/data/import", label: "Import data", description: "Upload a CSV or Excel file for any entity." },
    ],
  },
  {
    id: "demand",
    path: "/demand",
    label: "Demand",
    purpose:
      "Review what customers ordered and will order: history by product, promotions, launches and phase-outs, leading to the consensus demand plan.",
    cycleStages: ["demand_review"],
    areas: ["demand"],
    tools: [
      {
        to: "/demand/hierarchy",
        label: "Product hierarchy",
        description: "Browse brands, families and SKUs with their monthly sales history.",
      },
      {
        to: "/demand/forecast",
        label: "Statistical forecast",
        description:
          "Run the statistical forecast and review it for any brand, family or SKU: fit, P10–P90 band, model and backtest.",
      },
      {
        to: "/demand/review",
        label: "Demand review",
        description:
          "Edit sales, marketing and consensus figures at any level of the hierarchy, lock figures, and approve the consensus.",
      },
      {
        to: "/demand/analysis",
        label: "Demand analysis",
        description:
          "Seasonal profile, trend and mix by segment, channel and region of any brand, family or SKU, and the SKUs or customers behind a change.",
      },
      {
        to: "/demand/segmentation",
        label: "ABC–XYZ segmentation",
        description:
          "Which SKUs carry the value and how steady their demand is; service-level targets per class.",
      },
      {
        to: "/demand/accuracy",
        label: "Forecast accuracy",
        description:
          "How accurate each step of the review was at lag 1 and 3, and how much each layer and each person added to the statistical forecast.",
      },
    ],
  },
  {
    id: "supply",
    path: "/supply",
    label: "Supply",
    purpose:
      "Check that the demand can be made and bought: stock on hand, resource capacity, routings, bills of material, suppliers and service-level targets.",
    cycleStages: ["supply_review"],
    areas: ["supply"],
    tools: [
      {
        to: "/supply/review",
        label: "Supply review",
        description:
          "Plan supply with the optimiser, level or chase and review capacity, production, stock, shortages, cost and cash.",
      },
    ],
  },
  {
    id: "alignment",
    path: "/alignment",
    label: "Alignment",
    purpose:
      "Reconcile demand, supply and finance before the executive meeting: gaps, trade-offs and the financial view of the plan, priced with standard costs and prices.",
    cycleStages: ["alignment"],
    areas: ["finance"],
    tools: [
      {
        to: "/alignment/scenarios",
        label: "Scenarios",
        description:
          "Branch what-if plans from the base, change demand, prices, capacity, suppliers or costs, re-plan them and compare them side by side.",
      },
      {
        to: "/alignment/gap",
        label: "Demand–supply gap",
        description:
          "Demand against what the plan serves per family, segment and month, what fills the gap and what it costs, and each allocation rule's service per segment.",
      },
    ],
  },
  {
    id: "executive",
    path: "/executive",
    label: "Executive",
    purpose:
      "Decide on the aligned plan and commit it for the cycle, resolving what the alignment meeting escalated.",
    cycleStages: ["executive", "committed"],
    areas: [],
    tools: [
      {
        to: "/executive",
        label: "Executive S&OP",
        description:
          "The scenarios against the last committed plan and the budget, the open decisions, and the commitment of one plan with its executive pack.",
      },
    ],
  },
  {
    id: "monitor",
    path: "/monitor",
    label: "Monitor",
    purpose:
      "How the committed plan is carried out — the KPI scorecard, order service, production plan attainment, inventory against plan, order promising — the exceptions the next cycle opens with, and the health of the data behind it.",
    cycleStages: [],
    areas: [],
    tools: [
      {
        to: "/monitor/scorecard",
        label: "KPI scorecard",
        description:
          "Every KPI of the last closed months against the committed plans and the budget, coloured against its target, with its definition, trend and drill-down, and the monthly performance report.",
      },
      {
        to: "/monitor/promising",
        label: "Order promising",
        description:
          "Available- and capable-to-promise against the committed plan, promises made and cancelled, and the promises a new plan puts at risk.",
      },
      {
        to: "/monitor/exceptions",
        label: "Exceptions for the next cycle",
        description:
          "Forecast bias, attainment, stock, segment OTIF and overdue decisions against target, largest value at stake first, with who acknowledged each and what was done.",
      },
    ],
  },
];

export function stageById(id: StageId): StageDef {
  const stage = STAGES.find((s) => s.id === id);
  if (!stage) throw new Error(`unknown stage ${id}`);
  return stage;
}
