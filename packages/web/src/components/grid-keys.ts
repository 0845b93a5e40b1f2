// Spreadsheet-style movement between the editable cells of a plan grid, worked out on the grid's
// rows and columns rather than on the cells on screen: the grid draws only the rows in view, so the
// cell a move lands on may not exist in the page yet. The owner scrolls it into view and focuses it.
// Locked and read-only figures are stepped over.

export type GridMove = "up" | "down" | "left" | "right" | "next" | "previous" | "home" | "end";

/** A cell by its place: the row among the grid's editable-kind rows and the column among its periods. */
export interface GridPoint {
  readonly row: number;
  readonly col: number;
}

/** The shape of a grid as the movement sees it. */
export interface GridCells {
  readonly rows: number;
  readonly cols: number;
  /** Whether the cell takes edits (neither locked nor read-only). */
  readonly editable: (row: number, col: number) => boolean;
}

const range = (from: number, to: number, step: number) => {
  const out: number[] = [];
  for (let i = from; step > 0 ? i < to : i > to; i += step) out.push(i);
  return out;
};

/**
 * The editable cell a move from `from` lands on, or null at the grid's edge. Left and right stay in
 * the row; Home and End go to its first and last editable cell; up and down stay in the column;
 * Tab (next) and Shift-Tab (previous) run on to the next or previous row's cells.
 */
export function targetOf(grid: GridCells, from: GridPoint, move: GridMove): GridPoint | null {
  const { row, col } = from;
  const firstIn = (r: number, cols: readonly number[]) => {
    const c = cols.find((candidate) => grid.editable(r, candidate));
    return c === undefined ? null : { row: r, col: c };
  };
  switch (move) {
    case "left":
      return firstIn(row, range(col - 1, -1, -1));
    case "right":
      return firstIn(row, range(col + 1, grid.cols, 1));
    case "home":
      return firstIn(row, range(0, col, 1));
    case "end":
      return firstIn(row, range(grid.cols - 1, col, -1));
    case "up":
    case "down": {
      const step = move === "up" ? -1 : 1;
      for (let r = row + step; r >= 0 && r < grid.rows; r += step)
        if (grid.editable(r, col)) return { row: r, col };
      return null;
    }
    case "next":
    case "previous": {
      const forward = move === "next";
      const rest = firstIn(row, forward ? range(col + 1, grid.cols, 1) : range(col - 1, -1, -1));
      if (rest) return rest;
      const all = forward ? range(0, grid.cols, 1) : range(grid.cols - 1, -1, -1);
      for (let r = row + (forward ? 1 : -1); r >= 0 && r < grid.rows; r += forward ? 1 : -1) {
        const cell = firstIn(r, all);
        if (cell) return cell;
      }
      return null;
    }
  }
}
