import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelder-mead";

describe("Nelder–Mead", () => {
  it("finds the minimum of a shifted quadratic bowl", () => {
    const result = nelderMead((x) => (x[0]! - 3) ** 2 + 10 * (x[1]! + 1) ** 2, [0, 0], {
      relativeTolerance: 1e-14,
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 4);
    expect(result.x[1]).toBeCloseTo(-1, 4);
  });

  it("minimises the Rosenbrock valley", () => {
    const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], {
      relativeTolerance: 0,
      absoluteTolerance: 1e-16,
      maxIterations: 5000,
    });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it("keeps every trial point inside the bounds and stops on the boundary minimum", () => {
    const seen: number[] = [];
    const result = nelderMead(
      (x) => {
        seen.push(x[0]!);
        return (x[0]! - 5) ** 2;
      },
      [0.5],
      { lower: [0], upper: [1], relativeTolerance: 1e-12 },
    );
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it("treats NaN and Infinity as inadmissible and moves away from them", () => {
    const result = nelderMead((x) => (x[0]! < 0 ? Number.NaN : (x[0]! - 2) ** 2), [1], {
      step: [-2],
      relativeTolerance: 1e-12,
    });
    expect(result.x[0]).toBeCloseTo(2, 4);
  });
});
