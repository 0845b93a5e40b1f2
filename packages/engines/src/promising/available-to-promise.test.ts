import { describe, expect, it } from "vitest";
import { availableToPromise } from "./available-to-promise";

const periods = ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03"];

describe("available-to-promise", () => {
  it("charges orders to the last receipt before them (the textbook table)", () => {
    // On hand 100; receipts 0, 200, 0, 200, 0; orders 80, 50, 70, 120, 100.
    // Balances before netting: 100−80 = 20, 200−50 = 150, −70, 200−120 = 80, −100.
    // Netting backwards: Mar −100 → Feb 80−100 = −20 → Jan −70−20 = −90 → Dec 150−90 = 60.
    // Discrete 20, 60, 0, 0, 0; cumulative 20, 80, 80, 80, 80.
    const atp = availableToPromise({
      periods,
      onHand: 100,
      receipts: [0, 200, 0, 200, 0],
      committed: [80, 50, 70, 120, 100],
    });
    expect(atp.discrete).toEqual([20, 60, 0, 0, 0]);
    expect(atp.cumulative).toEqual([20, 80, 80, 80, 80]);
    expect(atp.uncovered).toBe(0);
  });

  it("keeps a later receipt's ATP in its own period", () => {
    // On hand 50, receipts 0/100/0/100/0, orders 30/40/20/0/10:
    // 50−30 = 20, 100−40 = 60, −20 → 40, 100, −10 → 90. Discrete 20, 40, 0, 90, 0.
    const atp = availableToPromise({
      periods,
      onHand: 50,
      receipts: [0, 100, 0, 100, 0],
      committed: [30, 40, 20, 0, 10],
    });
    expect(atp.discrete).toEqual([20, 40, 0, 90, 0]);
    expect(atp.cumulative).toEqual([20, 60, 60, 150, 150]);
  });

  it("reports orders the plan cannot cover and promises nothing", () => {
    // On hand 10, receipt 20 in Dec, orders 25 and 15: Nov 10−25 = −15, Dec 20−15 = 5.
    // A later surplus never covers an earlier order: Nov's 15 are uncovered and Dec keeps 5.
    const atp = availableToPromise({
      periods: periods.slice(0, 2),
      onHand: 10,
      receipts: [0, 20],
      committed: [25, 15],
    });
    expect(atp.discrete).toEqual([0, 5]);
    expect(atp.uncovered).toBe(15);
  });

  it("rounds fractional plan quantities down to whole units", () => {
    const atp = availableToPromise({ periods: ["2026-11"], onHand: 0, receipts: [10.7], committed: [0] });
    expect(atp.discrete).toEqual([10]);
  });

  it("never promises more in total than on hand plus receipts less orders (invariant)", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const r = (k: number) => ((seed * 7919 + k * 104729) % 97) as number;
      const receipts = periods.map((_, t) => (r(t) % 3 === 0 ? r(t + 10) * 3 : 0));
      const committed = periods.map((_, t) => r(t + 20));
      const onHand = r(99);
      const atp = availableToPromise({ periods, onHand, receipts, committed });
      const net = onHand + receipts.reduce((a, b) => a + b, 0) - committed.reduce((a, b) => a + b, 0);
      expect(atp.cumulative.at(-1)! - atp.uncovered).toBeLessThanOrEqual(Math.max(net, 0) + 1e-9);
      expect(atp.discrete.every((d) => d >= 0)).toBe(true);
    }
  });
});
