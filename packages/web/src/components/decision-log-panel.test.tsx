import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Decision, DecisionLog } from "../api/cycle";
import { renderAt, stubApi } from "../testing/render";
import { DecisionLogPanel } from "./decision-log-panel";

const EVE = { user: { username: "eve", displayName: "Eve Executive", role: "executive" } };
const SAM = { user: { username: "sam", displayName: "Sam Sales", role: "sales" } };

const LATE: Decision = {
  id: 4,
  period: "2026-11",
  title: "Confirm the PET price rise",
  rationale: "Supplier letter of 18 Nov",
  owner: { username: "fin", displayName: "Finn Finance" },
  dueDate: "2026-11-20",
  status: "open",
  overdue: true,
  scenario: null,
  createdBy: { username: "eve", displayName: "Eve Executive" },
  createdAt: "2026-11-18T10:00:00.000Z",
};
const SHIFT: Decision = {
  ...LATE,
  id: 5,
  title: "Add a second shift on line 2",
  rationale: "",
  owner: { username: "sol", displayName: "Sol Supply" },
  dueDate: "2026-12-15",
  overdue: false,
  scenario: { id: 2, name: "Second shift" },
};
const LOG: DecisionLog = { period: "2026-11", asOf: "2026-11-22", decisions: [LATE, SHIFT] };

describe("DecisionLogPanel", () => {
  it("lists the cycle's decisions with owner, due date and scenario, the overdue one picked out", async () => {
    stubApi({ "GET /api/decisions": LOG, "GET /api/auth/me": SAM });
    renderAt(<DecisionLogPanel />);
    const table = await screen.findByRole("table", { name: "Decisions" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-decision"))).toEqual(["4", "5"]);
    expect(rows[0]!.getAttribute("data-overdue")).toBe("true");
    expect(rows[0]!.textContent).toContain("Overdue");
    expect(rows[0]!.textContent).toContain("20 Nov 2026");
    expect(rows[1]!.getAttribute("data-overdue")).toBeNull();
    expect(rows[1]!.textContent).toContain("Second shift");
    expect(screen.getByText("November 2026 cycle · 2 open, 1 overdue on 22 Nov 2026")).toBeTruthy();
    // Sales reads the log but does not write it.
    expect(screen.queryByTestId("decision-form")).toBeNull();
    expect(screen.queryByTestId("decision-status")).toBeNull();
  });

  it("adds a decision as the executive, sending only the fields given", async () => {
    const fetchMock = stubApi({
      "GET /api/decisions": { ...LOG, decisions: [] },
      "GET /api/auth/me": EVE,
      "POST /api/decisions": SHIFT,
    });
    renderAt(<DecisionLogPanel />);
    await screen.findByText("No decisions in this cycle yet.");
    fireEvent.change(screen.getByTestId("decision-title"), {
      target: { value: "Add a second shift on line 2" },
    });
    fireEvent.change(screen.getByTestId("decision-owner"), { target: { value: "sol" } });
    fireEvent.change(screen.getByTestId("decision-new-due"), { target: { value: "2026-12-15" } });
    fireEvent.click(screen.getByTestId("decision-add"));
    await waitFor(() => expect(screen.getByTestId("decision-title")).toHaveProperty("value", ""));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(post![1]!.body))).toEqual({
      title: "Add a second shift on line 2",
      owner: "sol",
      dueDate: "2026-12-15",
    });
  });

  it("shows the server's refusal naming the field and keeps what was typed", async () => {
    stubApi({
      "GET /api/decisions": LOG,
      "GET /api/auth/me": EVE,
      "POST /api/decisions": {
        status: 400,
        body: { error: { code: "bad_request", message: "owner: no active company user ghost" } },
      },
    });
    renderAt(<DecisionLogPanel />);
    await screen.findByRole("table", { name: "Decisions" });
    fireEvent.change(screen.getByTestId("decision-title"), { target: { value: "Hire a planner" } });
    fireEvent.change(screen.getByTestId("decision-owner"), { target: { value: "ghost" } });
    fireEvent.click(screen.getByTestId("decision-add"));
    expect((await screen.findByRole("alert")).textContent).toContain("owner: no active company user ghost");
    expect(screen.getByTestId("decision-title")).toHaveProperty("value", "Hire a planner");
  });

  it("changes a decision's status and due date with one PATCH each", async () => {
    const fetchMock = stubApi({
      "GET /api/decisions": LOG,
      "GET /api/auth/me": EVE,
      "PATCH /api/decisions/4": { ...LATE, status: "done", overdue: false },
    });
    renderAt(<DecisionLogPanel />);
    fireEvent.change(await screen.findByLabelText("Status of Confirm the PET price rise"), {
      target: { value: "done" },
    });
    fireEvent.change(screen.getByLabelText("Due date of Confirm the PET price rise"), {
      target: { value: "2026-11-30" },
    });
    await waitFor(() =>
      expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "PATCH")).toHaveLength(2),
    );
    const patches = fetchMock.mock.calls
      .filter(([, init]) => init?.method === "PATCH")
      .map(([url, init]) => [new URL(String(url), "http://x").pathname, JSON.parse(String(init!.body))]);
    expect(patches).toEqual([
      ["/api/decisions/4", { status: "done" }],
      ["/api/decisions/4", { dueDate: "2026-11-30" }],
    ]);
  });

  it("opens a decision's history: who recorded it and each change, old → new", async () => {
    stubApi({
      "GET /api/decisions": LOG,
      "GET /api/auth/me": SAM,
      "GET /api/decisions/4/history": {
        decision: LATE,
        changes: [
          {
            id: 1,
            field: "due_date",
            oldValue: "2026-11-15",
            newValue: "2026-11-20",
            changedBy: { username: "fin", displayName: "Finn Finance" },
            changedAt: "2026-11-19T08:00:00.000Z",
          },
          {
            id: 2,
            field: "status",
            oldValue: "done",
            newValue: "open",
            changedBy: { username: "eve", displayName: "Eve Executive" },
            changedAt: "2026-11-19T09:00:00.000Z",
          },
        ],
      },
    });
    renderAt(<DecisionLogPanel />);
    const [toggle] = await screen.findAllByTestId("decision-history-toggle");
    fireEvent.click(toggle!);
    const history = await screen.findByTestId("decision-history");
    const entries = [...history.querySelectorAll("li")].map((li) => li.textContent);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain("Eve Executive recorded it");
    expect(entries[1]).toContain("Finn Finance · Due date: 15 Nov 2026 → 20 Nov 2026");
    expect(entries[2]).toContain("Eve Executive · Status: Done → Open");
  });
});
