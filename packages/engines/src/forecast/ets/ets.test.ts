import { describe, expect, it } from "vitest";
import { normalGenerator } from "../numeric/prng";
import { autoEts } from "./auto-ets";
import { isAdmissible } from "./ets-admissible";
import { etsFilter } from "./ets-filter";
import { fitEts } from "./ets-fit";
import { etsAnalyticVariance, etsPointForecast, etsQuantiles } from "./ets-forecast";
import type { EtsFit, EtsSpec } from "./ets-types";

const spec = (error: "A" | "M", trend: "N" | "A" | "Ad", season: "N" | "A" | "M"): EtsSpec => ({
  error,
  trend,
  season,
});

describe("ETS recursions, computed by hand", () => {
  it("simple exponential smoothing (A,N,N)", () => {
    const fitted = new Float64Array(4);
    const run = etsFilter(
      [10, 12, 11, 13],
      spec("A", "N", "N"),
      0.5,
      0,
      0,
      1,
      10,
      0,
      new Float64Array(0),
      fitted,
    );
    expect(Array.from(fitted)).toEqual([10, 10, 11, 11]);
    expect(run.level).toBe(12);
    expect(run.sse).toBe(8);
    expect(run.likelihood).toBeCloseTo(4 * Math.log(8), 12);
  });

  it("Holt's linear trend (A,A,N)", () => {
    const run = etsFilter([12, 13, 15], spec("A", "A", "N"), 0.5, 0.25, 0, 1, 10, 1, new Float64Array(0));
    expect(run.level).toBeCloseTo(14.59375, 12);
    expect(run.slope).toBeCloseTo(1.515625, 12);
    expect(run.sse).toBeCloseTo(1 + 0.25 ** 2 + 0.8125 ** 2, 12);
  });

  it("additive Holt–Winters (A,N,A) with m = 2, and its forecasts", () => {
    const seasonal = Float64Array.from([-1, 1]);
    const run = etsFilter([9, 12, 10], spec("A", "N", "A"), 0.5, 0, 0.5, 1, 10, 0, seasonal);
    expect(run.level).toBeCloseTo(10.75, 12);
    expect(Array.from(run.seasonal)).toEqual([-0.75, 1.5]);
    const fit = {
      spec: spec("A", "N", "A"),
      period: 2,
      parameters: { alpha: 0.5, beta: 0, gamma: 0.5, phi: 1 },
      final: { level: 10.75, slope: 0, seasonal: [-0.75, 1.5] },
      n: 3,
    } as unknown as EtsFit;
    expect(etsPointForecast(fit, 3)).toEqual([12.25, 10, 12.25]);
  });

  it("multiplicative error scores relative errors and adds 2Σlog ŷ", () => {
    const run = etsFilter([11, 9], spec("M", "N", "N"), 0.5, 0, 0, 1, 10, 0, new Float64Array(0));
    // ŷ = 10, then 10.5; ε = 0.1, −1.5/10.5
    const sse = 0.01 + (1.5 / 10.5) ** 2;
    expect(run.likelihood).toBeCloseTo(2 * Math.log(sse) + 2 * (Math.log(10) + Math.log(10.5)), 12);
  });
});

describe("ETS estimation", () => {
  it("recovers an exact linear trend with Holt's method", () => {
    const y = Array.from({ length: 30 }, (_, t) => 50 + 3 * t);
    const fit = fitEts(y, spec("A", "A", "N"), 1)!;
    const f = etsPointForecast(fit, 5);
    f.forEach((v, j) => {
      expect(v).toBeCloseTo(50 + 3 * (30 + j), 4);
    });
  });

  it("forecasts a pure seasonal series exactly with ETS(A,N,A)", () => {
    const pattern = [5, -3, 8, -10];
    const y = Array.from({ length: 24 }, (_, t) => 100 + pattern[t % 4]!);
    const fit = fitEts(y, spec("A", "N", "A"), 4)!;
    etsPointForecast(fit, 8).forEach((v, j) => {
      expect(v).toBeCloseTo(100 + pattern[(24 + j) % 4]!, 4);
    });
  });

  it("forecasts a constant series as that constant", () => {
    const fit = autoEts(new Array<number>(12).fill(42), 1)!;
    etsPointForecast(fit.best, 4).forEach((v) => {
      expect(v).toBeCloseTo(42, 6);
    });
  });

  it("refuses what it cannot fit instead of returning NaN", () => {
    expect(fitEts([1, 2, 3], spec("A", "N", "N"), 1)).toBeNull();
    expect(fitEts([5, 0, 3, 4, 5, 6, 7, 8], spec("M", "N", "N"), 1)).toBeNull();
    expect(fitEts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], spec("A", "N", "A"), 12)).toBeNull();
  });
});

describe("automatic ETS selection by AICc", () => {
  const noise = normalGenerator(2026);
  const seasonalSeries = Array.from({ length: 40 }, (_, t) => 200 + [30, -10, 45, -65][t % 4]! + 5 * noise());
  const whiteNoise = Array.from({ length: 40 }, () => 200 + 10 * noise());

  it("picks a seasonal model for a strongly seasonal series", () => {
    const result = autoEts(seasonalSeries, 4)!;
    expect(result.best.spec.season).not.toBe("N");
    expect(result.candidates.length).toBeGreaterThan(10);
  });

  it("picks a non-seasonal, trendless model for white noise", () => {
    const result = autoEts(whiteNoise, 4)!;
    expect(result.best.spec.season).toBe("N");
    expect(result.best.spec.trend).toBe("N");
  });
});

describe("ETS prediction intervals", () => {
  it("uses σ²(1 + (h − 1)α²) for simple exponential smoothing", () => {
    const fit = {
      spec: spec("A", "N", "N"),
      period: 1,
      parameters: { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      sigma2: 4,
    } as unknown as EtsFit;
    expect(etsAnalyticVariance(fit, 3)).toEqual([4, 5, 6]);
  });

  it("gives non-crossing quantiles, analytic and simulated, reproducible from the seed", () => {
    const y = Array.from({ length: 40 }, (_, t) => 100 + t + 10 * Math.sin(t));
    for (const s of [spec("A", "A", "N"), spec("M", "A", "N")]) {
      const fit = fitEts(y, s, 1)!;
      const q = etsQuantiles(fit, 6, [0.1, 0.5, 0.9], { seed: 3 });
      for (let j = 0; j < 6; j++) {
        expect(q[0]![j]!).toBeLessThan(q[1]![j]!);
        expect(q[1]![j]!).toBeLessThan(q[2]![j]!);
      }
      expect(etsQuantiles(fit, 6, [0.9], { seed: 3 })).toEqual([q[2]]);
    }
  });
});

describe("admissible parameter space", () => {
  it("accepts usual values and rejects β > α, γ > 1 − α and unstable seasonal recursions", () => {
    expect(isAdmissible(0.3, 0.1, 0.2, 1, 12)).toBe(true);
    expect(isAdmissible(0.3, 0.4, null, 1, 1)).toBe(false);
    expect(isAdmissible(0.6, null, 0.5, 1, 4)).toBe(false);
    expect(isAdmissible(0.9, 0.8, null, 0.9, 1)).toBe(true);
  });
});
