// The monthly S&OP cycle: its stages in order, and the role that owns (and approves) each.

import type { Role } from "./roles";

export const CYCLE_STAGES = [
  { stage: "data_gathering", label: "Data gathering", owner: "demand_planner" },
  { stage: "demand_review", label: "Demand review", owner: "demand_planner" },
  { stage: "supply_review", label: "Supply review", owner: "supply_planner" },
  { stage: "alignment", label: "Alignment (pre-S&OP)", owner: "supply_planner" },
  { stage: "executive", label: "Executive S&OP", owner: "executive" },
  { stage: "committed", label: "Committed", owner: "executive" },
] as const satisfies readonly { stage: string; label: string; owner: Role }[];

export type CycleStage = (typeof CYCLE_STAGES)[number]["stage"];

export type StageStatus = "done" | "current" | "upcoming";

/** Each stage's status when the cycle stands at `current`. */
export function stageTrack(
  current: CycleStage,
): { stage: CycleStage; label: string; owner: Role; status: StageStatus }[] {
  const at = CYCLE_STAGES.findIndex((s) => s.stage === current);
  return CYCLE_STAGES.map((s, i) => ({ ...s, status: i < at ? "done" : i === at ? "current" : "upcoming" }));
}
