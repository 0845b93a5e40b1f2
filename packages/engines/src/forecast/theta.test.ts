import { describe, expect, it } from "vitest";
import { normalGenerator } from "./numeric/prng";
import { optimisedThetaForecast, thetaLines } from "./optimised-theta";
import { thetaForecast } from "./theta";

describe("standard Theta", () => {
  it("extends an exact line with half its slope on top of the SES level", () => {
    // On a perfect line SES tracks with α → 1, so the forecast is yₙ + (b/2)·j.
    const y = Array.from({ length: 20 }, (_, t) => 10 + 2 * t);
    const f = thetaForecast(y, 3, 1)!;
    expect(f[0]).toBeCloseTo(48 + 1, 1);
    expect(f[2]! - f[0]!).toBeCloseTo(2, 6);
  });

  it("forecasts a constant series as that constant", () => {
    expect(thetaForecast(new Array<number>(12).fill(7), 4, 1)).toEqual(
      [7, 7, 7, 7].map(() => expect.closeTo(7, 9)),
    );
  });

  it("carries a detected multiplicative season into the forecast", () => {
    const pattern = [0.7, 1.0, 1.4, 0.9];
    const y = Array.from({ length: 32 }, (_, t) => 100 * pattern[t % 4]!);
    const f = thetaForecast(y, 4, 4)!;
    f.forEach((v, j) => {
      expect(v).toBeCloseTo(100 * pattern[j]!, 4);
    });
  });

  it("needs at least 7 values", () => {
    expect(thetaForecast([1, 2, 3], 2, 1)).toBeNull();
  });
});

describe("theta lines and optimised Theta", () => {
  const noise = normalGenerator(11);
  const y = Array.from({ length: 40 }, (_, t) => 50 + 1.5 * t + 4 * noise());

  it("θ = 1 is simple exponential smoothing: a flat forecast", () => {
    const fit = thetaLines(y, 2, 1)!;
    expect(fit.forecast[0]).toBeCloseTo(fit.forecast[1]!, 9);
  });

  it("never fits worse in sample than the classic θ = 2", () => {
    const optimised = optimisedThetaForecast(y, 6, 1)!;
    const classic = thetaLines(y, 6, 2)!;
    expect(optimised.mse).toBeLessThanOrEqual(classic.mse + 1e-9);
    expect(optimised.theta).toBeGreaterThanOrEqual(1);
    expect(optimised.theta).toBeLessThanOrEqual(5);
  });
});
