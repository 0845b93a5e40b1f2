import { describe, expect, it } from "vitest";
import { type LayerCell, proposeConsensus } from "./consensus";

const cell = (over: Partial<LayerCell>): LayerCell => ({
  statistical: null,
  sales: null,
  marketing: null,
  product: null,
  ...over,
});

describe("proposeConsensus", () => {
  it("takes statistical plus marketing's uplift, rounded to whole units", () => {
    expect(proposeConsensus(cell({ statistical: 100.4, marketing: 20 }))).toBe(120);
    expect(proposeConsensus(cell({ statistical: 99.5 }))).toBe(100);
  });

  it("lets sales replace the statistical base and product override everything", () => {
    expect(proposeConsensus(cell({ statistical: 100, sales: 130, marketing: 10 }))).toBe(140);
    expect(proposeConsensus(cell({ statistical: 100, sales: 130, marketing: 10, product: 0 }))).toBe(0);
  });

  it("with an override rule takes the chosen layer where it has a number, else the layered rule", () => {
    const rule = { kind: "override", layer: "statistical" } as const;
    expect(proposeConsensus(cell({ statistical: 100, sales: 130, marketing: 10 }), rule)).toBe(100);
    expect(proposeConsensus(cell({ sales: 130, marketing: 10 }), rule)).toBe(140);
  });

  it("proposes nothing where no layer has a number", () => {
    expect(proposeConsensus(cell({}))).toBeNull();
    expect(proposeConsensus(cell({ marketing: 5 }))).toBe(5);
  });
});
