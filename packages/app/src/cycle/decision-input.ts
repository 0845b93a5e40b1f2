// What a new decision or an edit of one may say, checked before anything is read or written: each
// refusal names the field. Owner and scenario are checked against the database by the service.

import { parseIsoDate } from "@fulcrum/domain";
import { AppError } from "../errors";

export const DECISION_STATUSES = ["open", "done", "dropped"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const MAX_DECISION_TITLE = 300;
export const MAX_DECISION_RATIONALE = 4000;

/** An edit: every field given changes (null clears the due date or the linked scenario). */
export interface DecisionChanges {
  readonly title?: string;
  readonly rationale?: string;
  /** The owner's username. */
  readonly owner?: string;
  readonly dueDate?: string | null;
  readonly status?: string;
  readonly scenarioId?: number | null;
}

export interface NewDecision extends DecisionChanges {
  readonly title: string;
  readonly owner: string;
}

export interface CheckedChanges {
  readonly title?: string;
  readonly rationale?: string;
  readonly owner?: string;
  readonly dueDate?: string | null;
  readonly status?: DecisionStatus;
  readonly scenarioId?: number | null;
}

const length = (text: string) => [...text].length;

/**
 * Trims the texts and checks each given field: a title of 1–300 characters, a rationale of at most
 * 4,000, an owner username, an ISO due date (YYYY-MM-DD) or null, a known status, a positive
 * scenario id or null. Throws bad_request naming the first bad field.
 */
export function checkDecisionChanges(input: DecisionChanges): CheckedChanges {
  const out: {
    -readonly [K in keyof CheckedChanges]: CheckedChanges[K];
  } = {};
  if (input.title !== undefined) {
    const title = input.title.trim();
    if (length(title) === 0 || length(title) > MAX_DECISION_TITLE)
      throw new AppError("bad_request", `title: a decision is 1–${MAX_DECISION_TITLE} characters`);
    out.title = title;
  }
  if (input.rationale !== undefined) {
    const rationale = input.rationale.trim();
    if (length(rationale) > MAX_DECISION_RATIONALE)
      throw new AppError("bad_request", `rationale: at most ${MAX_DECISION_RATIONALE} characters`);
    out.rationale = rationale;
  }
  if (input.owner !== undefined) {
    const owner = input.owner.trim().toLowerCase();
    if (owner === "") throw new AppError("bad_request", "owner: name the user who owns the decision");
    out.owner = owner;
  }
  if (input.dueDate !== undefined) {
    if (input.dueDate === null || input.dueDate.trim() === "") out.dueDate = null;
    else {
      // Only ISO here: a day-first date typed into an API call is more likely a mistake than an export.
      const due = /^\d{4}-\d{2}-\d{2}$/.test(input.dueDate.trim()) ? parseIsoDate(input.dueDate) : null;
      if (!due) throw new AppError("bad_request", `dueDate: ${input.dueDate} is not a date (YYYY-MM-DD)`);
      out.dueDate = due;
    }
  }
  if (input.status !== undefined) {
    if (!(DECISION_STATUSES as readonly string[]).includes(input.status))
      throw new AppError(
        "bad_request",
        `status: ${input.status} is not a decision status (${DECISION_STATUSES.join(", ")})`,
      );
    out.status = input.status as DecisionStatus;
  }
  if (input.scenarioId !== undefined) {
    if (input.scenarioId !== null && !(Number.isInteger(input.scenarioId) && input.scenarioId > 0))
      throw new AppError("bad_request", `scenarioId: ${input.scenarioId} is not a scenario id`);
    out.scenarioId = input.scenarioId;
  }
  return out;
}

/** Whether a decision is overdue on `asOf`: still open and due before that day. */
export function isOverdue(status: string, dueDate: string | null, asOf: string): boolean {
  return status === "open" && dueDate !== null && dueDate < asOf;
}
