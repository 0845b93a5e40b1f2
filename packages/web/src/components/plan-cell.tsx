// One editable figure of a plan grid, which behaves like a spreadsheet cell. Focused, it is
// selected: arrows, Tab/Shift-Tab and Home/End move to the neighbouring editable cells, typing
// replaces the figure and Enter starts editing it. While editing, Enter commits and moves down,
// Tab commits and moves across, Escape puts the figure back; leaving the cell commits too. A block
// pasted from a spreadsheet goes to the owner whole. A lock toggle beside it holds the cell still
// while edits elsewhere spread.

import { type ClipboardEvent, type KeyboardEvent, useState } from "react";
import { formatQuantity } from "../format/numbers";
import { isPasteBlock } from "../format/paste-block";
import { type GridMove, moveFocus } from "./grid-keys";

export interface PlanCellProps {
  readonly value: number | null;
  /** What the cell is, for screen readers and tests: "Juices, Dec 2026". */
  readonly label: string;
  readonly editable: boolean;
  readonly locked: boolean;
  readonly onCommit: (text: string) => void;
  /** A block of cells pasted here (tab- and newline-separated text), with the cell it starts at. */
  readonly onPasteBlock?: (text: string, at: HTMLInputElement) => void;
  readonly onToggleLock?: () => void;
}

/** The moves a key makes while the cell is selected, and while it is being edited. */
const SELECTED_MOVES: Record<string, GridMove> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
  Home: "home",
  End: "end",
};
const EDITING_MOVES: Record<string, GridMove> = { ArrowUp: "up", ArrowDown: "down" };

export function PlanCell(props: PlanCellProps) {
  const { value, label, editable, locked, onCommit, onPasteBlock, onToggleLock } = props;
  const shown = value === null ? "" : formatQuantity(value, 0);
  // null: selected (showing the figure); a string: being edited.
  const [text, setText] = useState<string | null>(null);
  const editing = text !== null;
  const commit = () => {
    if (text !== null && text.trim() !== "" && text !== shown) onCommit(text);
    setText(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    if (event.key === "Escape") {
      setText(null);
      requestAnimationFrame(() => input.select());
      return;
    }
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      if (!editing) {
        // Edit the figure in place, the caret after it.
        setText(shown);
        requestAnimationFrame(() => input.setSelectionRange(shown.length, shown.length));
      } else if (event.key === "Enter" && !moveFocus(input, event.shiftKey ? "up" : "down")) commit();
      return;
    }
    // Moving away blurs the cell, which commits what was typed.
    const move =
      event.key === "Tab"
        ? event.shiftKey
          ? "previous"
          : "next"
        : (editing ? EDITING_MOVES : SELECTED_MOVES)[event.key];
    if (move && moveFocus(input, move)) event.preventDefault();
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData("text/plain");
    if (!onPasteBlock || !isPasteBlock(pasted)) return;
    event.preventDefault();
    setText(null);
    onPasteBlock(pasted, event.currentTarget);
  };
  return (
    <span className={locked ? "plan-cell plan-cell-locked" : "plan-cell"}>
      {editable && !locked ? (
        <input
          className={editing ? "plan-cell-input plan-cell-editing num" : "plan-cell-input num"}
          aria-label={label}
          value={text ?? shown}
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => event.currentTarget.select()}
          onBlur={commit}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
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
