// Holds Theta, SES and Croston to R's forecast package (fixtures/r-theta-ses-croston-reference.R).
import { describe, expect, it } from "vitest";
import reference from "./fixtures/r-theta-ses-croston-reference.json";
import { croston, sba } from "./intermittent/croston";
import { fitSes } from "./ses";
import { thetaForecast } from "./theta";

interface SmoothReference {
  x: number[];
  period: number;
  h: number;
  theta: number[];
  ses: number[];
  sesAlpha: number;
}
interface IntermittentReference {
  x: number[];
  h: number;
  croston: number[];
}
const { smooth, intermittent } = reference as unknown as {
  smooth: Record<string, SmoothReference>;
  intermittent: Record<string, IntermittentReference>;
};

/** |a − b| relative to the series' scale (its mean absolute value). */
function relative(a: number, b: number, x: readonly number[]): number {
  const scale = x.reduce((sum, v) => sum + Math.abs(v), 0) / x.length;
  return Math.abs(a - b) / scale;
}

describe("Theta, SES and Croston against R's forecast package", () => {
  for (const [name, s] of Object.entries(smooth)) {
    it(`${name}: thetaf's forecasts to 0.5 % of the series' scale`, () => {
      const mine = thetaForecast(s.x, s.h, s.period)!;
      mine.forEach((v, j) => {
        expect(relative(v, s.theta[j]!, s.x)).toBeLessThan(0.005);
      });
    });

    it(`${name}: ses's forecast to 0.5 % of the series' scale`, () => {
      const fit = fitSes(s.x)!;
      expect(relative(fit.level, s.ses[0]!, s.x)).toBeLessThan(0.005);
    });
  }

  for (const [name, s] of Object.entries(intermittent)) {
    it(`${name}: croston's forecast exactly, SBA at 1 − α/2 of it`, () => {
      croston(s.x, s.h).forEach((v, j) => {
        expect(v).toBeCloseTo(s.croston[j]!, 9);
      });
      sba(s.x, s.h).forEach((v, j) => {
        expect(v).toBeCloseTo(s.croston[j]! * 0.95, 9);
      });
    });
  }
});
