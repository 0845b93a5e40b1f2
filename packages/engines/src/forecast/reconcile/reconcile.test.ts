import { describe, expect, it } from "vitest";
import { normalGenerator } from "../numeric/prng";
import { type ReconcileRequest, reconcile } from "./reconcile";

// Total → two families → leaves: T = A + B, A = A1 + A2, B = B1.
const nodes = [
  { id: "T", parent: null },
  { id: "A", parent: "T" },
  { id: "B", parent: "T" },
  { id: "A1", parent: "A" },
  { id: "A2", parent: "A" },
  { id: "B1", parent: "B" },
];

function run(request: Omit<ReconcileRequest, "nodes"> & { nodes?: ReconcileRequest["nodes"] }) {
  const result = reconcile({ nodes, ...request });
  if (!result.ok) throw new Error(result.issues.join("; "));
  return result.reconciliation;
}

function expectCoherent(f: number[][]) {
  f[0]!.forEach((_, j) => {
    expect(f[0]![j]).toBeCloseTo(f[1]![j]! + f[2]![j]!, 9);
    expect(f[1]![j]).toBeCloseTo(f[3]![j]! + f[4]![j]!, 9);
    expect(f[2]![j]).toBeCloseTo(f[5]![j]!, 9);
  });
}

describe("hierarchical reconciliation", () => {
  const base = [[110], [60], [45], [28], [30], [40]];

  it("adds the leaves up, bottom-up", () => {
    const { forecasts } = run({ forecasts: base, method: "bottom-up" });
    expect(forecasts.map((f) => f[0])).toEqual([98, 58, 40, 28, 30, 40]);
  });

  it("splits the total by historical shares, top-down", () => {
    // History: A1 has 20 %, A2 30 %, B1 50 % of the total over the window.
    const history = [[], [], [], [2, 2], [3, 3], [5, 5]].map((h) => (h.length ? h : [0, 0]));
    const { forecasts } = run({ forecasts: base, method: "top-down", history });
    expect(forecasts.map((f) => f[0])).toEqual([110, 55, 55, 22, 33, 55].map((v) => expect.closeTo(v, 9)));
  });

  it("matches the hand-computed OLS solution of a two-leaf hierarchy", () => {
    // S = [[1,1],[1,0],[0,1]], ŷ = (12, 5, 4): b̃ = (SᵀS)⁻¹Sᵀŷ = ((T + 2a − b)/3, (T + 2b − a)/3) = (6, 5).
    const small = [
      { id: "T", parent: null },
      { id: "a", parent: "T" },
      { id: "b", parent: "T" },
    ];
    const { forecasts } = run({ nodes: small, forecasts: [[12], [5], [4]], method: "ols" });
    expect(forecasts.map((f) => f[0])).toEqual([11, 6, 5].map((v) => expect.closeTo(v, 9)));
  });

  it("weights structural WLS by the number of leaves under each node", () => {
    // W = diag(2, 1, 1): b̃ = (SᵀW⁻¹S)⁻¹SᵀW⁻¹ŷ with SᵀW⁻¹S = [[1.5, .5], [.5, 1.5]] →
    // ã = (1.5·(6 + 5) − .5·(6 + 4))/2 = 5.75, b̃ = (1.5·10 − .5·11)/2 = 4.75.
    const small = [
      { id: "T", parent: null },
      { id: "a", parent: "T" },
      { id: "b", parent: "T" },
    ];
    const { forecasts } = run({ nodes: small, forecasts: [[12], [5], [4]], method: "wls-structural" });
    expect(forecasts.map((f) => f[0])).toEqual([10.5, 5.75, 4.75].map((v) => expect.closeTo(v, 9)));
  });

  it("equals the textbook MinT formula S(SᵀW⁻¹S)⁻¹SᵀW⁻¹ŷ with the shrunk covariance", () => {
    const noise = normalGenerator(7);
    const residuals = nodes.map(() => Array.from({ length: 24 }, () => noise()));
    // Make the aggregates' errors partly the sum of their children's, as in real hierarchies.
    residuals[1] = residuals[1]!.map((r, t) => r + residuals[3]![t]! + residuals[4]![t]!);
    residuals[0] = residuals[0]!.map((r, t) => r + residuals[1]![t]! + residuals[2]![t]!);
    const forecasts = [
      [110, 120],
      [60, 66],
      [45, 50],
      [28, 31],
      [30, 33],
      [40, 44],
    ];
    const mint = run({ forecasts, method: "mint-shrink", residuals });
    expect(mint.lambda).toBeCloseTo(denseLambda(residuals), 12);
    expect(mint.lambda).toBeGreaterThan(0);
    expect(mint.lambda).toBeLessThan(1);
    expectCoherent(mint.forecasts);

    const w = denseShrunk(residuals, mint.lambda!);
    const s = [
      [1, 1, 1],
      [1, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    for (let j = 0; j < 2; j++) {
      const expected = textbookMint(
        s,
        w,
        forecasts.map((f) => f[j]!),
      );
      mint.forecasts.forEach((f, i) => {
        expect(f[j]).toBeCloseTo(expected[i]!, 6);
      });
    }
  });

  it("keeps demand non-negative and still coherent when asked", () => {
    const forecasts = [[10], [60], [0], [-20], [5], [3]];
    const { forecasts: f, notes } = run({ forecasts, method: "ols", nonNegative: true });
    for (const row of f) expect(row[0]).toBeGreaterThanOrEqual(0);
    expectCoherent(f);
    expect(notes.join()).toContain("negative");
  });

  it("reports unknown parents, cycles and ragged input instead of computing", () => {
    const cyclic = reconcile({
      nodes: [
        { id: "x", parent: "y" },
        { id: "y", parent: "x" },
      ],
      forecasts: [[1], [1]],
      method: "bottom-up",
    });
    expect(cyclic.ok).toBe(false);
    expect(!cyclic.ok && cyclic.issues[0]).toContain("cycle");
    const orphan = reconcile({ nodes: [{ id: "x", parent: "nowhere" }], forecasts: [[1]], method: "ols" });
    expect(!orphan.ok && orphan.issues[0]).toContain("unknown parent nowhere");
    const ragged = reconcile({ nodes, forecasts: [[1], [1], [1, 2], [1], [1], [Number.NaN]], method: "ols" });
    expect(ragged.ok).toBe(false);
    const noResiduals = reconcile({ nodes, forecasts: base, method: "mint-shrink" });
    expect(!noResiduals.ok && noResiduals.issues[0]).toContain("residuals");
  });
});

/** Schäfer–Strimmer λ from every pair of nodes, the direct way. */
function denseLambda(residuals: number[][]): number {
  const n = residuals[0]!.length;
  const xs = residuals.map((r) => {
    const sd = Math.sqrt(r.reduce((a, v) => a + v * v, 0) / n);
    return r.map((v) => v / sd);
  });
  let v = 0;
  let d = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = 0; j < xs.length; j++) {
      if (i === j) continue;
      let w2 = 0;
      let w = 0;
      for (let k = 0; k < n; k++) {
        w2 += xs[i]![k]! ** 2 * xs[j]![k]! ** 2;
        w += xs[i]![k]! * xs[j]![k]!;
      }
      v += (w2 - (w * w) / n) / (n * (n - 1));
      d += (w / n) ** 2;
    }
  }
  return Math.min(1, Math.max(0, v / d));
}

