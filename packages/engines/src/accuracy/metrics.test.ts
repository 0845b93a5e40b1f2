import { describe, expect, it } from "vitest";
import { intervalCoverage, intervalScore, pinballLoss } from "./interval-scores";
import { mase, seasonalNaiveScale } from "./mase";
import { bias, mae, mape, rmse, smape, trackingSignal, wape } from "./point-errors";

const actual = [10, 20, 30, 40];
const forecast = [12, 18, 33, 40];

describe("point errors on a hand-computed case", () => {
  // errors f − y: 2, −2, 3, 0
  it("MAE and RMSE", () => {
    expect(mae(actual, forecast)).toBeCloseTo(7 / 4, 12);
    expect(rmse(actual, forecast)).toBeCloseTo(Math.sqrt(17 / 4), 12);
  });

  it("MAPE, sMAPE and WAPE in percent", () => {
    expect(mape(actual, forecast)).toBeCloseTo((100 * (0.2 + 0.1 + 0.1 + 0)) / 4, 12);
    expect(smape(actual, forecast)).toBeCloseTo((200 * (2 / 22 + 2 / 38 + 3 / 63)) / 4, 12);
    expect(wape(actual, forecast)).toBeCloseTo((100 * 7) / 100, 12);
  });

  it("bias and tracking signal are positive when over-forecasting", () => {
    expect(bias(actual, forecast)).toBeCloseTo(3 / 4, 12);
    expect(trackingSignal(actual, forecast)).toBeCloseTo(3 / (7 / 4), 12);
    expect(trackingSignal([1, 2], [1, 2])).toBe(0);
  });

  it("MAPE skips zero actuals; sMAPE counts 0/0 as perfect; WAPE of zero demand is undefined", () => {
    expect(mape([0, 10], [5, 11])).toBeCloseTo(10, 12);
    expect(mape([0, 0], [1, 1])).toBeNaN();
    expect(smape([0, 10], [0, 10])).toBe(0);
    expect(smape([0], [5])).toBe(200);
    expect(wape([0, 0], [1, 1])).toBeNaN();
  });

  it("rejects empty and mismatched input instead of returning NaN", () => {
    expect(() => mae([], [])).toThrow(RangeError);
    expect(() => rmse([1, 2], [1])).toThrow(/2 values/);
  });
});

describe("MASE", () => {
  it("scales by the in-sample seasonal naive error", () => {
    // lag-2 differences of [1, 3, 2, 6, 4]: 1, 3, 2 → scale 2
    expect(seasonalNaiveScale([1, 3, 2, 6, 4], 2)).toBe(2);
    expect(mase([5, 7], [6, 6], [1, 3, 2, 6, 4], 2)).toBeCloseTo(0.5, 12);
    // lag-1 differences: 2, 1, 4, 2 → 2.25
    expect(mase([5], [7.25], [1, 3, 2, 6, 4], 1)).toBeCloseTo(1, 12);
  });

  it("handles a flat history and too-short history explicitly", () => {
    expect(mase([3], [3], [3, 3, 3], 1)).toBe(0);
    expect(mase([4], [3], [3, 3, 3], 1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => seasonalNaiveScale([1, 2], 4)).toThrow(/more than 4/);
  });
});

describe("interval scores", () => {
  it("coverage counts actuals inside the band, bounds included", () => {
    expect(intervalCoverage([1, 5, 9, 3], [0, 5, 0, 4], [2, 6, 8, 6])).toBe(0.5);
  });

  it("pinball loss weights under- and over-forecasts by τ and 1 − τ", () => {
    // y − q = 2 → 0.9·2 = 1.8; y − q = −1 → 0.1·1 = 0.1
    expect(pinballLoss([10, 10], [8, 11], 0.9)).toBeCloseTo((1.8 + 0.1) / 2, 12);
    expect(pinballLoss([10, 20], [12, 17], 0.5)).toBeCloseTo(mae([10, 20], [12, 17]) / 2, 12);
    expect(() => pinballLoss([1], [1], 1)).toThrow(RangeError);
  });

  it("interval score adds 2/α times the miss to the width", () => {
    expect(intervalScore([5, 12], [4, 4], [8, 8], 0.2)).toBeCloseTo((4 + 4 + 10 * 4) / 2, 12);
  });
});
