import { describe, expect, it } from "vitest";
import { uniformGenerator } from "../forecast/numeric/prng";
import { spreadTotal } from "./spread";

describe("spreadTotal", () => {
  it("spreads a new total in proportion to the current values", () => {
    expect(spreadTotal({ current: [100, 300], target: 600 })).toEqual({ ok: true, values: [150, 450] });
  });

  it("keeps locked cells and lets the others absorb the change", () => {
    const result = spreadTotal({ current: [100, 300, 100], locked: [false, true, false], target: 500 });
    expect(result).toEqual({ ok: true, values: [100, 300, 100] });
    expect(spreadTotal({ current: [100, 300, 100], locked: [false, true, false], target: 700 })).toEqual({
      ok: true,
      values: [200, 300, 200],
    });
  });

  it("spreads to another basis, and evenly when the cells are empty", () => {
    expect(spreadTotal({ current: [50, 50], basis: [1, 3], target: 100 })).toEqual({
      ok: true,
      values: [25, 75],
    });
    expect(spreadTotal({ current: [0, 0, 0], target: 10 })).toEqual({ ok: true, values: [4, 3, 3] });
  });

  it("refuses when everything is locked or the locked cells exceed the target", () => {
    expect(spreadTotal({ current: [1, 2], locked: [true, true], target: 5 })).toMatchObject({
      ok: false,
      issue: expect.stringMatching(/every cell is locked/),
    });
    expect(spreadTotal({ current: [1, 2], locked: [true, true], target: 3 })).toEqual({
      ok: true,
      values: [1, 2],
    });
    expect(spreadTotal({ current: [80, 20], locked: [true, false], target: 50 })).toMatchObject({
      ok: false,
      issue: expect.stringMatching(/already hold 80, more than the new total 50/),
    });
    expect(spreadTotal({ current: [1], target: -1 })).toMatchObject({ ok: false });
    expect(spreadTotal({ current: [], target: 1 })).toMatchObject({ ok: false });
  });

  it("property: totals exact, locks respected, nothing negative, over many random cases", () => {
    const random = uniformGenerator(20261122);
    for (let n = 0; n < 500; n++) {
      const size = 1 + Math.floor(random() * 40);
      const current = Array.from({ length: size }, () => (random() < 0.2 ? 0 : Math.floor(random() * 1000)));
      const locked = current.map(() => random() < 0.3);
      const lockedSum = current.reduce((s, v, i) => (locked[i] ? s + v : s), 0);
      const target = Math.floor(random() * 40_000);
      const result = spreadTotal({ current, locked, target });
      const allLocked = locked.every(Boolean);
      if (lockedSum > target || (allLocked && lockedSum !== target)) {
        expect(result.ok).toBe(false);
        continue;
      }
      if (!result.ok) throw new Error(result.issue);
      expect(result.values.reduce((a, b) => a + b, 0)).toBe(target);
      result.values.forEach((v, i) => {
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        if (locked[i]) expect(v).toBe(current[i]);
      });
    }
  });

  it("property: a proportional spread stays within one unit of each cell's exact share", () => {
    const random = uniformGenerator(7);
    for (let n = 0; n < 200; n++) {
      const current = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => 1 + Math.floor(random() * 500),
      );
      const sum = current.reduce((a, b) => a + b, 0);
      const target = Math.floor(random() * 20_000);
      const result = spreadTotal({ current, target });
      if (!result.ok) throw new Error(result.issue);
      result.values.forEach((v, i) => {
        expect(Math.abs(v - (target * current[i]!) / sum)).toBeLessThan(1);
      });
    }
  });
});
