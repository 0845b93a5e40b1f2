import { describe, expect, it } from "vitest";
import { isPasteBlock, parsePasteBlock, parsePastedFigure } from "./paste-block";

describe("parsePasteBlock", () => {
  it("splits Excel's rows and tabs, without a row for the trailing newline", () => {
    expect(parsePasteBlock("1\t2\r\n3\t4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parsePasteBlock("7\n")).toEqual([["7"]]);
    expect(parsePasteBlock("1\t\t3")).toEqual([["1", "", "3"]]);
  });

  it("tells a block from a figure typed into one cell", () => {
    expect(isPasteBlock("1,200")).toBe(false);
    expect(isPasteBlock("1,200\r\n")).toBe(true);
    expect(isPasteBlock("1\t2")).toBe(true);
  });
});

describe("parsePastedFigure", () => {
  it.each([
    ["1200", 1200],
    ["1,200", 1200],
    ["1,234,567", 1234567],
    ["1,234.5", 1234.5],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1 234", 1234],
    ["1\u00a0234", 1234],
    ["1'234", 1234],
    ["1,5", 1.5],
    ["12.75", 12.75],
    [" 80 ", 80],
  ])("reads %j as %d", (text, value) => {
    expect(parsePastedFigure(text)).toEqual({ kind: "figure", value });
  });

  it("leaves an empty cell alone and refuses text, errors and negatives", () => {
    expect(parsePastedFigure("  ")).toEqual({ kind: "empty" });
    expect(parsePastedFigure("n/a")).toMatchObject({ kind: "bad", reason: "not a number" });
    expect(parsePastedFigure("#DIV/0!")).toMatchObject({ kind: "bad" });
    expect(parsePastedFigure("1,23,4")).toMatchObject({ kind: "bad" });
    expect(parsePastedFigure("-40")).toEqual({ kind: "bad", reason: "a plan figure cannot be negative" });
  });
});
