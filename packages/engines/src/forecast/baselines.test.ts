import { describe, expect, it } from "vitest";
import { drift, movingAverage, naive, naive2, seasonalNaive } from "./baselines";
import { autocorrelations, classicalSeasonalIndices, isSeasonal } from "./seasonality";

const pattern = [0.8, 1.0, 1.3, 0.9];
const seasonal = Array.from({ length: 24 }, (_, t) => 100 * pattern[t % 4]!);

describe("baselines", () => {
  it("naive repeats the last value, drift extends the first-to-last line exactly", () => {
    expect(naive([1, 2, 5], 2)).toEqual([5, 5]);
    const line = [3, 5, 7, 9, 11];
    expect(drift(line, 3)).toEqual([13, 15, 17]);
    expect(drift([4], 2)).toEqual([4, 4]);
  });

  it("seasonal naive repeats the last season, and forecasts a pure seasonal series exactly", () => {
    expect(seasonalNaive(seasonal, 6, 4)).toEqual([80, 100, 130, 90, 80, 100]);
    expect(seasonalNaive([1, 2], 3, 4)).toEqual([2, 2, 2]);
  });

  it("moving average uses the last k values", () => {
    expect(movingAverage([1, 2, 3, 4, 8], 2, 3)).toEqual([5, 5]);
    expect(movingAverage([2, 4], 1, 12)).toEqual([3]);
  });

  it("Naive2 reseasonalises the last adjusted value when the series is seasonal", () => {
    // A pure multiplicative pattern is seasonal; its adjusted series is flat at 100.
    expect(isSeasonal(seasonal, 4)).toBe(true);
    const f = naive2(seasonal, 5, 4);
    [80, 100, 130, 90, 80].forEach((v, j) => {
      expect(f[j]).toBeCloseTo(v, 9);
    });
    // A trend with no seasonality is left alone: Naive2 = naive.
    const trend = Array.from({ length: 24 }, (_, t) => 10 + t);
    expect(isSeasonal(trend, 4)).toBe(false);
    expect(naive2(trend, 3, 4)).toEqual([33, 33, 33]);
    expect(naive2([5, 6, 7], 2, 1)).toEqual([7, 7]);
  });
});

describe("seasonality", () => {
  it("computes autocorrelations like R's acf", () => {
    // R: acf(c(1,2,3,4,5), plot=FALSE)$acf[2:3] = 0.4, -0.1
    const r = autocorrelations([1, 2, 3, 4, 5], 2);
    expect(r[0]).toBeCloseTo(0.4, 12);
    expect(r[1]).toBeCloseTo(-0.1, 12);
  });

  it("recovers the multiplicative pattern by classical decomposition", () => {
    const indices = classicalSeasonalIndices(seasonal, 4, "multiplicative");
    const mean = pattern.reduce((a, b) => a + b) / 4;
    indices.forEach((s, i) => {
      expect(s).toBeCloseTo(pattern[i]! / mean, 9);
    });
  });
});
