import type { PromiseQuote } from "@fulcrum/app";
import { describe, expect, it } from "vitest";
import { quoteReport } from "./promise";

describe("promise quote report", () => {
  it("lists the lines and what cannot be promised, and says nothing was recorded", () => {
    const quote: PromiseQuote = {
      kind: "partial",
      lines: [
        { period: "2026-12", quantity: 80 },
        { period: "2027-02", quantity: 20 },
      ],
      promised: 100,
      unpromised: 5,
      committedPlanId: 1,
      request: { sku: "SKU-1", location: "DC-1", quantity: 105, period: "2026-12", segment: "RETAIL" },
    };
    expect(quoteReport(quote)).toBe(
      "Quote (partial): 80 in 2026-12, 20 in 2027-02; 5 cannot be promised within the plan. Not recorded: add --accept --as <user> to promise it.",
    );
  });
});
