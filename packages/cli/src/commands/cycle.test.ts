import type { CycleView } from "@fulcrum/app";
import { describe, expect, it } from "vitest";
import { cycleReport } from "./cycle";

describe("cycle report", () => {
  it("marks the done and current stages and names the approver, date and comment", () => {
    const cycle: CycleView = {
      period: "2026-11",
      stage: "demand_review",
      log: [],
      stages: [
        {
          stage: "data_gathering",
          label: "Data gathering",
          owner: "demand_planner",
          approvers: ["demand_planner", "admin"],
          closedByCommit: false,
          status: "done",
          approval: {
            stage: "data_gathering",
            by: { username: "dana", displayName: "Dana Demand" },
            role: "demand_planner",
            at: "2026-11-22T09:00:00.000Z",
            comment: "inputs loaded",
          },
        },
        {
          stage: "demand_review",
          label: "Demand review",
          owner: "demand_planner",
          approvers: ["demand_planner"],
          closedByCommit: false,
          status: "current",
          approval: null,
        },
        {
          stage: "committed",
          label: "Committed",
          owner: "executive",
          approvers: [],
          closedByCommit: false,
          status: "upcoming",
          approval: null,
        },
      ],
    };
    expect(cycleReport(cycle).split("\n")).toEqual([
      "S&OP cycle 2026-11",
      "✓ Data gathering        Demand planner or Administrator  approved by Dana Demand on 2026-11-22 — inputs loaded",
      "▶ Demand review         Demand planner",
      "  Committed             reached by committing a plan",
    ]);
  });
});
