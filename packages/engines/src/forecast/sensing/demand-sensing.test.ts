import { describe, expect, it } from "vitest";
import { learnSensing, type SensingObservation, sense } from "./demand-sensing";

// Every cycle books half of the current month's demand before it starts; the forecast is 100 while
// demand swings between 80 and 120, so the books track demand and the forecast does not.
const cycle = (name: string, actual: number, horizon = 1): SensingObservation => ({
  cycle: name,
  horizon,
  forecast: 100,
  booked: actual / 2,
  actual,
});

describe("learnSensing", () => {
  it("learns the booked share and trusts the books fully when they explain demand exactly", () => {
    const [h1] = learnSensing([cycle("c1", 80), cycle("c2", 120), cycle("c3", 100), cycle("c4", 90)], 1);
    expect(h1!.model.bookedShare).toBeCloseTo(0.5, 12);
    expect(h1!.model.weight).toBeCloseTo(1, 12);
    // Left out in turn, each cycle is sensed exactly: 0 % against the forecast's 50 / 390.
    expect(h1!.wapeSensed).toBeCloseTo(0, 9);
    expect(h1!.wapeForecast).toBeCloseTo((100 * 50) / 390, 9);
  });

  it("finds a partial weight when the books are a noisy signal (hand-worked)", () => {
    // Share 0.5; estimates 60 and 140 against actuals 90 and 110: w = (−10·−40 + 10·40) / (40² + 40²) = 0.25.
    const rows: SensingObservation[] = [
      { cycle: "c1", horizon: 1, forecast: 100, booked: 30, actual: 90 },
      { cycle: "c2", horizon: 1, forecast: 100, booked: 70, actual: 110 },
    ];
    const [h1] = learnSensing(rows, 1);
    expect(h1!.model).toEqual({ horizon: 1, bookedShare: 0.5, weight: 0.25 });
    expect(sense(h1!.model, 100, 30)).toBeCloseTo(90, 12);
  });

  it("ignores the books for a horizon that has none, and keeps the weight within [0, 1]", () => {
    const far = learnSensing(
      [cycle("c1", 80, 1), { cycle: "c1", horizon: 2, forecast: 100, booked: 0, actual: 90 }],
      2,
    );
    expect(far[1]!.model).toEqual({ horizon: 2, bookedShare: 0, weight: 0 });
    expect(sense(far[1]!.model, 100, 0)).toBe(100);
    // Books that move against demand get no weight rather than a negative one.
    const contrary: SensingObservation[] = [
      { cycle: "c1", horizon: 1, forecast: 100, booked: 70, actual: 90 },
      { cycle: "c2", horizon: 1, forecast: 100, booked: 30, actual: 110 },
    ];
    expect(learnSensing(contrary, 1)[0]!.model.weight).toBe(0);
    // One cycle: fitted, not scored.
    expect(learnSensing([cycle("c1", 80)], 1)[0]).toMatchObject({ cycles: 1, wapeSensed: null });
  });
});
