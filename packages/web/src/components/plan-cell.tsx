// One figure of a plan grid, which behaves like a spreadsheet cell. At rest it is plain text in a
// focusable `<td>` named by what it is and its figure ("Juices, Nov 2026: 1,234"), so a grid of
// thousands of cells stays light; the `<input>` exists only while the cell is edited. Focused, it
// is selected: arrows, Tab/Shift-Tab and Home/End move to the neighbouring editable cells, typing
// replaces the figure and Enter or F2 starts editing it. While editing, Enter commits and moves
// down, Tab commits and moves across, Escape puts the figure back; leaving the cell commits too.
// The owner moves the focus, as the cell it goes to may not be drawn yet. A block pasted from a
// spreadsheet goes to the owner whole. A lock toggle, shown while the cell is hovered or focused
// or its row is selected, holds the cell still while edits elsewhere spread.

import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from "react";
import { formatQuantity } from "../format/numbers";
import { isPasteBlock } from "../format/paste-block";
import type { GridMove } from "./grid-keys";

export interface PlanCellProps {
  readonly value: number | null;
  /** What the cell is: "Juices, Dec 2026"; screen readers hear it with the figure. */
  readonly label: string;
  /** The column's bucket ("2026-12") and its place among the grid's period columns (from 0). */
  readonly period: string;
  readonly col: number;
  readonly editable: boolean;
  readonly locked: boolean;
  /** The row is selected: its lock toggles show without hovering. */
  readonly rowSelected?: boolean;
  /** Shown before the figure (the note of the edit behind it). */
  readonly note?: ReactNode;
  readonly onCommit: (text: string) => void;
  /** Moves the focus from this cell as a key says; false when there is no editable cell that way. */
  readonly onMove: (move: GridMove) => boolean;
  /** A block of cells pasted here (tab- and newline-separated text), to land from this cell. */
  readonly onPasteBlock?: (text: string) => void;
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

/** A key that types a character (not a shortcut), which starts editing with it. */
const typesCharacter = (event: KeyboardEvent) =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

export function PlanCell(props: PlanCellProps) {
  const { value, label, period, col, locked, note, onCommit, onMove, onPasteBlock, onToggleLock } = props;
  const editable = props.editable && !locked;
  const shown = value === null ? "" : formatQuantity(value, 0);
  // null: at rest or selected (showing the figure); a string: being edited.
  const [text, setText] = useState<string | null>(null);
  // What is typed, read by the blur that ends an edit (Escape clears it first, so nothing commits).
  const typed = useRef<string | null>(null);
  const [hot, setHot] = useState(false);
  const cellRef = useRef<HTMLTableCellElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const editing = text !== null;

  useEffect(() => {
    const input = inputRef.current;
    if (!editing || !input || document.activeElement === input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, [editing]);

  const edit = (start: string) => {
    typed.current = start;
    setText(start);
  };
  const stopEditing = () => {
    typed.current = null;
    setText(null);
  };
  const commit = () => {
    const current = typed.current;
    stopEditing();
    if (current !== null && current.trim() !== "" && current !== shown) onCommit(current);
  };

  const onCellKeyDown = (event: KeyboardEvent<HTMLTableCellElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      edit(shown);
      return;
    }
    if (typesCharacter(event)) {
      // Typing replaces the figure, as in a spreadsheet.
      event.preventDefault();
      edit(event.key);
      return;
    }
    const move = event.key === "Tab" ? (event.shiftKey ? "previous" : "next") : SELECTED_MOVES[event.key];
    if (move && onMove(move)) event.preventDefault();
  };
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const cell = cellRef.current;
    event.stopPropagation();
    if (!cell) return;
    if (event.key === "Escape") {
      stopEditing();
      cell.focus();
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      if (!move(event.shiftKey ? "up" : "down")) {
        commit();
        cell.focus();
      }
      return;
    }
    const key = event.key === "Tab" ? (event.shiftKey ? "previous" : "next") : EDITING_MOVES[event.key];
    if (key && move(key)) event.preventDefault();
  };
  // Moving away blurs the input, which commits what was typed; commit here too, as the cell moved
  // to may be far down and this one scrolled out of the page before its input would blur.
  const move = (to: GridMove) => {
    if (!onMove(to)) return false;
    commit();
    return true;
  };
  const onPaste = (event: ClipboardEvent<HTMLTableCellElement>) => {
    const pasted = event.clipboardData.getData("text/plain");
    if (onPasteBlock && isPasteBlock(pasted)) {
      event.preventDefault();
      stopEditing();
      onPasteBlock(pasted);
    } else if (!editing && pasted.trim() !== "") {
      // One figure pasted on a selected cell replaces it, to be checked and committed with Enter.
      event.preventDefault();
      edit(pasted.trim());
    }
  };
  const onBlur = (event: FocusEvent<HTMLTableCellElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setHot(false);
  };

  const showLock = onToggleLock && (hot || props.rowSelected);
  const className = [
    "align-right num plan-cell",
    locked ? "plan-cell-locked" : "",
    editing ? "plan-cell-editing" : "",
    showLock ? "plan-cell-hot" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <td
      ref={cellRef}
      className={className}
      data-period={period}
      data-grid-col={col}
      data-editable={editable ? "" : undefined}
      tabIndex={editable ? 0 : undefined}
      aria-colindex={col + 2}
      // While editing, the input carries the name. The figure is part of the name, as an aria-label
      // hides a cell's text from screen readers.
      aria-label={editing ? undefined : shown === "" ? label : `${label}: ${shown}`}
      title={editable ? undefined : label}
      onKeyDown={editable ? onCellKeyDown : undefined}
      onPaste={editable ? onPaste : undefined}
      onFocus={onToggleLock ? () => setHot(true) : undefined}
      onBlur={onToggleLock ? onBlur : undefined}
      onMouseEnter={onToggleLock ? () => setHot(true) : undefined}
      onMouseLeave={onToggleLock ? () => setHot(false) : undefined}
      onDoubleClick={editable && !editing ? () => edit(shown) : undefined}
    >
      {note}
      {editing ? (
        <input
          ref={inputRef}
          className="plan-cell-input"
          aria-label={label}
          value={text}
          onChange={(event) => {
            typed.current = event.target.value;
            setText(event.target.value);
          }}
          onBlur={commit}
          onKeyDown={onInputKeyDown}
          inputMode="decimal"
        />
      ) : (
        shown
      )}
      {showLock ? (
        <button
          type="button"
          className="plan-cell-lock"
          aria-pressed={locked}
          aria-label={`${locked ? "Unlock" : "Lock"} ${label}`}
          title={locked ? "Locked: edits elsewhere leave it as it is" : "Lock this figure"}
          onClick={onToggleLock}
        />
      ) : null}
    </td>
  );
}
