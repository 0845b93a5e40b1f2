// "Add change": the kind of change, that kind's inputs, and the reason every change must carry.
// A refusal from the server shows under the input it names, or above the form when it names none.

import { useId, useState } from "react";
import { ApiError } from "../api/api-error";
import { SCENARIO_CHANGE_KINDS, type ScenarioChangeKind, useScenarioActions } from "../api/scenarios";
import {
  buildScenarioChange,
  CHANGE_KIND_LABELS,
  type ChangeDraft,
  initialDraft,
  inputForField,
  visibleInputs,
} from "../format/scenario-change-draft";
import { ErrorMessage } from "./query-state";
import { TextField } from "./text-field";

const fieldOf = (error: unknown): string | undefined =>
  error instanceof ApiError && typeof error.body === "object" && error.body !== null && "field" in error.body
    ? String((error.body as { field: unknown }).field)
    : undefined;

export function ScenarioChangeForm({ scenarioId }: { scenarioId: number }) {
  const [kind, setKind] = useState<ScenarioChangeKind>("demand");
  const [draft, setDraft] = useState<ChangeDraft>(() => initialDraft("demand"));
  const [reason, setReason] = useState("");
  const [comment, setComment] = useState("");
  const { addChange } = useScenarioActions();
  const formId = useId();
  const errorInput = addChange.isError ? inputForField(kind, draft, fieldOf(addChange.error)) : null;
  const choose = (next: ScenarioChangeKind) => {
    setKind(next);
    setDraft(initialDraft(next));
    addChange.reset();
  };
  const submit = () =>
    addChange.mutate(
      {
        id: scenarioId,
        change: buildScenarioChange(kind, draft),
        reason: reason.trim(),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
      {
        onSuccess: () => {
          setDraft(initialDraft(kind));
          setReason("");
          setComment("");
        },
      },
    );
  return (
    <form
      className="change-form"
      data-testid="change-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="change-form-fields">
        <label className="field">
          <span className="field-label">Kind</span>
          <select
            className="input input-small"
            value={kind}
            onChange={(event) => choose(event.target.value as ScenarioChangeKind)}
            data-testid="change-kind"
          >
            {SCENARIO_CHANGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {CHANGE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {visibleInputs(kind, draft).map((input) => (
          <label className="field" key={input.key} htmlFor={`${formId}-${input.key}`}>
            <span className="field-label">{input.label}</span>
            {input.type === "select" ? (
              <select
                id={`${formId}-${input.key}`}
                className="input input-small"
                value={draft[input.key] ?? ""}
                onChange={(event) => setDraft({ ...draft, [input.key]: event.target.value })}
                data-testid={`change-${input.key}`}
              >
                {input.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${formId}-${input.key}`}
                className="input input-small"
                type={input.type === "month" ? "month" : "text"}
                inputMode={input.type === "number" ? "decimal" : undefined}
                placeholder={input.type === "month" ? "YYYY-MM" : "hint" in input ? input.hint : undefined}
                value={draft[input.key] ?? ""}
                onChange={(event) => setDraft({ ...draft, [input.key]: event.target.value })}
                aria-invalid={errorInput === input.key || undefined}
                data-testid={`change-${input.key}`}
              />
            )}
            {errorInput === input.key ? (
              <span className="field-error" role="alert" data-testid="change-field-error">
                {addChange.error instanceof Error ? addChange.error.message : ""}
              </span>
            ) : null}
          </label>
        ))}
        <TextField
          className="change-form-reason"
          label="Reason"
          value={reason}
          onChange={setReason}
          testId="change-reason"
        />
        <TextField
          className="change-form-reason"
          label="Comment"
          value={comment}
          onChange={setComment}
          testId="change-comment"
        />
      </div>
      {addChange.isError && errorInput === null ? (
        <ErrorMessage error={addChange.error} title="The change was not added" />
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={addChange.isPending || reason.trim() === ""}
          data-testid="change-add"
        >
          {addChange.isPending ? "Adding…" : "Add change"}
        </button>
      </div>
    </form>
  );
}
