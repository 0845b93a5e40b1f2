import { describe, expect, it } from "vitest";
import {
  CYCLE_STAGES,
  canApproveStage,
  canRecordDecisions,
  compareStages,
  nextStage,
  stageApprovers,
  stageTrack,
} from "./cycle";
import { ROLES } from "./roles";

describe("the cycle's owner table", () => {
  it("gives each meeting to its owners and the committed stage to no one", () => {
    expect(Object.fromEntries(CYCLE_STAGES.map((s) => [s.stage, stageApprovers(s.stage)]))).toEqual({
      data_gathering: ["demand_planner", "admin"],
      demand_review: ["demand_planner"],
      supply_review: ["supply_planner"],
      alignment: ["supply_planner", "finance"],
      executive: ["executive"],
      committed: [],
    });
  });

  it("lists every stage's primary owner among its approvers, except the end state", () => {
    for (const s of CYCLE_STAGES.filter((s) => s.stage !== "committed"))
      expect([s.stage, canApproveStage(s.owner, s.stage)]).toEqual([s.stage, true]);
  });

  it("keeps sales, marketing and suppliers from approving any stage", () => {
    for (const role of ["sales", "marketing", "supplier"] as const)
      for (const s of CYCLE_STAGES) expect(canApproveStage(role, s.stage)).toBe(false);
    expect(canApproveStage("admin", "executive")).toBe(false);
    expect(canApproveStage("finance", "supply_review")).toBe(false);
  });
});

describe("stage order", () => {
  it("walks the stages in order and stops after committed", () => {
    expect(nextStage("data_gathering")).toBe("demand_review");
    expect(nextStage("alignment")).toBe("executive");
    expect(nextStage("executive")).toBe("committed");
    expect(nextStage("committed")).toBeNull();
    expect(compareStages("demand_review", "supply_review")).toBeLessThan(0);
    expect(compareStages("committed", "executive")).toBeGreaterThan(0);
    expect(compareStages("alignment", "alignment")).toBe(0);
  });

  it("marks the stages before the current one done and those after it upcoming", () => {
    expect(stageTrack("supply_review").map((s) => s.status)).toEqual([
      "done",
      "done",
      "current",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
  });
});

describe("decision log rights", () => {
  it("lets the deciding roles write and leaves sales, marketing and suppliers to read", () => {
    expect(ROLES.filter(canRecordDecisions)).toEqual([
      "demand_planner",
      "supply_planner",
      "finance",
      "executive",
      "admin",
    ]);
  });
});
