// The control every long run shares: a choice (level, strategy…), the button that queues the run,
// and a progress bar that follows the queued job. Each kind of run says what its words and numbers
// are; the layout, the busy rule and the error reporting are here once.

import type { ReactNode } from "react";
import { ErrorMessage } from "./query-state";

export interface JobRunControlProps<Option extends string> {
  /** Test-id prefix: `${testId}-run`, `${testId}-run-button`, `${testId}-progress`. */
  readonly testId: string;
  readonly choice: {
    readonly label: string;
    readonly options: Record<Option, string>;
    readonly value: Option;
    readonly onChange: (value: Option) => void;
    readonly testId: string;
  };
  readonly runLabel: string;
  readonly busyLabel: string;
  readonly running: boolean;
  readonly onRun: () => void;
  /** Null until a run was queued. */
  readonly progress: {
    readonly state: string;
    /** Share done, 0–1. */
    readonly fraction: number;
    readonly text: string;
    readonly label: string;
  } | null;
  readonly errors: readonly { readonly error: unknown; readonly title: string }[];
}

export function JobRunControl<Option extends string>(props: JobRunControlProps<Option>): ReactNode {
  const { choice, progress } = props;
  return (
    <div className="forecast-run" data-testid={`${props.testId}-run`}>
      <label className="field forecast-run-level">
        <span className="field-label">{choice.label}</span>
        <select
          className="input input-small"
          value={choice.value}
          disabled={props.running}
          onChange={(event) => choice.onChange(event.target.value as Option)}
          data-testid={choice.testId}
        >
          {(Object.keys(choice.options) as Option[]).map((option) => (
            <option key={option} value={option}>
              {choice.options[option]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-primary"
        disabled={props.running}
        onClick={props.onRun}
        data-testid={`${props.testId}-run-button`}
      >
        {props.running ? props.busyLabel : props.runLabel}
      </button>
      {progress ? (
        <div
          className="forecast-progress"
          data-testid={`${props.testId}-progress`}
          data-state={progress.state}
        >
          <progress max={1} value={progress.fraction} aria-label={progress.label} />
          <span className="muted">{progress.text}</span>
        </div>
      ) : null}
      {props.errors.map(({ error, title }) => (
        <ErrorMessage key={title} error={error} title={title} />
      ))}
    </div>
  );
}
