import { describe, expect, it } from "vitest";
import { LpModel, objectiveAt } from "./lp-model";

describe("solver-neutral LP model", () => {
  it("packs rows into CSR arrays, merging repeated columns and dropping zeros", () => {
    const m = new LpModel();
    const x = m.addVariable("prod[SKU-12@PLANT-1][2026-03]", { cost: 3 });
    const y = m.addVariable("inv[SKU-12@PLANT-1][2026-03]", { cost: 1, upper: 10, integer: true });
    m.addConstraint(
      "balance",
      [
        [y, -1],
        [x, 1],
        [y, 2],
        [x, -1],
      ],
      5,
      5,
    );
    m.addConstraint("cap", [[x, 2]], Number.NEGATIVE_INFINITY, 8);
    const a = m.toArrays();
    expect([a.numRows, a.numCols]).toEqual([2, 2]);
    expect([...a.starts]).toEqual([0, 1, 2]);
    expect([...a.indices]).toEqual([y, x]);
    expect([...a.values]).toEqual([1, 2]);
    expect([...a.rowLower]).toEqual([5, Number.NEGATIVE_INFINITY]);
    expect([...a.colUpper]).toEqual([Number.POSITIVE_INFINITY, 10]);
    expect([...a.integrality]).toEqual([0, 1]);
    expect(m.isMip).toBe(true);
    expect(objectiveAt(m, [2, 5])).toBe(11);
  });
});
