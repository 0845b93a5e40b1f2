import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { demandTrend, theilSen } from "./demand-trend";
import type { SeasonalProfile } from "./seasonal-profile";

const FLAT: SeasonalProfile = { indices: Array<number>(12).fill(1), years: 0, enough: false };
const start = "2024-01" as PeriodKey;

describe("theilSen", () => {
  it("is the median pairwise slope, which one outlier does not move", () => {
    // [0, 1, 2, 3, 40]: slopes 1 (six pairs), 10, 13, 19, 37 → median of ten = (1 + 1)/2 = 1.
    expect(theilSen([0, 1, 2, 3, 40])).toBe(1);
    // [0, 1, 2, 30]: slopes 1, 1, 1, 10, 14.5, 28 → (1 + 10)/2.
    expect(theilSen([0, 1, 2, 30])).toBe(5.5);
    expect(theilSen([7])).toBe(0);
  });
});

describe("demandTrend", () => {
  it("compares the last twelve months with the twelve before", () => {
    // 12 months of 10 (120), then 12 of 12 (144): +20 %.
    const trend = demandTrend({ start, values: [...Array(12).fill(10), ...Array(12).fill(12)] }, FLAT);
    expect([trend.prior12, trend.last12]).toEqual([120, 144]);
    expect(trend.growthPercent).toBeCloseTo(20, 12);
  });

  it("fits the slope on the last 36 months, in units per month and percent of the mean a year", () => {
    // y = 100 + 2t over 40 months: the last 36 (t = 4…39) have slope 2 and mean 100 + 2·21.5 = 143;
    // 12 · 2 / 143 = 16.78 % a year.
    const values = Array.from({ length: 40 }, (_, t) => 100 + 2 * t);
    const trend = demandTrend({ start, values }, FLAT);
    expect(trend.months).toBe(36);
    expect(trend.slopePerMonth).toBeCloseTo(2, 12);
    expect(trend.slopePercentPerYear).toBeCloseTo((100 * 24) / 143, 10);
  });

  it("takes the season out before fitting: a seasonal series at a steady level has no slope", () => {
    // A level of 10 times the profile, January 1.5, February 0.5: adjusted, every month is 10.
    const indices = [1.5, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const values = Array.from({ length: 24 }, (_, t) => 10 * indices[t % 12]!);
    const profile = { indices, years: 2, enough: true };
    expect(demandTrend({ start, values }, profile).slopePerMonth).toBeCloseTo(0, 12);
    // The same months starting in February: each value still meets its own calendar month's index.
    const fromFebruary = { start: "2024-02" as PeriodKey, values: values.slice(1).concat(values[0]!) };
    expect(demandTrend(fromFebruary, profile).slopePerMonth).toBeCloseTo(0, 12);
  });

  it("leaves out what short history cannot say", () => {
    const trend = demandTrend({ start, values: [5, 6, 7, 8, 9] }, FLAT);
    expect(trend).toMatchObject({ last12: null, prior12: null, growthPercent: null, slopePerMonth: null });
    const noPrior = demandTrend({ start, values: [...Array(12).fill(0), ...Array(12).fill(3)] }, FLAT);
    expect(noPrior.growthPercent).toBeNull();
  });
});
