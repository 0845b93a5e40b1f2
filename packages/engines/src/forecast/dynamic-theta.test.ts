import { describe, expect, it } from "vitest";
import { dynamicThetaForecast, dynamicThetaPass } from "./dynamic-theta";
import { linearTrend } from "./numeric/linear-trend";

describe("dynamic optimised Theta", () => {
  it("updates the trend line exactly as OLS on the data so far", () => {
    // With θ → ∞ and α = 1 the one-step forecast is xₜ₋₁ + Aₜ₋₁·0 + Bₜ₋₁ (the OLS slope so far),
    // so a pass over a series reveals the recursive slope; compare with OLS at every t.
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    for (let t = 3; t <= x.length; t++) {
      const forecast = [0];
      dynamicThetaPass(x.slice(0, t), 1, 1e12, 0, forecast);
      expect(forecast[0]! - x[t - 1]!).toBeCloseTo(linearTrend(x.slice(0, t), 1).slope, 9);
    }
  });

  it("extends a perfect line to within 1 % (α ≤ 0.99 keeps it from tracking exactly)", () => {
    const y = Array.from({ length: 24 }, (_, t) => 50 + 3 * t);
    const fit = dynamicThetaForecast(y, 4, 1)!;
    fit.forecast.forEach((v, j) => {
      const line = 50 + 3 * (24 + j);
      expect(Math.abs(v - line) / line).toBeLessThan(0.01);
    });
  });

  it("forecasts a constant series as that constant", () => {
    const fit = dynamicThetaForecast(new Array<number>(15).fill(12), 5, 1)!;
    for (const v of fit.forecast) expect(v).toBeCloseTo(12, 6);
  });

  it("needs at least 7 values", () => {
    expect(dynamicThetaForecast([1, 2, 3, 4, 5, 6], 3, 1)).toBeNull();
  });
});

describe("dynamic optimised Theta fitted values", () => {
  it("reproduce the model's own mean squared one-step error", () => {
    const y = [12, 15, 14, 18, 21, 19, 24, 26, 25, 29, 33, 31, 35];
    const fit = dynamicThetaForecast(y, 3, 1)!;
    const mse = y.reduce((sum, v, t) => sum + (v - fit.fitted[t]!) ** 2, 0) / y.length;
    expect(mse).toBeCloseTo(fit.mse, 9);
  });
});
