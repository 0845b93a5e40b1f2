// Holds the ETS estimation to R's forecast::ets on real M1 series (fixtures/r-ets-reference.R).
import { describe, expect, it } from "vitest";
import { autoEts } from "./auto-ets";
import { fitEts } from "./ets-fit";
import { etsPointForecast } from "./ets-forecast";
import type { EtsSpec } from "./ets-types";
import reference from "./fixtures/r-ets-reference.json";

interface ReferenceFit {
  aicc: number;
  mean: number[];
}
interface ReferenceSeries {
  x: number[];
  period: number;
  h: number;
  auto: string;
  autoAicc: number;
  fits: Record<string, ReferenceFit>;
}

const series = reference as unknown as Record<string, ReferenceSeries>;

function parse(label: string): EtsSpec {
  const [error, trend, season] = label.slice(4, -1).split(",") as [
    EtsSpec["error"],
    EtsSpec["trend"],
    EtsSpec["season"],
  ];
  return { error, trend, season };
}

describe("ETS against R's forecast::ets", () => {
  for (const [name, s] of Object.entries(series)) {
    it(`${name}: every model reaches an AICc no worse than R's (within 0.5)`, () => {
      for (const [label, r] of Object.entries(s.fits)) {
        const fit = fitEts(s.x, parse(label), s.period);
        expect(fit, label).not.toBeNull();
        expect(fit!.aicc, label).toBeLessThan(r.aicc + 0.5);
      }
    });
  }

  it("matches R's simple exponential smoothing forecasts to 0.5 %", () => {
    for (const s of Object.values(series)) {
      const r = s.fits["ETS(A,N,N)"]!;
      const mine = etsPointForecast(fitEts(s.x, parse("ETS(A,N,N)"), s.period)!, s.h);
      mine.forEach((v, j) => {
        expect(Math.abs(v - r.mean[j]!) / Math.abs(r.mean[j]!)).toBeLessThan(0.005);
      });
    }
  });

  it("automatic selection finds a model at least as good by AICc as R's choice", () => {
    // The yearly and quarterly series: a monthly search takes too long for the unit suite.
    for (const s of Object.values(series).filter((x) => x.period < 12)) {
      expect(autoEts(s.x, s.period)!.best.aicc).toBeLessThan(s.autoAicc + 0.5);
    }
  });
});
