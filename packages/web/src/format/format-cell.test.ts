import { describe, expect, it } from "vitest";
import { columnUnit, formatCell } from "./format-cell";

const EUR = { code: "EUR", minorDigits: 2 };

describe("formatCell", () => {
  it("shows money from minor units, right-aligned", () => {
    expect(formatCell({ kind: "money" }, 123450, EUR)).toEqual({
      text: "1,234.50",
      align: "right",
      look: "number",
      negative: false,
    });
  });
  it("right-aligns quantities with separators", () => {
    expect(formatCell({ kind: "quantity" }, 1500.25, EUR)).toMatchObject({
      text: "1,500.25",
      align: "right",
    });
  });
  it("shows enums as tags with readable words", () => {
    expect(formatCell({ kind: "enum", values: ["phase_out"] }, "phase_out", EUR)).toMatchObject({
      text: "phase out",
      look: "tag",
    });
  });
  it("formats dates and periods", () => {
    expect(formatCell({ kind: "date" }, "2026-01-05", EUR).text).toBe("05 Jan 2026");
    expect(formatCell({ kind: "period" }, "2026-03", EUR).text).toBe("Mar 2026");
  });
  it("marks empty cells and keeps numeric ones right-aligned", () => {
    expect(formatCell({ kind: "money" }, null, EUR)).toMatchObject({ look: "empty", align: "right" });
    expect(formatCell({ kind: "text" }, "", EUR)).toMatchObject({ look: "empty", align: "left" });
  });
  it("names the unit for money and percent headers", () => {
    expect(columnUnit({ kind: "money" }, EUR)).toBe("EUR");
    expect(columnUnit({ kind: "percent" }, EUR)).toBe("%");
    expect(columnUnit({ kind: "quantity" }, EUR)).toBeNull();
  });
});
