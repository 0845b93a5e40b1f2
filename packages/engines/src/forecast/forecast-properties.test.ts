// Properties every forecasting method must have, checked across all of them and across many
// generated series rather than one hand-picked example.
import { describe, expect, it } from "vitest";
import { autoForecast } from "./auto-forecast";
import { runCandidates } from "./candidates";
import type { MethodName } from "./forecast-types";
import { normalGenerator, uniformGenerator } from "./numeric/prng";

const ALL_METHODS: readonly MethodName[] = [
  "naive",
  "seasonal-naive",
  "naive2",
  "drift",
  "ses",
  "theta",
  "optimised-theta",
  "dynamic-theta",
  "ets",
  "combination",
  "weighted-combination",
  "croston",
  "sba",
  "tsb",
  "adida",
];

describe("forecast properties", () => {
  it("every method forecasts a constant series as that constant (SBA by design 1 − α/2 of it)", () => {
    const y = new Array<number>(30).fill(250);
    const { forecasts } = runCandidates(y, 6, 4, ALL_METHODS);
    expect([...forecasts.keys()].sort()).toEqual([...ALL_METHODS].sort());
    for (const [method, forecast] of forecasts) {
      // SBA's debiasing factor for intermittent demand scales Croston's estimate by 1 − α/2.
      const expected = method === "sba" ? 250 * (1 - 0.1 / 2) : 250;
      for (const v of forecast) expect(Math.abs(v - expected), method).toBeLessThan(1e-6 * 250);
    }
  });

  it("models with a trend recover a pure linear trend", () => {
    const y = Array.from({ length: 30 }, (_, t) => 100 + 4 * t);
    const { forecasts } = runCandidates(y, 6, 1, [
      "drift",
      "ets",
      "dynamic-theta",
      "combination",
      "weighted-combination",
    ]);
    for (const [method, forecast] of forecasts) {
      forecast.forEach((v, j) => {
        const line = 100 + 4 * (30 + j);
        expect(Math.abs(v - line) / line, method).toBeLessThan(0.01);
      });
    }
  });

  it("quantiles never cross and bracket the median, for many kinds of series", () => {
    const noise = normalGenerator(2026);
    const uniform = uniformGenerator(11);
    const kinds: ((t: number) => number)[] = [
      (t) => 200 + 3 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + 15 * noise(),
      () => Math.max(0, 50 + 30 * noise()),
      () => (uniform() < 0.3 ? Math.round(5 + 20 * uniform()) : 0),
      (t) => 10 * noise() + 0.5 * t,
      (t) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12)) * (1 + 0.05 * noise()),
    ];
    for (let k = 0; k < 20; k++) {
      const kind = kinds[k % kinds.length]!;
      const length = 14 + ((k * 7) % 40);
      const values = Array.from({ length }, (_, t) => kind(t));
      const result = autoForecast({
        values,
        horizon: 12,
        period: 12,
        quantiles: [0.05, 0.1, 0.5, 0.9, 0.95],
      });
      if (!result.ok) throw new Error(result.issues.join("; "));
      const { quantiles, point } = result.forecast;
      for (let j = 0; j < 12; j++) {
        for (let q = 1; q < quantiles.length; q++)
          expect(quantiles[q]!.values[j]).toBeGreaterThanOrEqual(quantiles[q - 1]!.values[j]!);
        expect(quantiles[1]!.values[j]).toBeLessThanOrEqual(point[j]! + 1e-9);
        expect(quantiles[3]!.values[j]).toBeGreaterThanOrEqual(point[j]! - 1e-9);
      }
    }
  });

  it("gives the same forecast for the same input", () => {
    const values = Array.from({ length: 40 }, (_, t) => 80 + 10 * Math.sin(t) + t);
    expect(autoForecast({ values, horizon: 6, period: 12 })).toEqual(
      autoForecast({ values, horizon: 6, period: 12 }),
    );
  });
});
