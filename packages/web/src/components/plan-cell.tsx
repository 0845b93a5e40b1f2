// One editable figure of a plan grid. It looks like a number until focused; typing and pressing
// Enter (or leaving the cell) hands the text to the owner, Escape puts the figure back. A lock
// toggle beside it holds the cell still while edits elsewhere spread.

import { type KeyboardEvent, useState } from "react";
import { formatQuantity } from "../format/numbers";

export interface PlanCellProps {
  readonly value: number | null;
  /** What the cell is, for screen readers and tests: "Juices, Dec 2026". */
  readonly label: string;
  readonly editable: boolean;
  readonly locked: boolean;
  readonly onCommit: (text: string) => void;
  readonly onToggleLock?: () => void;
}

export function PlanCell({ value, label, editable, locked, onCommit, onToggleLock }: PlanCellProps) {
  const shown = value === null ? "" : formatQuantity(value, 0);
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text !== null && text.trim() !== "" && text !== shown) onCommit(text);
    setText(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") event.currentTarget.blur();
    if (event.key === "Escape") {
      setText(null);
      event.currentTarget.blur();
    }
  };
  return (
    <span className={locked ? "plan-cell plan-cell-locked" : "plan-cell"}>
      {editable && !locked ? (
        <input
          className="plan-cell-input num"
          aria-label={label}
          value={text ?? shown}
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => event.currentTarget.select()}
          onBlur={commit}
          onKeyDown={onKeyDown}
          inputMode="decimal"
        />
      ) : (
        <span className="plan-cell-value num" title={label}>
          {shown}
        </span>
      )}
      {onToggleLock ? (
        <button
          type="button"
          className="plan-cell-lock"
          aria-pressed={locked}
          aria-label={`${locked ? "Unlock" : "Lock"} ${label}`}
          title={locked ? "Locked: edits elsewhere leave it as it is" : "Lock this figure"}
          onClick={onToggleLock}
        >
          {locked ? "■" : "□"}
        </button>
      ) : null}
    </span>
  );
}
