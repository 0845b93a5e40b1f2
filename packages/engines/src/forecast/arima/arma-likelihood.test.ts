import { describe, expect, it } from "vitest";
import { normalGenerator } from "../numeric/prng";
import { stationaryCovariance } from "./arma-covariance";
import { armaLikelihood, armaWorkspace } from "./arma-likelihood";
import { expandSeasonal } from "./arma-polynomials";

function workspaceFor(ar: number[], sar: number[], ma: number[], sma: number[], period: number, n: number) {
  const p = ar.length + period * sar.length;
  const q = ma.length + period * sma.length;
  const ws = armaWorkspace(p, q, 1, n);
  expandSeasonal(ar, sar, period, -1, ws.phi.subarray(0, p));
  expandSeasonal(ma, sma, period, 1, ws.theta.subarray(0, q));
  return { ws, p, q };
}

describe("ARMA likelihood", () => {
  it("starts from the stationary variance (1 + 2φθ + θ²)/(1 − φ²) of an ARMA(1,1)", () => {
    const { ws } = workspaceFor([0.6], [], [0.3], [], 1, 10);
    expect(stationaryCovariance(ws, 1, 1)).toBe(true);
    expect(ws.P[0]).toBeCloseTo((1 + 2 * 0.6 * 0.3 + 0.09) / (1 - 0.36), 12);
    // The second state element is θεₜ (φ₂ = 0): variance θ², covariance θ with yₜ.
    expect(ws.P[3]).toBeCloseTo(0.09, 12);
    expect(ws.P[1]).toBeCloseTo(0.3, 12);
  });

  it("refuses a non-stationary AR part", () => {
    const { ws } = workspaceFor([1], [], [], [], 1, 10);
    expect(stationaryCovariance(ws, 1, 0)).toBe(false);
  });

  it("gives the Kalman filter's likelihood through the Chandrasekhar recursions", () => {
    const noise = normalGenerator(5);
    const n = 90;
    const y = Float64Array.from({ length: n }, (_, t) => 10 + Math.sin(t) + noise());
    const ones = new Float64Array(n).fill(1);
    for (const [ar, sar, ma, sma] of [
      [[0.5, 0.2], [0.4], [0.3], [-0.6]],
      [[0.95], [], [-0.9], []],
      [[], [], [0.4, 0.1], [0.3]],
    ] as number[][][]) {
      const { ws, p, q } = workspaceFor(ar!, sar!, ma!, sma!, 4, n);
      expect(armaLikelihood(ws, p, q, [y, ones], false)).toBe(true);
      const fast = { ssq: ws.ssq, sumlog: ws.sumlog, mean: ws.beta[0]! };
      expect(armaLikelihood(ws, p, q, [y, ones], true)).toBe(true);
      expect(fast.ssq).toBeCloseTo(ws.ssq, 8);
      expect(fast.sumlog).toBeCloseTo(ws.sumlog, 8);
      expect(fast.mean).toBeCloseTo(ws.beta[0]!, 10);
    }
  });
});
