import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { checkDecisionChanges, isOverdue } from "./decision-input";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
  return null;
};

describe("decision input", () => {
  it("trims the texts, lower-cases the owner and keeps only the given fields", () => {
    expect(
      checkDecisionChanges({ title: "  Add a second shift  ", owner: " Sol ", dueDate: "2026-12-15" }),
    ).toEqual({ title: "Add a second shift", owner: "sol", dueDate: "2026-12-15" });
    expect(checkDecisionChanges({ status: "done" })).toEqual({ status: "done" });
  });

  it("clears the due date and the scenario with null (or an empty date)", () => {
    expect(checkDecisionChanges({ dueDate: null, scenarioId: null })).toEqual({
      dueDate: null,
      scenarioId: null,
    });
    expect(checkDecisionChanges({ dueDate: "" })).toEqual({ dueDate: null });
  });

  it("names the field of each bad value", () => {
    expect(refusal(() => checkDecisionChanges({ title: "   " }))).toBe(
      "bad_request: title: a decision is 1–300 characters",
    );
    expect(refusal(() => checkDecisionChanges({ title: "x".repeat(301) }))).toMatch(/^bad_request: title: /);
    expect(refusal(() => checkDecisionChanges({ rationale: "x".repeat(4001) }))).toMatch(
      /^bad_request: rationale: /,
    );
    expect(refusal(() => checkDecisionChanges({ owner: " " }))).toMatch(/^bad_request: owner: /);
    expect(refusal(() => checkDecisionChanges({ dueDate: "2026-02-30" }))).toBe(
      "bad_request: dueDate: 2026-02-30 is not a date (YYYY-MM-DD)",
    );
    expect(refusal(() => checkDecisionChanges({ dueDate: "15/12/2026" }))).toMatch(/^bad_request: dueDate: /);
    expect(refusal(() => checkDecisionChanges({ status: "closed" }))).toBe(
      "bad_request: status: closed is not a decision status (open, done, dropped)",
    );
    expect(refusal(() => checkDecisionChanges({ scenarioId: 0 }))).toMatch(/^bad_request: scenarioId: /);
  });
});

describe("overdue decisions", () => {
  it("flags an open decision due before the as-of day, not one due that day, done or undated", () => {
    expect(isOverdue("open", "2026-11-21", "2026-11-22")).toBe(true);
    expect(isOverdue("open", "2026-11-22", "2026-11-22")).toBe(false);
    expect(isOverdue("done", "2026-11-01", "2026-11-22")).toBe(false);
    expect(isOverdue("dropped", "2026-11-01", "2026-11-22")).toBe(false);
    expect(isOverdue("open", null, "2026-11-22")).toBe(false);
  });
});
