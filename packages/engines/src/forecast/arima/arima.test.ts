import { describe, expect, it } from "vitest";
import { autoForecast } from "../auto-forecast";
import { runCandidates } from "../candidates";
import { normalGenerator } from "../numeric/prng";
import { fitArima } from "./arima-fit";
import { arimaPredict, arimaQuantiles } from "./arima-forecast";
import { type ArimaSpec, arimaLabel } from "./arima-types";
import { arimaxForecast, regressorIssues } from "./arimax";
import { autoArima } from "./auto-arima";

const spec = (p: number, d: number, q: number, constant = false, P = 0, D = 0, Q = 0): ArimaSpec => ({
  p,
  d,
  q,
  P,
  D,
  Q,
  constant,
});

/** xₜ = φxₜ₋₁ + εₜ + θεₜ₋₁ around `mean`, from a seeded generator. */
function simulateArma(n: number, phi: number, theta: number, mean: number, seed: number): number[] {
  const noise = normalGenerator(seed);
  const out: number[] = [];
  let x = 0;
  let e = 0;
  for (let t = 0; t < n + 50; t++) {
    const shock = noise();
    x = phi * x + shock + theta * e;
    e = shock;
    if (t >= 50) out.push(mean + x);
  }
  return out;
}

describe("ARIMA estimation", () => {
  it("recovers the coefficients of a simulated ARMA(1,1)", () => {
    const y = simulateArma(400, 0.7, 0.4, 50, 3);
    const fit = fitArima(y, spec(1, 0, 1, true), 1)!;
    expect(fit.ar[0]).toBeCloseTo(0.7, 1);
    expect(fit.ma[0]).toBeCloseTo(0.4, 1);
    expect(fit.constant).toBeCloseTo(50, 0);
    expect(fit.sigma2).toBeGreaterThan(0.8);
    expect(fit.sigma2).toBeLessThan(1.2);
  });

  it("counts coefficients and σ² in the information criteria", () => {
    const y = simulateArma(100, 0.5, 0, 0, 4);
    const fit = fitArima(y, spec(1, 0, 0, true), 1)!;
    // k = φ, mean, σ²: AIC = −2ℓ + 6, AICc adds 2k(k + 1)/(n − k − 1).
    expect(fit.aic).toBeCloseTo(-2 * fit.loglik + 6, 8);
    expect(fit.aicc).toBeCloseTo(fit.aic + 24 / 96, 8);
  });

  it("cannot fit a model with more differences than data", () => {
    expect(fitArima([1, 2, 3, 4], spec(0, 0, 0, false, 0, 1, 0), 4)).toBeNull();
  });
});

describe("ARIMA forecasts", () => {
  it("widens a random walk's band with the square root of the horizon", () => {
    const y = [10, 12, 11, 14, 13, 15, 14, 17, 16, 18];
    const fit = fitArima(y, spec(0, 1, 0), 1)!;
    const prediction = arimaPredict(fit, 4);
    expect(prediction.mean).toEqual([18, 18, 18, 18]);
    prediction.variance.forEach((v, j) => {
      expect(v).toBeCloseTo((j + 1) * fit.sigma2, 8);
    });
  });

  it("forecasts a constant series as that constant, with a zero-width band", () => {
    const result = autoArima(new Array<number>(24).fill(42), 12)!;
    const prediction = arimaPredict(result.fit, 6);
    expect(prediction.mean.every((v) => v === 42)).toBe(true);
    expect(prediction.variance.every((v) => v === 0)).toBe(true);
    expect(arimaLabel(result.fit.spec, 12)).toBe("ARIMA(0,0,0) with non-zero mean");
  });

  it("continues a pure linear trend through its drift", () => {
    const y = Array.from({ length: 20 }, (_, t) => 5 + 2 * t);
    const result = autoArima(y, 1)!;
    expect(result.fit.spec.d).toBe(1);
    expect(result.fit.constant).toBeCloseTo(2, 10);
    arimaPredict(result.fit, 5).mean.forEach((v, j) => {
      expect(v).toBeCloseTo(5 + 2 * (20 + j), 8);
    });
  });

  it("recovers the drift of a noisy trend", () => {
    const noise = normalGenerator(7);
    let level = 100;
    const y = Array.from({ length: 80 }, () => (level += 3 + noise()));
    const fit = fitArima(y, spec(0, 1, 0, true), 1)!;
    expect(fit.constant).toBeCloseTo(3, 0);
    const prediction = arimaPredict(fit, 10);
    expect(prediction.mean[9]! - prediction.mean[0]!).toBeCloseTo(9 * fit.constant!, 8);
  });

  it("never lets quantiles cross", () => {
    const levels = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
    for (const seed of [1, 2, 3]) {
      const y = simulateArma(60, 0.6, -0.3, 20, seed).map((v, t) => v + 5 * Math.sin((2 * Math.PI * t) / 12));
      const result = autoArima(y, 12)!;
      const rows = arimaQuantiles(arimaPredict(result.fit, 18), levels);
      for (let k = 1; k < rows.length; k++)
        rows[k]!.forEach((v, j) => {
          expect(v).toBeGreaterThanOrEqual(rows[k - 1]![j]!);
        });
    }
  });
});

