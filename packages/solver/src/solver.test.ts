import {
  buildSupplyModel,
  COST_KINDS,
  checkPlan,
  generateSupplyProblem,
  LpModel,
  readSupplyPlan,
  redTomatoProblem,
} from "@fulcrum/engines";
import loadHighs from "highs";
import { afterAll, describe, expect, it } from "vitest";
import { exportModel, fileSafeNames } from "./export-model";
import { solveArrays } from "./highs-solve";
import { createSolver } from "./solver";

const highs = await loadHighs();

function tiny(build: (m: LpModel) => void): LpModel {
  const model = new LpModel();
  build(model);
  return model;
}

describe("HiGHS statuses in Fulcrum's words", () => {
  it("reports an error, not an exception, for a model HiGHS rejects", () => {
    const model = tiny((m) => {
      m.addVariable("x", { cost: Number.NaN });
    });
    expect(solveArrays(highs, model.toArrays())).toMatchObject({ status: "error", columns: null });
  });

  it("reports unbounded when a cost can fall forever", () => {
    const model = tiny((m) => {
      const x = m.addVariable("x", { cost: -1 });
      m.addConstraint("r", [[x, 1]], 0, Infinity);
    });
    expect(solveArrays(highs, model.toArrays()).status).toBe("unbounded");
  });

  it("reports the time limit, with no plan when none was found by then", () => {
    const supply = buildSupplyModel(redTomatoProblem({ integerWorkforce: true }));
    const result = solveArrays(highs, supply.model.toArrays(), { timeLimitSeconds: 0 });
    expect(result).toMatchObject({
      status: "time-limit",
      detail: "timeLimit",
      columns: null,
      objective: null,
    });
  });
});

describe("a limit that stops the search early", () => {
  it("returns the best plan found, with its gap, as time-limit", () => {
    const problem = generateSupplyProblem(10, {
      skus: 3,
      months: 6,
      plants: 1,
      dcs: 2,
      components: 3,
      integerWorkforce: true,
    });
    const supply = buildSupplyModel(problem);
    const result = solveArrays(highs, supply.model.toArrays(), { stopAtFirstPlan: true, mipRelativeGap: 0 });
    expect(result.status).toBe("time-limit");
    expect(result.mipGap).toBeGreaterThan(0);
    const plan = readSupplyPlan(supply, { columns: result.columns! });
    expect(checkPlan(problem, plan)).toEqual([]);
    expect(Math.abs(plan.costs.total - result.objective!)).toBeLessThanOrEqual(0.5 * COST_KINDS.length * 6);
  });
});

describe("solver worker", () => {
  const solver = createSolver();
  afterAll(() => solver.close());

  it("reports infeasible with the conflicting rows by name", async () => {
    // x ≥ 3 by a row, x + y ≤ 2 by another: no point satisfies both.
    const model = tiny((m) => {
      const x = m.addVariable("prod[A@P][2026-01]", { cost: 1 });
      const y = m.addVariable("prod[B@P][2026-01]", { cost: 1 });
      m.addConstraint("firm[A@P][2026-01]", [[x, 1]], 3, Infinity);
      m.addConstraint(
        "load[R][2026-01]",
        [
          [x, 1],
          [y, 1],
        ],
        -Infinity,
        2,
      );
    });
    const result = await solver.solve(model);
    expect(result.status).toBe("infeasible");
    expect(result.columns).toBeNull();
    expect(result.conflictNames).toEqual(expect.arrayContaining(["firm[A@P][2026-01]", "load[R][2026-01]"]));
  });

  it("solves off the main thread and reuses its loaded HiGHS for the next solve", async () => {
    const supply = buildSupplyModel(redTomatoProblem({ integerWorkforce: false }));
    const first = await solver.solve(supply.model);
    const second = await solver.solve(supply.model, { algorithm: "ipm" });
    expect(first.status).toBe("optimal");
    expect(first.objective! / 100).toBeCloseTo(422_275, 4);
    expect(second.objective! / 100).toBeCloseTo(422_275, 2);
    expect(first.columns).toBeInstanceOf(Float64Array);
    expect(first.duals!.rows.length).toBe(supply.model.constraints.length);
    expect(first.duals!.columns.length).toBe(supply.model.variables.length);
  });
});

describe("LP and MPS export", () => {
  it("keeps the domain names, made file-safe, and the integer section of a MIP", () => {
    const supply = buildSupplyModel(redTomatoProblem({ integerWorkforce: true }));
    const lp = exportModel(highs, supply.model, "lp");
    expect(lp).toContain("prod(TOOLS@PLANT)(2026_01)");
    expect(lp).toMatch(/gen[\s\S]*workers\(ASSEMBLY\)\(2026_06\)/);
    const mps = exportModel(highs, supply.model, "mps");
    expect(mps).toContain("balance(TOOLS@PLANT)(2026_03)");
    // Read back, the exported file is the same problem.
    const reread = highs.createModel({ format: "lp", data: lp });
    try {
      reread.options.set({ output_flag: false });
      reread.run();
      expect(reread.getObjectiveValue()).toBeCloseTo(42_266_000, 2);
    } finally {
      reread.dispose();
    }
  });

  it("keeps names unique after making them file-safe", () => {
    expect(fileSafeNames(["a-b", "a_b", "2x", "x[1]"])).toEqual(["a_b", "a_b#2", "_2x", "x(1)"]);
  });
});
