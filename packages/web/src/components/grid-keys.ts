// Spreadsheet-style movement between the editable cells of a plan grid. The grid's rows are
// rendered by nested components (a family's SKUs appear when it opens), so movement follows the
// table as it is on screen: rows marked `data-grid-row`, cells marked `data-grid-col`, and the
// cells that can be edited marked `data-editable` (locked and read-only figures are stepped over).
// The cells themselves take the focus; an input exists only in the one being edited.

export type GridMove = "up" | "down" | "left" | "right" | "next" | "previous" | "home" | "end";

/** The row and column of the cell holding `element`, and the grid's rows. */
export function gridPosition(element: HTMLElement) {
  const cell = element.closest<HTMLElement>("[data-grid-col]");
  const row = cell?.closest<HTMLElement>("[data-grid-row]");
  const table = row?.closest("table");
  if (!cell || !row || !table) return null;
  const rows = [...table.querySelectorAll<HTMLElement>("[data-grid-row]")];
  return { rows, row: rows.indexOf(row), col: Number(cell.dataset.gridCol) };
}

/** The cell element of a row at a column, if the row has that column. */
export function cellOf(row: HTMLElement, col: number): HTMLElement | null {
  return row.querySelector<HTMLElement>(`[data-grid-col="${col}"]`);
}

/** Whether a grid cell takes edits (neither locked nor read-only). */
export const isEditable = (cell: HTMLElement | null | undefined): cell is HTMLElement =>
  cell?.hasAttribute("data-editable") ?? false;

const editableCellOf = (row: HTMLElement | undefined, col: number) => {
  const cell = row ? cellOf(row, col) : null;
  return isEditable(cell) ? cell : null;
};

const columnsOf = (row: HTMLElement) =>
  [...row.querySelectorAll<HTMLElement>("[data-grid-col]")].map((c) => Number(c.dataset.gridCol));

/** The editable cell a move from `from` lands on, or null at the grid's edge. */
export function targetOf(from: HTMLElement, move: GridMove): HTMLElement | null {
  const at = gridPosition(from);
  if (!at) return null;
  const { rows, row, col } = at;
  const here = rows[row]!;
  const cols = columnsOf(here);
  const inRow = (r: HTMLElement, candidates: readonly number[]) => {
    for (const c of candidates) {
      const cell = editableCellOf(r, c);
      if (cell) return cell;
    }
    return null;
  };
  switch (move) {
    case "left":
      return inRow(here, cols.filter((c) => c < col).reverse());
    case "right":
      return inRow(
        here,
        cols.filter((c) => c > col),
      );
    case "home":
      return inRow(
        here,
        cols.filter((c) => c < col),
      );
    case "end":
      return inRow(here, cols.filter((c) => c > col).reverse());
    case "up":
    case "down": {
      const step = move === "up" ? -1 : 1;
      for (let r = row + step; r >= 0 && r < rows.length; r += step) {
        const cell = editableCellOf(rows[r], col);
        if (cell) return cell;
      }
      return null;
    }
    case "next":
    case "previous": {
      const forward = move === "next";
      const rest = inRow(here, forward ? cols.filter((c) => c > col) : cols.filter((c) => c < col).reverse());
      if (rest) return rest;
      for (let r = row + (forward ? 1 : -1); r >= 0 && r < rows.length; r += forward ? 1 : -1) {
        const all = columnsOf(rows[r]!);
        const cell = inRow(rows[r]!, forward ? all : all.reverse());
        if (cell) return cell;
      }
      return null;
    }
  }
}

/** Moves the focus as `move` says; false when there is no editable cell that way. */
export function moveFocus(from: HTMLElement, move: GridMove): boolean {
  const target = targetOf(from, move);
  if (!target) return false;
  target.focus();
  return true;
}
