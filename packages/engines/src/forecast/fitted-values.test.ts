import { describe, expect, it } from "vitest";
import { autoForecast } from "./auto-forecast";
import { COMBINATION_MEMBERS, runCandidates } from "./candidates";
import {
  driftFitted,
  expandingFitted,
  inverseMseWeights,
  meanFitted,
  naiveFitted,
  seasonalNaiveFitted,
  weightedFitted,
} from "./fitted-values";
import { croston } from "./intermittent/croston";
import { normalGenerator } from "./numeric/prng";
import { optimisedThetaForecast } from "./optimised-theta";
import { fitSes } from "./ses";

const noise = normalGenerator(7);
const quarterly = Array.from(
  { length: 28 },
  (_, t) => 200 + 3 * t + [30, -10, 45, -65][t % 4]! + 8 * noise(),
);
const intermittent = [0, 3, 0, 0, 5, 0, 4, 0, 0, 2, 0, 6, 0, 0, 3];

describe("baseline fitted values", () => {
  const y = [10, 12, 11, 15, 14];

  it("naive repeats the previous period and has none for the first", () => {
    expect(naiveFitted(y)).toEqual([null, 10, 12, 11, 15]);
  });

  it("seasonal naive repeats the period one season back, none in the first season", () => {
    expect(seasonalNaiveFitted(y, 2)).toEqual([null, null, 10, 12, 11]);
    expect(seasonalNaiveFitted(y, 12)).toEqual(naiveFitted(y));
  });

  it("drift adds the whole history's slope to the previous period", () => {
    // slope (14 − 10) / 4 = 1
    expect(driftFitted(y)).toEqual([null, 11, 13, 12, 16]);
  });

  it("an expanding window gives Croston's forecast from the periods before each one", () => {
    const fitted = expandingFitted([0, 3, 0, 0, 5], croston);
    expect(fitted[0]).toBeNull();
    expect(fitted[2]).toBeCloseTo(3 / 2, 12); // one demand of 3 after an interval of 2
    expect(fitted[4]).toBeCloseTo(3 / 2, 12); // no new demand since
  });

  it("a mean has no value where any member has none", () => {
    expect(
      meanFitted([
        [null, 2, 4],
        [1, null, 6],
      ]),
    ).toEqual([null, null, 5]);
  });
});

describe("candidate fitted values", () => {
  const { fitted, etsFit } = runCandidates(quarterly, 4, 4, [
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
  ]);

  it("gives every fitted candidate one value per history period", () => {
    expect(fitted.size).toBe(10);
    for (const [method, values] of fitted) {
      expect(values, method).toHaveLength(quarterly.length);
      expect(
        values.every((v) => v === null || Number.isFinite(v)),
        method,
      ).toBe(true);
    }
  });

  it("takes ETS's fitted values from its filter and averages the members' for the combination", () => {
    expect(fitted.get("ets")).toEqual(etsFit!.fitted);
    const members = COMBINATION_MEMBERS.map((m) => fitted.get(m)!);
    fitted.get("combination")!.forEach((v, t) => {
      expect(v).toBeCloseTo(members.reduce((sum, f) => sum + f[t]!, 0) / members.length, 9);
    });
  });

  it("gives SES's one-step levels, whose squared errors add up to its SSE", () => {
    const fit = fitSes(quarterly)!;
    const sse = quarterly.reduce((sum, v, t) => sum + (v - fit.fitted[t]!) ** 2, 0);
    expect(sse).toBeCloseTo(fit.sse, 6);
    // The level after the last period is the forecast: one more SES step from the last fitted value.
    const last = quarterly.length - 1;
    expect(fit.fitted[last]! + fit.alpha * (quarterly[last]! - fit.fitted[last]!)).toBeCloseTo(fit.level, 9);
  });

  it("reproduces optimised Theta's in-sample MSE from its fitted values", () => {
    const fit = optimisedThetaForecast(quarterly, 1, 1)!;
    const mse = quarterly.reduce((sum, v, t) => sum + (v - fit.fitted[t]!) ** 2, 0) / quarterly.length;
    // The θ search minimises MSE_SES(Z)/θ²; the fitted values must give the same number.
    expect(mse).toBeCloseTo(fit.mse, 6);
  });

  it("tracks a straight line one step behind plus half the slope with Theta", () => {
    const line = Array.from({ length: 20 }, (_, t) => 10 + 2 * t);
    const values = runCandidates(line, 1, 1, ["theta"]).fitted.get("theta")!;
    // SES follows the line with α → 1, and Theta adds b/2 = 1: ŷₜ ≈ yₜ₋₁ + 1.
    for (let t = 5; t < line.length; t++) expect(values[t]).toBeCloseTo(line[t - 1]! + 1, 1);
  });

  it("spreads ADIDA's one-step bucket forecasts over each bucket, none for the dropped leftover", () => {
    // mean interval 7/3 → buckets of 2 from the end: (3,0) (0,5) (0,4); period 1 is dropped. SES
    // with α = 0.1 from the first bucket: 3, then 3.2.
    const values = runCandidates([0, 3, 0, 0, 5, 0, 4], 1, 1, ["adida"]).fitted.get("adida")!;
    expect(values).toEqual([null, null, null, 1.5, 1.5, expect.closeTo(1.6, 12), expect.closeTo(1.6, 12)]);
  });
});

describe("automatic forecast fitted values", () => {
  it("returns the chosen method's fitted values for every history period", () => {
    for (const values of [quarterly, intermittent, [5, 6, 7], [0, 0, 0, 0]]) {
      const result = autoForecast({ values, horizon: 3, period: 4 });
      if (!result.ok) throw new Error(result.issues.join("; "));
      expect(result.forecast.fitted).toHaveLength(values.length);
      expect(result.forecast.fitted.every((v) => v === null || v >= 0)).toBe(true);
    }
  });

  it("fits smooth demand closely: in-sample error well below the series' spread", () => {
    const result = autoForecast({ values: quarterly, horizon: 4, period: 4 });
    if (!result.ok) throw new Error("not ok");
    const { fitted } = result.forecast;
    const errors = quarterly.flatMap((v, t) => (fitted[t] === null ? [] : [Math.abs(v - fitted[t]!)]));
    const mae = errors.reduce((a, b) => a + b, 0) / errors.length;
    const mean = quarterly.reduce((a, b) => a + b, 0) / quarterly.length;
    const spread = quarterly.reduce((a, b) => a + Math.abs(b - mean), 0) / quarterly.length;
    expect(mae).toBeLessThan(spread / 3);
  });
});

describe("weighted combination", () => {
  it("weights members inversely to their in-sample mean squared error", () => {
    // Errors: member A misses by 1 every period (MSE 1), member B by 2 (MSE 4): weights 0.8 and 0.2.
    const y = [10, 12, 11, 13];
    const a = [null, 13, 12, 14];
    const b = [null, 10, 9, 11];
    const weights = inverseMseWeights(y, [a, b]);
    expect(weights[0]).toBeCloseTo(0.8, 12);
    expect(weights[1]).toBeCloseTo(0.2, 12);
    expect(weightedFitted([a, b], weights)).toEqual(
      [null, 12.4, 11.4, 13.4].map((v) => (v === null ? null : expect.closeTo(v, 12))),
    );
  });

  it("falls back to equal weights when a member fits exactly", () => {
    expect(
      inverseMseWeights(
        [1, 2],
        [
          [1, 2],
          [0, 0],
        ],
      ),
    ).toEqual([0.5, 0.5]);
  });
});
