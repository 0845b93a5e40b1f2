import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Cycle, CycleStageView } from "../api/cycle";
import { DANA } from "../testing/fixtures";
import { renderAt, stubApi } from "../testing/render";
import { CycleStageStrip } from "./cycle-stage-strip";

const stage = (
  s: Partial<CycleStageView> & Pick<CycleStageView, "stage" | "label" | "owner">,
): CycleStageView => ({
  approvers: [s.owner],
  closedByCommit: false,
  status: "upcoming",
  approval: null,
  ...s,
});

const DATA_APPROVED = {
  stage: "data_gathering",
  by: { username: "ada", displayName: "Ada Admin" },
  role: "admin",
  at: "2026-11-20T16:00:00.000Z",
  comment: "all inputs in",
} as const;

/** The 2026-11 cycle in demand review: data gathering approved by Ada on 20 Nov. */
const IN_DEMAND_REVIEW: Cycle = {
  period: "2026-11",
  stage: "demand_review",
  stages: [
    stage({
      stage: "data_gathering",
      label: "Data gathering",
      owner: "demand_planner",
      approvers: ["demand_planner", "admin"],
      status: "done",
      approval: DATA_APPROVED,
    }),
    stage({ stage: "demand_review", label: "Demand review", owner: "demand_planner", status: "current" }),
    stage({ stage: "supply_review", label: "Supply review", owner: "supply_planner" }),
    stage({
      stage: "alignment",
      label: "Alignment (pre-S&OP)",
      owner: "supply_planner",
      approvers: ["supply_planner", "finance"],
    }),
    stage({ stage: "executive", label: "Executive S&OP", owner: "executive", closedByCommit: true }),
    stage({ stage: "committed", label: "Committed", owner: "executive", approvers: [] }),
  ],
  log: [DATA_APPROVED],
};

const SOL = { user: { username: "sol", displayName: "Sol Supply", role: "supply_planner" } };

describe("CycleStageStrip", () => {
  it("draws the stages in order, the current one marked, each approved one with approver and date", async () => {
    stubApi({ "GET /api/cycle": IN_DEMAND_REVIEW, "GET /api/auth/me": SOL });
    renderAt(<CycleStageStrip />);
    const strip = await screen.findByTestId("cycle-stage-strip");
    const items = [...strip.querySelectorAll("li[data-stage]")];
    expect(items.map((li) => li.getAttribute("data-stage"))).toEqual([
      "data_gathering",
      "demand_review",
      "supply_review",
      "alignment",
      "executive",
      "committed",
    ]);
    expect(strip.querySelector('[aria-current="step"]')?.getAttribute("data-stage")).toBe("demand_review");
    const approvals = screen.getAllByTestId("stage-approval");
    expect(approvals.map((a) => a.textContent)).toEqual(["Ada Admin · 20 Nov 2026"]);
    expect(approvals[0]!.getAttribute("title")).toBe("all inputs in");
    expect(items[3]!.textContent).toContain("Supply planner or Finance");
  });

  it("shows no Approve button to a role that does not own the current stage, and says who does", async () => {
    stubApi({ "GET /api/cycle": IN_DEMAND_REVIEW, "GET /api/auth/me": SOL });
    renderAt(<CycleStageStrip />);
    expect(await screen.findByText("Demand review is approved by the demand planner.")).toBeTruthy();
    expect(screen.queryByTestId("approve-stage")).toBeNull();
  });

  it("lets the owner approve the current stage with a comment and redraws the cycle", async () => {
    const approved: Cycle = {
      ...IN_DEMAND_REVIEW,
      stage: "supply_review",
      stages: IN_DEMAND_REVIEW.stages.map((s) =>
        s.stage === "demand_review"
          ? {
              ...s,
              status: "done",
              approval: {
                ...DATA_APPROVED,
                stage: "demand_review",
                by: { username: "dana", displayName: "Dana Demand" },
              },
            }
          : s.stage === "supply_review"
            ? { ...s, status: "current" }
            : s,
      ),
    };
    const fetchMock = stubApi({
      "GET /api/cycle": IN_DEMAND_REVIEW,
      "GET /api/auth/me": DANA,
      "POST /api/cycle/approve": approved,
    });
    renderAt(<CycleStageStrip />);
    const button = await screen.findByTestId("approve-stage");
    expect(button.textContent).toBe("Approve demand review");
    fireEvent.change(screen.getByTestId("approve-comment"), { target: { value: " consensus agreed " } });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getAllByTestId("stage-approval")).toHaveLength(2));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post![1]!.body))).toEqual({
      stage: "demand_review",
      comment: "consensus agreed",
    });
  });

  it("shows the server's refusal when the stage was approved meanwhile", async () => {
    stubApi({
      "GET /api/cycle": IN_DEMAND_REVIEW,
      "GET /api/auth/me": DANA,
      "POST /api/cycle/approve": {
        status: 409,
        body: {
          error: {
            code: "conflict",
            message: "the demand review stage of the 2026-11 cycle is already approved",
          },
        },
      },
    });
    renderAt(<CycleStageStrip />);
    fireEvent.click(await screen.findByTestId("approve-stage"));
    expect((await screen.findByRole("alert")).textContent).toContain("already approved");
  });

  it("offers the executive no Approve button: committing a plan closes the executive stage", async () => {
    const executive: Cycle = {
      ...IN_DEMAND_REVIEW,
      stage: "executive",
      stages: IN_DEMAND_REVIEW.stages.map((s) => ({
        ...s,
        status: s.stage === "executive" ? "current" : s.stage === "committed" ? "upcoming" : "done",
      })),
    };
    stubApi({
      "GET /api/cycle": executive,
      "GET /api/auth/me": { user: { username: "eve", displayName: "Eve Executive", role: "executive" } },
    });
    renderAt(<CycleStageStrip />);
    expect(await screen.findByText(/closes when the executive commits one plan/)).toBeTruthy();
    expect(screen.queryByTestId("approve-stage")).toBeNull();
  });
});
