import { describe, expect, it } from "vitest";
import { allocateAtp } from "./atp-allocation";
import { availableToPromise } from "./available-to-promise";
import { promisesAtRisk } from "./promises-at-risk";

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