/** λ·diag(S) + (1 − λ)·S with S = RᵀR/T, formed densely as a reference. */
function denseShrunk(residuals: number[][], lambda: number): number[][] {
  const n = residuals.length;
  const t = residuals[0]!.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let s = 0;
      for (let k = 0; k < t; k++) s += residuals[i]![k]! * residuals[j]![k]!;
      s /= t;
      return i === j ? s : (1 - lambda) * s;
    }),
  );
}

function textbookMint(s: number[][], w: number[][], y: number[]): number[] {
  const wInv = invert(w);
  const st = transpose(s);
  const stWinv = multiply(st, wInv);
  const g = multiply(invert(multiply(stWinv, s)), stWinv);
  return multiply(
    s,
    multiply(
      g,
      y.map((v) => [v]),
    ),
  ).map((r) => r[0]!);
}

function transpose(a: number[][]): number[][] {
  return a[0]!.map((_, j) => a.map((r) => r[j]!));
}

function multiply(a: number[][], b: number[][]): number[][] {
  return a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

function invert(a: number[][]): number[][] {
  const n = a.length;
  const m = a.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    m[c] = m[c]!.map((v) => v / pivot);
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]!;
      m[r] = m[r]!.map((v, j) => v - f * m[c]![j]!);
    }
  }
  return m.map((r) => r.slice(n));
}
