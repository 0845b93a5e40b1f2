import { describe, expect, it } from "vitest";
import { demandMix } from "./demand-mix";

const sum = (shares: readonly { basisPoints: number }[]) => shares.reduce((s, m) => s + m.basisPoints, 0);

describe("demandMix", () => {
  it("gives each key its share, largest first, in basis points", () => {
    // 600 + 300 + 100 = 1,000 (retail twice: 400 + 200).
    const mix = demandMix([
      { key: "retail", quantity: 400 },
      { key: "online", quantity: 300 },
      { key: "wholesale", quantity: 100 },
      { key: "retail", quantity: 200 },
    ]);
    expect(mix).toEqual([
      { key: "retail", quantity: 600, basisPoints: 6000 },
      { key: "online", quantity: 300, basisPoints: 3000 },
      { key: "wholesale", quantity: 100, basisPoints: 1000 },
    ]);
  });

  it("adds up to exactly 100 % where the exact shares do not: thirds are 33.34 + 33.33 + 33.33", () => {
    const mix = demandMix(["north", "south", "east"].map((key) => ({ key, quantity: 7 })));
    expect(mix.map((m) => [m.key, m.basisPoints])).toEqual([
      ["east", 3334],
      ["north", 3333],
      ["south", 3333],
    ]);
    const uneven = demandMix([1, 2, 3, 4, 5, 6, 7].map((q) => ({ key: `k${q}`, quantity: q / 7 })));
    expect(sum(uneven)).toBe(10_000);
  });

  it("has no shares without demand", () => {
    expect(demandMix([{ key: "a", quantity: 0 }]).map((m) => m.basisPoints)).toEqual([0]);
    expect(demandMix([])).toEqual([]);
  });
});
