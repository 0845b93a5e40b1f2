import { describe, expect, it } from "vitest";
import { bfgs } from "./bfgs";

describe("bfgs", () => {
  it("finds the minimum of a tilted bowl", () => {
    const result = bfgs((x) => (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2 + x[0]! * x[1]!, [0, 0]);
    // ∇f = 0: 2(x − 3) + y = 0, 20(y + 1) + x = 0 → x = 140/39, y = −46/39.
    expect(result.x[0]).toBeCloseTo(140 / 39, 4);
    expect(result.x[1]).toBeCloseTo(-46 / 39, 4);
    expect(result.converged).toBe(true);
  });

  it("walks Rosenbrock's valley to (1, 1)", () => {
    const result = bfgs((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1], {
      maxIterations: 500,
    });
    expect(result.x[0]).toBeCloseTo(1, 2);
    expect(result.x[1]).toBeCloseTo(1, 2);
  });

  it("backs away from points where the objective is undefined", () => {
    const result = bfgs((x) => (x[0]! < 0.5 ? Number.NaN : (x[0]! - 1) ** 2), [2]);
    expect(result.x[0]).toBeCloseTo(1, 4);
  });

  it("returns the start when there is nothing to optimise", () => {
    expect(bfgs(() => 4, []).value).toBe(4);
  });
});
