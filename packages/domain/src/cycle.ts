// The monthly S&OP cycle: its stages in order, and the roles that own (and approve) each. This is
// the one owner table: the cycle service enforces it, the API publishes it and the web app shows
// the Approve button from it.

import type { Role } from "./roles";

export const CYCLE_STAGES = [
  {
    stage: "data_gathering",
    label: "Data gathering",
    owner: "demand_planner",
    approvers: ["demand_planner", "admin"],
  },
  { stage: "demand_review", label: "Demand review", owner: "demand_planner", approvers: ["demand_planner"] },
  { stage: "supply_review", label: "Supply review", owner: "supply_planner", approvers: ["supply_planner"] },
  {
    stage: "alignment",
    label: "Alignment (pre-S&OP)",
    owner: "supply_planner",
    approvers: ["supply_planner", "finance"],
  },
  { stage: "executive", label: "Executive S&OP", owner: "executive", approvers: ["executive"] },
  // The end state: no one approves it, the cycle stands there once a plan is committed.
  { stage: "committed", label: "Committed", owner: "executive", approvers: [] },
] as const satisfies readonly { stage: string; label: string; owner: Role; approvers: readonly Role[] }[];

export type CycleStage = (typeof CYCLE_STAGES)[number]["stage"];

export type StageStatus = "done" | "current" | "upcoming";

/**
 * The stage whose approval is recorded when a plan is committed, rather than through an approval
 * of its own: committing the executive meeting's plan is what closes that meeting.
 */
export const COMMIT_STAGE: CycleStage = "executive";

export function isCycleStage(value: string): value is CycleStage {
  return CYCLE_STAGES.some((s) => s.stage === value);
}

/** The roles that may approve a stage; empty for `committed`, which nobody approves. */
export function stageApprovers(stage: CycleStage): readonly Role[] {
  return CYCLE_STAGES.find((s) => s.stage === stage)?.approvers ?? [];
}

export function canApproveStage(role: Role, stage: CycleStage): boolean {
  return stageApprovers(stage).includes(role);
}

/** The stage after `stage`; null after `committed`. */
export function nextStage(stage: CycleStage): CycleStage | null {
  const at = CYCLE_STAGES.findIndex((s) => s.stage === stage);
  return CYCLE_STAGES[at + 1]?.stage ?? null;
}

/** Negative when `a` comes before `b` in the cycle, zero when they are the same stage. */
export function compareStages(a: CycleStage, b: CycleStage): number {
  return CYCLE_STAGES.findIndex((s) => s.stage === a) - CYCLE_STAGES.findIndex((s) => s.stage === b);
}

/** Each stage's status when the cycle stands at `current`. */
export function stageTrack(
  current: CycleStage,
): { stage: CycleStage; label: string; owner: Role; status: StageStatus }[] {
  const at = CYCLE_STAGES.findIndex((s) => s.stage === current);
  return CYCLE_STAGES.map((s, i) => ({
    stage: s.stage,
    label: s.label,
    owner: s.owner,
    status: i < at ? "done" : i === at ? "current" : "upcoming",
  }));
}

/**
 * Who records and edits decisions in the executive decision log: the people who prepare and take
 * the decisions (executive, finance, the planners) and administrators; sales and marketing read it.
 */
export function canRecordDecisions(role: Role): boolean {
  return (
    role === "executive" ||
    role === "finance" ||
    role === "supply_planner" ||
    role === "demand_planner" ||
    role === "admin"
  );
}
