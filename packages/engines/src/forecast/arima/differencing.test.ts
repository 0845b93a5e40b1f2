import { describe, expect, it } from "vitest";
import {
  differenceSeries,
  differencingPolynomial,
  isConstant,
  kpssStatistic,
  regularDifferences,
  seasonalDifferences,
} from "./differencing";
import { seasonalStrength, stl } from "./stl";

// The first four years of R's AirPassengers.
const air = [
  112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158,
  133, 114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218,
  230, 242, 209, 191, 172, 194,
];

describe("differencing", () => {
  it("expands (1 − B)(1 − B¹²) into its lag coefficients", () => {
    const delta = differencingPolynomial(1, 1, 12);
    expect(delta.length).toBe(13);
    expect(delta[0]).toBe(1);
    expect(delta[11]).toBe(1);
    expect(delta[12]).toBe(-1);
    expect(delta.slice(1, 11).every((v) => v === 0)).toBe(true);
  });

  it("applies seasonal and regular differences", () => {
    const y = Array.from({ length: 30 }, (_, t) => t * t + (t % 4) * 10);
    const w = differenceSeries(y, 1, 1, 4);
    expect(w.length).toBe(25);
    // ∇∇₄ of t² is the constant 8; the period-4 pattern vanishes.
    expect([...w].every((v) => v === 8)).toBe(true);
  });

  it("tells constant series apart from nearly constant ones", () => {
    expect(isConstant([5, 5, 5])).toBe(true);
    expect(isConstant([5, 5, 5.001])).toBe(false);
    expect(isConstant([0, 0])).toBe(true);
  });
});

describe("unit-root and seasonality tests against R", () => {
  it("matches urca's KPSS statistic", () => {
    expect(kpssStatistic(air)).toBeCloseTo(1.83420108237, 8);
    expect(kpssStatistic(differenceSeries(air, 1, 0, 1))).toBeCloseTo(0.0278975728233, 8);
  });

  it("takes the differences R's ndiffs and nsdiffs take", () => {
    expect(regularDifferences(air)).toBe(1);
    expect(seasonalDifferences(air, 12)).toBe(1);
    expect(regularDifferences([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2])).toBe(0);
    expect(seasonalDifferences(air.slice(0, 24), 12)).toBe(0);
  });

  it("reproduces R's stl decomposition and seasonal strength", () => {
    const { seasonal, trend } = stl(air, 12);
    expect(seasonal[0]).toBeCloseTo(-13.943221366, 6);
    expect(seasonal[5]).toBeCloseTo(11.842473434, 6);
    expect(trend[0]).toBeCloseTo(123.5234487, 6);
    expect(seasonalStrength(air, 12)).toBeCloseTo(0.9415516, 6);
    expect(seasonalStrength(air.slice(0, 30), 4)).toBeCloseTo(0.1884786, 6);
  });
});
