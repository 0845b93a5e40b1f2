import type { PromiseQuote } from "@fulcrum/app";
import { describe, expect, it } from "vitest";
import { quoteReport, riskReport } from "./promise";

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
      ctp: null,
      request: { sku: "SKU-1", location: "DC-1", quantity: 105, period: "2026-12", segment: "RETAIL" },
    };
    expect(quoteReport(quote)).toBe(
      "Quote (partial): 80 in 2026-12, 20 in 2027-02; 5 cannot be promised within the plan. Not recorded: add --accept --as <user> to promise it.",
    );
  });
});

describe("capable-to-promise in the quote report", () => {
  it("adds what could be made and how to take it", () => {
    const quote: PromiseQuote = {
      kind: "partial",
      lines: [{ period: "2026-12", quantity: 80 }],
      promised: 80,
      unpromised: 20,
      committedPlanId: 1,
      request: { sku: "SKU-1", location: "DC-1", quantity: 100, period: "2026-12", segment: "RETAIL" },
      ctp: {
        kind: "partial",
        lines: [
          { period: "2026-12", quantity: 80, source: "atp" },
          { period: "2027-01", quantity: 20, source: "ctp" },
        ],
        promised: 100,
        unpromised: 0,
        made: 20,
        madeBy: "2027-01",
        limitedBy: "capacity",
        reservations: [],
      },
    };
    expect(quoteReport(quote)).toBe(
      "Quote (partial): 80 in 2026-12; 20 cannot be promised within the plan. Capable-to-promise (partial): 80 in 2026-12, 20 in 2027-01 (to be made) — add --ctp to take it. Not recorded: add --accept --as <user> to promise it.",
    );
  });
});

describe("promises at risk report", () => {
  it("names each promise, what is short, when it can be delivered and who is told", () => {
    expect(
      riskReport({
        committedPlanId: 2,
        cyclePeriod: "2026-12",
        notified: 1,
        atRisk: [
          {
            id: 7,
            sku: "SKU-1",
            location: "DC-1",
            segment: "RETAIL",
            customer: "CUST-1",
            quantity: 50,
            lines: [{ period: "2027-01", quantity: 50, source: "atp" }],
            uncovered: 20,
            achievablePeriod: "2027-03",
            notify: "sam",
            committedPlanId: 2,
          },
        ],
      }),
    ).toBe(
      "Promises at risk under the committed plan 2 (2026-12): 1\n#7 50 × SKU-1 at DC-1 for CUST-1: 20 short, achievable by 2027-03; tell sam\n1 new notification(s) sent",
    );
  });
});
