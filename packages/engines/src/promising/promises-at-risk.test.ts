import { describe, expect, it } from "vitest";
import { allocateAtp } from "./atp-allocation";
import { availableToPromise } from "./available-to-promise";
import { promisesAtRisk, reservationsAtRisk } from "./promises-at-risk";

// On hand 50; receipts 0/100/0/90; orders 30/20/20/0 → discrete ATP 20, 60, 0, 90.
const atp = availableToPromise({
  periods: ["2026-11", "2026-12", "2027-01", "2027-02"],
  onHand: 50,
  receipts: [0, 100, 0, 90],
  committed: [30, 20, 20, 0],
});

describe("promises at risk", () => {
  it("dates each short promise by the earliest ATP that covers it, oldest promise first", () => {
    // #1 70 for Dec: Dec's 60 and 10 of Nov — covered. #2 15 for Nov: Nov's last 10, 5 short; by Jan
    // nothing is left, by Feb 90 → achievable Feb, which keeps 85. #3 100 for Feb: 85, 15 short, and
    // nothing after Feb → no date.
    const pools = allocateAtp(atp, null, 0);
    expect(
      promisesAtRisk(pools, [
        { id: 1, segment: "RETAIL", lines: [{ period: "2026-12", quantity: 70 }] },
        { id: 2, segment: "RETAIL", lines: [{ period: "2026-11", quantity: 15 }] },
        { id: 3, segment: "RETAIL", lines: [{ period: "2027-02", quantity: 100 }] },
      ]),
    ).toEqual([
      { id: 2, uncovered: 5, achievablePeriod: "2027-02" },
      { id: 3, uncovered: 15, achievablePeriod: null },
    ]);
  });

  it("lists nothing when the plan covers every promise", () => {
    const pools = allocateAtp(atp, null, 0);
    expect(
      promisesAtRisk(pools, [{ id: 1, segment: "RETAIL", lines: [{ period: "2027-02", quantity: 170 }] }]),
    ).toEqual([]);
  });
});

describe("capable-to-promise reservations at risk", () => {
  it("grants reserved hours oldest promise first and lists those that no longer fit", () => {
    // LINE-1 has 10 spare hours in Jan under the new plan: #1's 6 fit (4 left), #2's 5 do not, #3's
    // 3 fit in what is left; #4 reserved in Nov, a month the plan no longer has, and is not checked.
    const spare = new Map([["LINE-1@2027-01", 10]]);
    expect(
      reservationsAtRisk(spare, [
        { id: 1, resource: "LINE-1", period: "2027-01", hours: 6 },
        { id: 2, resource: "LINE-1", period: "2027-01", hours: 5 },
        { id: 3, resource: "LINE-1", period: "2027-01", hours: 3 },
        { id: 4, resource: "LINE-1", period: "2026-11", hours: 99 },
      ]),
    ).toEqual(new Set([2]));
  });
});
