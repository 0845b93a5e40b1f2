// Holds Fulcrum's ARIMA to R's forecast package (fixtures/r-arima-reference.R): the likelihood and
// forecasts of fixed orders, auto.arima's choices, and a regression with ARIMA errors.
import { describe, expect, it } from "vitest";
import { fitArima } from "./arima-fit";
import { arimaPredict, arimaQuantiles } from "./arima-forecast";
import type { ArimaSpec } from "./arima-types";
import { autoArima } from "./auto-arima";
import reference from "./fixtures/r-arima-reference.json";

interface ReferenceFit {
  order: Record<string, number>;
  coef: Record<string, number>;
  loglik: number;
  aicc: number;
  mean: number[];
  lo80: number[];
  hi80: number[];
  constant?: boolean;
}
interface ReferenceSeries {
  x: number[];
  period: number;
  h: number;
  fits: Record<string, ReferenceFit>;
  auto: ReferenceFit;
}
interface ReferenceXreg {
  x: number[];
  h: number;
  price: number[];
  promo: number[];
  fixed: ReferenceFit;
  auto: ReferenceFit;
}

const { xreg: regression, ...rest } = reference as unknown as Record<string, unknown>;
const series = rest as Record<string, ReferenceSeries>;
const withRegressors = regression as ReferenceXreg;

function specOf(key: string): ArimaSpec {
  const [p, d, q, P, D, Q, constant] = key.split(",").map(Number) as number[];
  return { p: p!, d: d!, q: q!, P: P!, D: D!, Q: Q!, constant: constant === 1 };
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);
}

describe("ARIMA against R's forecast::Arima", () => {
  for (const [name, s] of Object.entries(series)) {
    it(`${name}: fixed orders reach R's log-likelihood and forecasts`, () => {
      for (const [key, r] of Object.entries(s.fits)) {
        const fit = fitArima(s.x, specOf(key), s.period);
        expect(fit, key).not.toBeNull();
        // Measured within 10⁻⁴ of R on every fixture.
        expect(Math.abs(fit!.loglik - r.loglik), key).toBeLessThan(0.01);
        const prediction = arimaPredict(fit!, s.h);
        const [lo, hi] = arimaQuantiles(prediction, [0.1, 0.9]);
        const scale = Math.max(...s.x.map(Math.abs));
        prediction.mean.forEach((v, j) => {
          expect(Math.abs(v - r.mean[j]!) / scale, `${key} mean ${j}`).toBeLessThan(0.005);
          const width = r.hi80[j]! - r.lo80[j]!;
          expect(relative(hi![j]! - lo![j]!, width), `${key} band ${j}`).toBeLessThan(0.02);
        });
      }
    });
  }
});

describe("auto.arima against R's forecast::auto.arima", () => {
  for (const [name, s] of Object.entries(series)) {
    it(`${name}: chooses R's model or one with a lower AICc`, () => {
      const result = autoArima(s.x, s.period)!;
      const o = s.auto.order;
      const same =
        result.fit.spec.p === o.p &&
        result.fit.spec.d === o.d &&
        result.fit.spec.q === o.q &&
        result.fit.spec.P === (o.P ?? 0) &&
        result.fit.spec.D === (o.D ?? 0) &&
        result.fit.spec.Q === (o.Q ?? 0);
      if (same) expect(Math.abs(result.fit.aicc - s.auto.aicc)).toBeLessThan(0.2);
      else expect(result.fit.aicc).toBeLessThan(s.auto.aicc);
    });
  }
});

describe("regression with ARIMA errors against R", () => {
  const r = withRegressors;
  const n = r.x.length;
  const past = [r.price.slice(0, n), r.promo.slice(0, n)];
  const future = [r.price.slice(n, n + r.h), r.promo.slice(n, n + r.h)];

  it("estimates the same price and promotion effects for a fixed order", () => {
    const fit = fitArima(r.x, { p: 1, d: 0, q: 0, P: 0, D: 0, Q: 0, constant: true }, 1, past)!;
    expect(fit.loglik).toBeGreaterThan(r.fixed.loglik - 0.01);
    expect(Math.abs(fit.xreg[0]! - r.fixed.coef.price!)).toBeLessThan(0.05);
    expect(Math.abs(fit.xreg[1]! - r.fixed.coef.promo!)).toBeLessThan(0.05);
    arimaPredict(fit, r.h, future).mean.forEach((v, j) => {
      expect(relative(v, r.fixed.mean[j]!)).toBeLessThan(0.002);
    });
  });

  it("auto.arima with regressors finds R's model or a better one", () => {
    const result = autoArima(r.x, 1, past)!;
    expect(result.fit.aicc).toBeLessThan(r.auto.aicc + 0.2);
    expect(result.fit.xreg[1]!).toBeGreaterThan(20);
  });
});
