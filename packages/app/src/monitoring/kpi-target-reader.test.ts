import { describe, expect, it } from "vitest";
import { targetBook } from "./kpi-target-reader";

describe("targetBook", () => {
  const book = targetBook(
    new Map([
      ["otif\u0000company", 0.9],
      ["otif\u0000segment:KEY", 0.98],
      ["plan_attainment\u0000group:FAM-A", 0.8],
    ]),
  );

  it("takes a segment's own target over the company's", () => {
    expect(book.target("otif", "segment:KEY")).toBe(0.98);
    expect(book.target("otif", "segment:RETAIL")).toBe(0.9);
  });

  it("falls back to the KPI catalogue's default when nobody set a target", () => {
    expect(book.target("forecast_bias", "group:FAM-A")).toBe(0.05);
    expect(book.target("plan_attainment", "group:FAM-A")).toBe(0.8);
    expect(book.target("plan_attainment", "group:FAM-B")).toBe(0.95);
  });
});
