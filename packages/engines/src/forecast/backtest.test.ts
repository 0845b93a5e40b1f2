import { describe, expect, it } from "vitest";
import { planBacktest, residualRows, runBacktest } from "./backtest";
import { conformalQuantiles, horizonScale } from "./conformal";
import { uniformGenerator } from "./numeric/prng";
import { buildScoreboard } from "./scoreboard";

describe("rolling-origin backtest", () => {
  it("plans origins back from the end, never shorter than the minimum training length", () => {
    // n = 30, h = 6, m = 1: scores 6 steps, origins 2 apart, at most 4, minimum 7 values.
    expect(planBacktest(30, 6, 1, 4)).toEqual({ trainingLengths: [18, 20, 22, 24], steps: 6 });
    // n = 30, m = 12: minimum 24; scoring 6 steps leaves one origin, scoring 3 leaves four.
    expect(planBacktest(30, 18, 12, 5)).toEqual({ trainingLengths: [24, 25, 26, 27], steps: 3 });
    // Three years of monthly demand, 18 months ahead: 6 steps from four origins, not 12 from one.
    expect(planBacktest(36, 18, 12, 6)).toEqual({ trainingLengths: [24, 26, 28, 30], steps: 6 });
    expect(planBacktest(8, 6, 1, 5)).toEqual({ trainingLengths: [7], steps: 1 });
    // Long histories keep the full horizon.
    expect(planBacktest(120, 18, 12, 6).steps).toBe(18);
    expect(planBacktest(6, 6, 1, 5).trainingLengths).toEqual([]);
  });

  it("scores naive on a line by hand", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const results = runBacktest(y, 1, ["naive", "drift"], { trainingLengths: [7, 8], steps: 2 });
    // naive from 7 → errors −1, −2; from 8 → −1, −2 (forecast − actual)
    expect(residualRows(results.get("naive")!, false)).toEqual([
      [1, 2],
      [1, 2],
    ]);
    const board = buildScoreboard(results, y, 1, "drift");
    expect(board[0]).toMatchObject({ method: "drift", mae: 0, chosen: true, origins: 2 });
    expect(board[1]).toMatchObject({ method: "naive", mae: 1.5, bias: -1.5, mase: 1.5, chosen: false });
  });
});

describe("conformal quantiles", () => {
  it("fits error growth like √j for random-walk residuals", () => {
    const rows = [1, -1, 1, -1].map((sign) => [1, 2, 3, 4, 5, 6].map((j) => sign * Math.sqrt(j)));
    const scale = horizonScale(rows, 6);
    expect(scale[3]! / scale[0]!).toBeCloseTo(2, 6);
  });

  it("never crosses, for any residuals (property over random draws)", () => {
    const draw = uniformGenerator(5);
    for (let trial = 0; trial < 50; trial++) {
      const rows = Array.from({ length: 1 + Math.floor(draw() * 6) }, () =>
        Array.from({ length: 4 }, () => (draw() - 0.3) * 100),
      );
      const point = [10, 20, 30, 40].map((v) => v * draw());
      const q = conformalQuantiles(point, rows, [0.9, 0.1, 0.5, 0.25], { nonNegative: trial % 2 === 0 })!;
      for (let k = 1; k < q.length; k++) {
        q[k]!.values.forEach((v, j) => {
          expect(v).toBeGreaterThanOrEqual(q[k - 1]!.values[j]!);
        });
      }
    }
  });
});
