import { describe, expect, it } from "vitest";
import { autoForecast } from "./auto-forecast";
import { normalGenerator } from "./numeric/prng";

const noise = normalGenerator(99);
// Quarterly keeps the suite fast; the pipeline is the same for any period.
const seasonal = Array.from(
  { length: 40 },
  (_, t) => 500 + 4 * t + [60, -20, 90, -130][t % 4]! + 15 * noise(),
);

function ok(result: ReturnType<typeof autoForecast>) {
  if (!result.ok) throw new Error(result.issues.join("; "));
  return result.forecast;
}

const defaultForecast = ok(autoForecast({ values: seasonal, horizon: 8, period: 4 }));

describe("automatic forecast", () => {
  it("reports bad input as issues, not NaN", () => {
    const result = autoForecast({ values: [1, Number.NaN, 3], horizon: 0, period: 12, quantiles: [1.5] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([
        "history value 2 is NaN, not a finite number",
        "horizon must be a positive integer, got 0",
        "quantile level 1.5 is not in (0, 1)",
      ]);
    }
    expect(autoForecast({ values: [], horizon: 3, period: 1 }).ok).toBe(false);
  });

  it("gives smooth demand the weighted combination, with a scoreboard of every candidate", () => {
    const forecast = defaultForecast;
    expect(forecast.method).toBe("weighted-combination");
    expect(forecast.model).toMatch(/^weighted \d+ % ETS\(.*\), \d+ % dynamic optimised Theta/);
    expect(forecast.demand.demandClass).toBe("smooth");
    expect(forecast.scoreboard.map((s) => s.method).sort()).toEqual(
      [
        "combination",
        "drift",
        "dynamic-theta",
        "ets",
        "naive",
        "naive2",
        "seasonal-naive",
        "ses",
        "theta",
        "weighted-combination",
      ].sort(),
    );
    expect(forecast.scoreboard.filter((s) => s.chosen).map((s) => s.method)).toEqual([
      "weighted-combination",
    ]);
    // The seasonal shape survives: the peak quarter stays far above the trough quarter.
    expect(Math.max(...forecast.point) - Math.min(...forecast.point)).toBeGreaterThan(150);
  });

  it("returns requested quantiles ascending and never crossing", () => {
    const forecast = ok(
      autoForecast({ values: seasonal, horizon: 8, period: 4, quantiles: [0.9, 0.05, 0.5, 0.1, 0.95] }),
    );
    expect(forecast.quantiles.map((q) => q.level)).toEqual([0.05, 0.1, 0.5, 0.9, 0.95]);
    for (let k = 1; k < forecast.quantiles.length; k++) {
      forecast.quantiles[k]!.values.forEach((v, j) => {
        expect(v).toBeGreaterThanOrEqual(forecast.quantiles[k - 1]!.values[j]!);
      });
    }
    const p10 = forecast.quantiles[1]!.values;
    const p90 = forecast.quantiles[3]!.values;
    forecast.point.forEach((f, j) => {
      expect(p10[j]!).toBeLessThan(f);
      expect(p90[j]!).toBeGreaterThan(f);
    });
  });

  it("picks the lowest backtest error with the backtest strategy", () => {
    const forecast = ok(autoForecast({ values: seasonal, horizon: 8, period: 4, strategy: "backtest" }));
    expect(forecast.scoreboard[0]!.method).toBe(forecast.method);
    expect(forecast.scoreboard[0]!.chosen).toBe(true);
  });

  it("forecasts intermittent demand with an intermittent method", () => {
    const pattern = [0, 0, 5, 0, 0, 0, 7, 0, 4, 0, 0, 6];
    const values = [...pattern, ...pattern, ...pattern];
    const forecast = ok(autoForecast({ values, horizon: 4, period: 1 }));
    expect(forecast.demand.demandClass).toBe("intermittent");
    expect(["ses", "croston", "sba", "tsb", "adida"]).toContain(forecast.method);
    for (const q of forecast.quantiles) for (const v of q.values) expect(v).toBeGreaterThanOrEqual(0);
  });

  it("judges monthly intermittent demand on six origins even when the history ends in zeros", () => {
    // Three years of a lumpy SKU whose last months happen to be empty: last month's zero must not
    // become the forecast, and a monthly horizon of 18 must still leave several origins.
    const pattern = [26, 11, 0, 26, 0, 13, 0, 73, 9, 9, 0, 50];
    const values = [...pattern, ...pattern, ...pattern.slice(0, 9), 0, 0, 0];
    const forecast = ok(autoForecast({ values, horizon: 18, period: 12 }));
    expect(forecast.method).not.toBe("naive");
    expect(forecast.point[0]).toBeGreaterThan(5);
    for (const entry of forecast.scoreboard) expect(entry.origins).toBe(6);
  });

  it("cleanses a one-off spike and a promotion before fitting, and says so", () => {
    const y = [...seasonal];
    y[20] = y[20]! * 5;
    const promotions = y.map((_, t) => t === 14);
    y[14] = y[14]! * 1.5;
    const forecast = ok(autoForecast({ values: y, horizon: 8, period: 4, cleansing: { promotions } }));
    expect(forecast.cleansing.map((c) => [c.index, c.reason])).toEqual([
      [14, "promotion"],
      [20, "outlier"],
    ]);
    expect(forecast.notes.join()).toContain("1 outlier (period 21)");
    // Without cleansing the spike would lift the level the models learn.
    const clean = defaultForecast.point;
    forecast.point.forEach((v, j) => {
      expect(Math.abs(v - clean[j]!) / clean[j]!).toBeLessThan(0.05);
    });
  });

  it("forecasts a constant series as that constant", () => {
    const forecast = ok(autoForecast({ values: new Array<number>(12).fill(40), horizon: 5, period: 1 }));
    forecast.point.forEach((v) => {
      expect(v).toBeCloseTo(40, 6);
    });
  });

  it("handles series with negative values using additive models only", () => {
    const values = Array.from({ length: 24 }, (_, t) => -20 + 3 * t + 5 * noise());
    const forecast = ok(autoForecast({ values, horizon: 4, period: 1 }));
    expect(forecast.model).toMatch(/ETS\(A,/);
    for (const q of forecast.quantiles) for (const v of q.values) expect(Number.isFinite(v)).toBe(true);
  });

  it("falls back to naive on very short history and says so", () => {
    const forecast = ok(autoForecast({ values: [3, 5, 4], horizon: 2, period: 12 }));
    expect(forecast.method).toBe("naive");
    expect(forecast.point).toEqual([4, 4]);
    expect(forecast.notes[0]).toMatch(/only 3 periods/);
  });

  it("forecasts zero when there has never been demand", () => {
    const forecast = ok(autoForecast({ values: [0, 0, 0, 0, 0, 0, 0, 0], horizon: 3, period: 1 }));
    expect(forecast.point).toEqual([0, 0, 0]);
  });
});
