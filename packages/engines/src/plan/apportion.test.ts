import { describe, expect, it } from "vitest";
import { apportion } from "./apportion";

describe("apportion (largest remainder)", () => {
  it("gives the leftover units to the largest fractional parts so the total is exact", () => {
    // Shares 33.33…, 33.33…, 33.33… → 33 each and one left over, to the first (tie → earlier).
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // Shares 14.2857, 28.5714, 57.1428 → 14, 28, 57 and one left over to .5714.
    expect(apportion(100, [1, 2, 4])).toEqual([14, 29, 57]);
  });

  it("splits evenly when every weight is zero and ignores negative weights", () => {
    expect(apportion(5, [0, 0])).toEqual([3, 2]);
    expect(apportion(10, [-3, 1])).toEqual([0, 10]);
  });

  it("keeps exact integer shares exact", () => {
    expect(apportion(60, [10, 20, 30])).toEqual([10, 20, 30]);
  });

  it("refuses a fractional or negative total", () => {
    expect(() => apportion(1.5, [1])).toThrow(/whole units/);
    expect(() => apportion(-1, [1])).toThrow(/whole units/);
    expect(() => apportion(3, [])).toThrow(/no cells/);
  });
});
