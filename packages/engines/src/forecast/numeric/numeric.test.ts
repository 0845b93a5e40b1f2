import { describe, expect, it } from "vitest";
import { normalQuantile, sortedQuantile } from "./distributions";
import { linearTrend } from "./linear-trend";
import { rootsWithin } from "./polynomial";
import { normalGenerator, uniformGenerator } from "./prng";

describe("normal quantile", () => {
  it("matches R's qnorm to 1e-8", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.5)).toBe(0);
  });
});

describe("sample quantile (type 7)", () => {
  it("interpolates between order statistics", () => {
    expect(sortedQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(sortedQuantile([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(sortedQuantile([7], 0.9)).toBe(7);
  });
});

describe("seeded generators", () => {
  it("repeat for a seed and look standard normal", () => {
    const a = uniformGenerator(42);
    const b = uniformGenerator(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const z = normalGenerator(7);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < 20000; i++) {
      const v = z();
      sum += v;
      squares += v * v;
    }
    expect(Math.abs(sum / 20000)).toBeLessThan(0.03);
    expect(squares / 20000).toBeCloseTo(1, 1);
  });
});

describe("polynomial stability", () => {
  it("tells roots inside the unit circle from roots outside", () => {
    // (z − 0.5)(z + 0.5) = z² − 0.25
    expect(rootsWithin([-0.25, 0, 1])).toBe(true);
    // (z − 1.2)(z − 0.1) = z² − 1.3z + 0.12
    expect(rootsWithin([0.12, -1.3, 1])).toBe(false);
    // complex pair 0.9·e^{±iπ/3}: z² − 0.9z + 0.81
    expect(rootsWithin([0.81, -0.9, 1])).toBe(true);
    // a unit root is allowed only with a radius above 1
    expect(rootsWithin([-1, 1])).toBe(false);
    expect(rootsWithin([-1, 1], 1 + 1e-10)).toBe(true);
  });
});

describe("linear trend", () => {
  it("recovers an exact line", () => {
    const line = linearTrend([5, 7, 9, 11], 1);
    expect(line.slope).toBeCloseTo(2, 12);
    expect(line.intercept).toBeCloseTo(3, 12);
  });
});
