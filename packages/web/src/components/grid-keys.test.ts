import { describe, expect, it } from "vitest";
import { type GridCells, targetOf } from "./grid-keys";

// Three rows of three columns; "x" is locked or read-only:
//   row 0: .  .  .
//   row 1: .  x  .
//   row 2: x  x  x
//   row 3: .  .  x
const SHAPE = ["...", ".x.", "xxx", "..x"];
const cells: GridCells = {
  rows: SHAPE.length,
  cols: 3,
  editable: (row, col) => SHAPE[row]?.[col] === ".",
};

describe("targetOf", () => {
  it("moves up and down in the column, stepping over cells that take no edits", () => {
    expect(targetOf(cells, { row: 0, col: 1 }, "down")).toEqual({ row: 3, col: 1 });
    expect(targetOf(cells, { row: 3, col: 0 }, "up")).toEqual({ row: 1, col: 0 });
    expect(targetOf(cells, { row: 0, col: 2 }, "up")).toBeNull();
    expect(targetOf(cells, { row: 1, col: 2 }, "down")).toBeNull();
  });

  it("moves left and right, to the row's ends with Home and End, and stays in the row", () => {
    expect(targetOf(cells, { row: 1, col: 0 }, "right")).toEqual({ row: 1, col: 2 });
    expect(targetOf(cells, { row: 1, col: 2 }, "left")).toEqual({ row: 1, col: 0 });
    expect(targetOf(cells, { row: 0, col: 2 }, "home")).toEqual({ row: 0, col: 0 });
    expect(targetOf(cells, { row: 3, col: 0 }, "end")).toEqual({ row: 3, col: 1 });
    expect(targetOf(cells, { row: 3, col: 1 }, "right")).toBeNull();
    expect(targetOf(cells, { row: 0, col: 0 }, "home")).toBeNull();
  });

  it("runs Tab and Shift-Tab on to the next and previous row's editable cells", () => {
    expect(targetOf(cells, { row: 1, col: 2 }, "next")).toEqual({ row: 3, col: 0 });
    expect(targetOf(cells, { row: 3, col: 0 }, "previous")).toEqual({ row: 1, col: 2 });
    expect(targetOf(cells, { row: 0, col: 0 }, "next")).toEqual({ row: 0, col: 1 });
    expect(targetOf(cells, { row: 3, col: 1 }, "next")).toBeNull();
    expect(targetOf(cells, { row: 0, col: 0 }, "previous")).toBeNull();
  });
});
