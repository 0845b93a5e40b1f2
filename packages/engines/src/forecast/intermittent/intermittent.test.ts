import { describe, expect, it } from "vitest";
import { adida } from "./adida";
import { croston, sba, tsb } from "./croston";
import { classifyDemand } from "./demand-class";

// Demand in periods 2, 5 and 7: sizes 3, 5, 4; intervals 2, 3, 2.
const y = [0, 3, 0, 0, 5, 0, 4];

describe("Croston family, computed by hand with α = 0.1", () => {
  it("Croston divides smoothed size by smoothed interval", () => {
    // sizes: 3 → 3.2 → 3.28; intervals: 2 → 2.1 → 2.09
    expect(croston(y, 2)).toEqual([3.28 / 2.09, 3.28 / 2.09].map((v) => expect.closeTo(v, 12)));
  });

  it("SBA scales Croston by 1 − α/2", () => {
    expect(sba(y, 1)[0]).toBeCloseTo((0.95 * 3.28) / 2.09, 12);
  });

  it("TSB multiplies smoothed size by smoothed occurrence probability", () => {
    // occurrence 0,1,0,0,1,0,1 → 0, .1, .09, .081, .1729, .15561, .240049
    expect(tsb(y, 1)[0]).toBeCloseTo(0.240049 * 3.28, 10);
  });

  it("all forecast zero when there has been no demand", () => {
    for (const f of [croston, sba, tsb, adida]) expect(f([0, 0, 0], 2)).toEqual([0, 0]);
  });

  it("ADIDA forecasts the per-period rate of the aggregated buckets", () => {
    // mean interval 7/3 → k = 2; from the end, buckets (3,0)=3, (0,5)=5, (0,4)=4; the first period
    // is the leftover and is dropped.
    // SES α = 0.1 from 3: 3 → 3.2 → 3.28; rate 3.28 / 2
    expect(adida(y, 1)[0]).toBeCloseTo(1.64, 12);
  });
});

describe("Syntetos–Boylan classification", () => {
  it("places series in the four quadrants", () => {
    expect(classifyDemand([10, 11, 9, 10, 12, 10]).demandClass).toBe("smooth");
    expect(classifyDemand([1, 30, 2, 50, 1, 40]).demandClass).toBe("erratic");
    expect(classifyDemand([0, 10, 0, 0, 11, 0, 9, 0]).demandClass).toBe("intermittent");
    expect(classifyDemand([0, 1, 0, 0, 40, 0, 2, 0]).demandClass).toBe("lumpy");
    expect(classifyDemand([0, 0]).demandClass).toBe("none");
  });

  it("reports ADI as periods per demand and CV² of the sizes", () => {
    const profile = classifyDemand([0, 2, 0, 4]);
    expect(profile.adi).toBe(2);
    expect(profile.cv2).toBeCloseTo(1 / 9, 12);
  });
});
