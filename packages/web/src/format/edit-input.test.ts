import { describe, expect, it } from "vitest";
import { parseCellEdit } from "./edit-input";

describe("parseCellEdit", () => {
  it("reads a plain number as a new total, with thousands separators and decimals", () => {
    expect(parseCellEdit("1,200")).toEqual({ kind: "total", value: 1200 });
    expect(parseCellEdit(" 151 ")).toEqual({ kind: "total", value: 151 });
    expect(parseCellEdit("12.5")).toEqual({ kind: "total", value: 12.5 });
  });

  it("reads a signed number as a change in units and a trailing % as a percentage", () => {
    expect(parseCellEdit("+150")).toEqual({ kind: "delta", value: 150 });
    expect(parseCellEdit("−150")).toEqual({ kind: "delta", value: -150 });
    expect(parseCellEdit("+5%")).toEqual({ kind: "percent", percent: 5 });
    expect(parseCellEdit("-2.5 %")).toEqual({ kind: "percent", percent: -2.5 });
    expect(parseCellEdit("5%")).toEqual({ kind: "percent", percent: 5 });
  });

  it("refuses text that is not a number", () => {
    for (const text of ["", "abc", "1,20", "12e3", "--5", "5 units"]) expect(parseCellEdit(text)).toBeNull();
  });
});
