import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { seasonalProfile } from "./seasonal-profile";

const month = (p: string) => p as PeriodKey;
const repeat = (v: number, n: number) => Array<number>(n).fill(v);

describe("seasonalProfile", () => {
  it("averages each calendar month's ratio to its year's average month, over the last full years", () => {
    // From July 2024: a year whose January is 20 and February 0 (others 10; mean 10, ratios 2, 0, 1),
    // then a year of 30 every month (mean 30, ratios 1). Jan = (2 + 1)/2 = 1.5, Feb = 0.5, others 1.
    const older = [10, 10, 10, 10, 10, 10, 20, 0, 10, 10, 10, 10]; // Jul 2024 … Jun 2025
    const profile = seasonalProfile({ start: month("2024-07"), values: [...older, ...repeat(30, 12)] });
    expect(profile.enough).toBe(true);
    expect(profile.years).toBe(2);
    expect(profile.indices[0]).toBeCloseTo(1.5, 12);
    expect(profile.indices[1]).toBeCloseTo(0.5, 12);
    for (const i of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) expect(profile.indices[i]).toBeCloseTo(1, 12);
    expect(profile.indices.reduce((s, v) => s + v, 0) / 12).toBeCloseTo(1, 12);
  });

  it("takes growth between years out: a doubling year with the same shape gives the same indices", () => {
    // Jan–Jun 5, Jul–Dec 15 (mean 10), then the same doubled (mean 20): ratios 0.5 and 1.5 both years.
    const year = [...repeat(5, 6), ...repeat(15, 6)];
    const profile = seasonalProfile({
      start: month("2024-01"),
      values: [...year, ...year.map((v) => 2 * v)],
    });
    expect(profile.indices.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([
      ...repeat(0.5, 6),
      ...repeat(1.5, 6),
    ]);
  });

  it("uses the last three full years at most, counted back from the last month", () => {
    // 40 months from Sep 2022: the first 4 (a December spike of 1,000) fall outside the three blocks.
    const values = [10, 10, 10, 1000, ...repeat(10, 36)];
    const profile = seasonalProfile({ start: month("2022-09"), values });
    expect(profile.years).toBe(3);
    expect(profile.indices.every((v) => Math.abs(v - 1) < 1e-12)).toBe(true);
  });

  it("is flat, and says so, with fewer than two full years of demand", () => {
    // 23 months: one full block only. 36 months whose oldest year is empty: two blocks with demand.
    expect(seasonalProfile({ start: month("2024-01"), values: repeat(10, 23) })).toEqual({
      indices: repeat(1, 12),
      years: 1,
      enough: false,
    });
    const late = seasonalProfile({ start: month("2023-01"), values: [...repeat(0, 12), ...repeat(8, 24)] });
    expect([late.years, late.enough]).toEqual([2, true]);
    expect(seasonalProfile({ start: month("2024-01"), values: [] })).toMatchObject({
      years: 0,
      enough: false,
    });
  });
});