describe("auto.arima search", () => {
  it("finds a seasonal difference and stays within R's order limits", () => {
    const noise = normalGenerator(11);
    const y = Array.from({ length: 72 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + 3 * noise());
    const result = autoArima(y, 12)!;
    expect(result.fit.spec.D).toBe(1);
    for (const { spec: s } of result.tried) {
      expect(s.p).toBeLessThanOrEqual(5);
      expect(s.q).toBeLessThanOrEqual(5);
      expect(s.P).toBeLessThanOrEqual(2);
      expect(s.Q).toBeLessThanOrEqual(2);
    }
    expect(result.tried.length).toBeLessThanOrEqual(94);
  });

  it("fits something sensible to very short histories", () => {
    const result = autoArima([3, 5, 4], 1)!;
    expect(arimaPredict(result.fit, 2).mean.every(Number.isFinite)).toBe(true);
  });
});

describe("regression with ARIMA errors (price and promotion)", () => {
  const n = 60;
  const noise = simulateArma(n + 6, 0.5, 0, 0, 5);
  const price = Array.from({ length: n + 6 }, (_, t) => 10 + Math.sin(t / 3));
  const promo = Array.from({ length: n + 6 }, (_, t) => (t % 7 === 0 ? 1 : 0));
  const demand = price.map((p, t) => 120 - 4 * p + 15 * promo[t]! + 2 * noise[t]!);
  const request = {
    values: demand.slice(0, n),
    period: 1,
    horizon: 6,
    xreg: { price: price.slice(0, n), promotion: promo.slice(0, n) },
    futureXreg: { price: price.slice(n), promotion: promo.slice(n) },
  };

  it("estimates the promotion uplift and the price effect", () => {
    const result = arimaxForecast(request);
    if (!result.ok) throw new Error(result.issues.join("; "));
    expect(result.forecast.effects.promotion).toBeCloseTo(15, -0.5);
    expect(result.forecast.effects.price).toBeLessThan(0);
    expect(result.forecast.model).toMatch(/^regression with ARIMA/);
    // A promoted future period is forecast higher than its neighbours.
    const promoted = promo.slice(n).indexOf(1);
    expect(promoted).toBeGreaterThanOrEqual(0);
    expect(result.forecast.point[promoted]!).toBeGreaterThan(result.forecast.point[promoted - 1]! + 8);
  });

  it("explains bad regressors instead of returning NaN", () => {
    const issues = regressorIssues({
      ...request,
      xreg: {
        price: price.slice(0, n - 1),
        promotion: new Array<number>(n).fill(1),
        twice: price.slice(0, n),
      },
      futureXreg: { price: price.slice(n, n + 3), promotion: promo.slice(n), twice: price.slice(n) },
    });
    expect(issues).toContain("regressor 'price' has 59 values for 60 periods of history");
    expect(issues).toContain("regressor 'price' has 3 future values for a horizon of 6");
    const constant = regressorIssues({
      ...request,
      xreg: { ...request.xreg, promotion: new Array(n).fill(1) },
    });
    expect(constant).toEqual([
      "regressor 'promotion' is constant over the history, so its effect cannot be estimated",
    ]);
    const collinear = regressorIssues({
      ...request,
      xreg: { ...request.xreg, doubled: price.slice(0, n).map((p) => 2 * p + 1) },
      futureXreg: { ...request.futureXreg, doubled: price.slice(n) },
    });
    expect(collinear).toEqual(["regressor 'doubled' is collinear with the other regressors"]);
    const missing = arimaxForecast({ ...request, futureXreg: { price: price.slice(n) } });
    expect(missing.ok).toBe(false);
  });

  it("drops the regressors, saying so, when the history is too short for them", () => {
    const result = arimaxForecast({
      ...request,
      values: demand.slice(0, 7),
      xreg: { price: price.slice(0, 7), promotion: promo.slice(0, 7) },
    });
    if (!result.ok) throw new Error(result.issues.join("; "));
    expect(result.forecast.notes[0]).toMatch(/too few to estimate 2 regressor effects/);
    expect(result.forecast.effects).toEqual({});
    expect(result.forecast.point.every(Number.isFinite)).toBe(true);
  });
});

describe("ARIMA as a forecasting candidate", () => {
  const y = simulateArma(48, 0.5, 0, 200, 9).map((v, t) => v + 10 * Math.cos((2 * Math.PI * t) / 12));

  it("re-estimates a frozen order instead of searching again", () => {
    const full = runCandidates(y, 6, 12, ["arima"]);
    const frozen = full.arimaFit!.spec;
    const origin = runCandidates(y.slice(0, 40), 6, 12, ["arima"], { arima: frozen });
    expect(origin.arimaFit!.spec).toEqual(frozen);
    expect(origin.forecasts.get("arima")!.length).toBe(6);
  });

  it("takes part in the backtest when asked for", () => {
    const result = autoForecast({ values: y, horizon: 6, period: 12, candidates: ["arima", "ets", "theta"] });
    if (!result.ok) throw new Error(result.issues.join("; "));
    expect(result.forecast.scoreboard.map((s) => s.method)).toContain("arima");
  });
});
