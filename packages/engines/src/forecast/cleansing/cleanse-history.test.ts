import { describe, expect, it } from "vitest";
import { normalGenerator } from "../numeric/prng";
import { cleanseHistory } from "./cleanse-history";

const noise = normalGenerator(3);
const season = [0.8, 0.9, 1.1, 1.3, 1.2, 1.0, 0.9, 0.8, 0.9, 1.0, 1.1, 1.0];
const monthly = Array.from({ length: 48 }, (_, t) => 1000 * season[t % 12]! + 2 * t + 20 * noise());

describe("history cleansing", () => {
  it("replaces a one-off spike by the seasonal baseline and reports it", () => {
    const y = [...monthly];
    y[30] = 4 * y[30]!;
    const { values, changes } = cleanseHistory(y, { period: 12 });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ index: 30, original: y[30], reason: "outlier" });
    // Month 30 is a June (index 6, season 0.9): the baseline lands near 900 + 60, not near 3,800.
    expect(values[30]).toBeGreaterThan(850);
    expect(values[30]).toBeLessThan(1050);
    values.forEach((v, t) => {
      if (t !== 30) expect(v).toBe(y[t]);
    });
  });

  it("leaves a clean seasonal series alone", () => {
    expect(cleanseHistory(monthly, { period: 12 }).changes).toEqual([]);
  });

  it("replaces promotion periods with the baseline even when they are not outliers", () => {
    const y = [...monthly];
    const promotions = y.map((_, t) => t === 20 || t === 21);
    y[20] = y[20]! * 1.4;
    y[21] = y[21]! * 1.3;
    const { values, changes } = cleanseHistory(y, { period: 12, promotions, outliers: false });
    expect(changes.map((c) => [c.index, c.reason])).toEqual([
      [20, "promotion"],
      [21, "promotion"],
    ]);
    expect(Math.abs(values[20]! - monthly[20]!)).toBeLessThan(100);
  });

  it("never cleanses below zero and does not look for outliers in short histories", () => {
    const y = [5, 6, 5, 40, 6, 5, 6];
    expect(cleanseHistory(y, { period: 1 }).changes).toEqual([]);
    const long = [3, 0, 2, 1, 0, 2, 3, 1, 0, 90, 1, 2, 0, 2, 1, 3, 0, 2];
    const { values, changes } = cleanseHistory(long, { period: 1 });
    expect(changes.map((c) => c.index)).toEqual([9]);
    expect(values[9]).toBeGreaterThanOrEqual(0);
    expect(values[9]).toBeLessThan(5);
  });

  it("leaves the latest periods alone: at the edge a level shift looks like an outlier", () => {
    const shifted = [...monthly.slice(0, 44), ...monthly.slice(44).map((v) => v * 3)];
    expect(cleanseHistory(shifted, { period: 12 }).changes).toEqual([]);
  });

  it("divides known promotion effects out of their periods instead of replacing them by the baseline", () => {
    // 120 after a 20 % uplift was 100; 90 in a 10 % dip month was 100 too.
    const y = [100, 120, 100, 90, 100, 100];
    const { values, changes } = cleanseHistory(y, { period: 12, promotionLift: [1, 1.2, 1, 0.9, 1, 1] });
    expect(values.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(changes.map((c) => [c.index, c.original, c.reason])).toEqual([
      [1, 120, "promotion"],
      [3, 90, "promotion"],
    ]);
  });
});
