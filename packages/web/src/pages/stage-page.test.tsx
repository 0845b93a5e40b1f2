import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Cycle } from "../api/cycle";
import { DANA, WORKSPACE } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { OverviewPage } from "./overview-page";
import { StagePage } from "./stage-page";

const CYCLE: Cycle = {
  period: "2026-11",
  stage: "data_gathering",
  stages: [
    {
      stage: "data_gathering",
      label: "Data gathering",
      owner: "demand_planner",
      approvers: ["demand_planner", "admin"],
      closedByCommit: false,
      status: "current",
      approval: null,
    },
  ],
  log: [],
};
const EXECUTIVE_WORKSPACE = {
  ...WORKSPACE,
  cycle: {
    ...WORKSPACE.cycle,
    stages: [{ stage: "executive", label: "Executive S&OP", owner: "executive", status: "upcoming" }],
  },
};

describe("the cycle on the overview and the stage pages", () => {
  it("puts the stage strip with its Approve button on the overview for the stage's owner", async () => {
    stubApi({ "GET /api/workspace": WORKSPACE, "GET /api/cycle": CYCLE, "GET /api/auth/me": DANA });
    renderAt(<OverviewPage />);
    expect((await screen.findByTestId("approve-stage")).textContent).toBe("Approve data gathering");
  });

  it("shows the strip on a stage page, and the decision log only on the executive one", async () => {
    stubApi({
      "GET /api/workspace": EXECUTIVE_WORKSPACE,
      "GET /api/cycle": CYCLE,
      "GET /api/auth/me": DANA,
      "GET /api/decisions": { period: "2026-11", asOf: "2026-11-22", decisions: [] },
    });
    renderAt(<StagePage stageId="executive" />);
    expect(await screen.findByTestId("cycle-stage-strip")).toBeTruthy();
    expect(await screen.findByTestId("decision-log")).toBeTruthy();
  });

  it("leaves the decision log off the other stage pages", async () => {
    stubApi({ "GET /api/workspace": WORKSPACE, "GET /api/cycle": CYCLE, "GET /api/auth/me": DANA });
    renderAt(<StagePage stageId="data" />);
    expect(await screen.findByTestId("cycle-stage-strip")).toBeTruthy();
    expect(screen.queryByTestId("decision-log")).toBeNull();
  });
});
