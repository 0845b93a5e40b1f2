import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { actualCashFlow } from "./actual-cash-flow";

const p = (s: string) => s as PeriodKey;
const m = (n: number) => n as Money;

describe("actualCashFlow", () => {
  it("collects sales after the receivables lag and pays suppliers after their payment lag", () => {
    // Window Oct–Dec. Sales: September 1,000 (lag 1 → October), October 2,000 (→ November),
    // December 500 (→ January, outside). Purchases: October 800 paid with lag 2 → December.
    // Labour 300 in October and expedite 50 in November, paid when incurred.
    const flow = actualCashFlow([p("2026-10"), p("2026-11"), p("2026-12")], {
      inflows: [
        { period: p("2026-09"), amount: m(1_000), lagPeriods: 1 },
        { period: p("2026-10"), amount: m(2_000), lagPeriods: 1 },
        { period: p("2026-12"), amount: m(500), lagPeriods: 1 },
      ],
      outflows: [
        { period: p("2026-10"), amount: m(800), lagPeriods: 2 },
        { period: p("2026-10"), amount: m(300), lagPeriods: 0 },
        { period: p("2026-11"), amount: m(50), lagPeriods: 0 },
      ],
    });
    expect(flow).toEqual([
      { period: "2026-10", cashIn: 1_000, cashOut: 300, operatingCashFlow: 700 },
      { period: "2026-11", cashIn: 2_000, cashOut: 50, operatingCashFlow: 1_950 },
      { period: "2026-12", cashIn: 0, cashOut: 800, operatingCashFlow: -800 },
    ]);
  });

  it("refuses a lag that is not a whole number of periods", () => {
    expect(() =>
      actualCashFlow([p("2026-10")], {
        inflows: [{ period: p("2026-10"), amount: m(1), lagPeriods: 0.5 }],
        outflows: [],
      }),
    ).toThrow(/lagPeriods/);
  });
});
