import { describe, expect, it } from "vitest";
import { coverInDays, daysOfCover, minMaxPolicy, targetInventory } from "./inventory-policy";
import { inverseNormalLoss, normalDistribution, normalLoss } from "./normal-loss";
import {
  cycleServiceSafetyStock,
  fillRateOf,
  fillRateSafetyStock,
  protectionSigma,
  sigmaFromP10P90,
} from "./safety-stock";

describe("the normal loss function", () => {
  it("matches tabulated values", () => {
    expect(normalDistribution(1.2816)).toBeCloseTo(0.9, 4);
    expect(normalDistribution(-1.96)).toBeCloseTo(0.025, 4);
    // G(0) = 1/√(2π); G(1) = 0.0833 and G(2) = 0.0085 from the tables in Silver, Pyke & Peterson.
    expect(normalLoss(0)).toBeCloseTo(0.39894, 5);
    expect(normalLoss(1)).toBeCloseTo(0.0833, 4);
    expect(normalLoss(2)).toBeCloseTo(0.0085, 4);
  });

  it("is inverted to within 1e-6", () => {
    for (const z of [-2, -0.5, 0, 0.7, 1.5, 3]) expect(inverseNormalLoss(normalLoss(z))).toBeCloseTo(z, 6);
  });
});

describe("safety stock (Chopra & Meindl, ch. 12 examples)", () => {
  // Weekly demand 2,500, σ 500 a week, lead time 2 weeks, lots of 10,000.
  const sigmaL = protectionSigma({ meanDemand: 2500, demandSigma: 500, leadTime: 2, leadTimeSigma: 0 });

  it("gives 906 units for a 90% cycle service level: σ_L = √2·500 = 707, SS = 1.2816 × 707", () => {
    expect(sigmaL).toBeCloseTo(707.107, 3);
    expect(cycleServiceSafetyStock(0.9, sigmaL)).toBeCloseTo(906.2, 1);
  });

  it("gives a 99.75% fill rate from 1,000 units of safety stock: ESC = −1000·(1 − Φ(1.414)) + 707·φ(1.414) = 25.1", () => {
    expect(fillRateOf(1000, 10_000, sigmaL)).toBeCloseTo(0.99749, 4);
  });

  it("gives 67 units for a 97.5% fill rate: ESC = 0.025 × 10,000 = 250, G(k) = 250 / 707 → k = 0.0945", () => {
    const ss = fillRateSafetyStock(0.975, 10_000, sigmaL);
    expect(ss).toBeCloseTo(66.8, 0);
    expect(fillRateOf(ss, 10_000, sigmaL)).toBeCloseTo(0.975, 9);
  });

  it("adds lead-time variability: d 2,500/day, σ_d 500, L 7 ± 7 days → σ = √(7·500² + 2500²·7²) = 17,550, SS(90%) = 22,491", () => {
    const sigma = protectionSigma({ meanDemand: 2500, demandSigma: 500, leadTime: 7, leadTimeSigma: 7 });
    expect(sigma).toBeCloseTo(17_549.9, 1);
    expect(cycleServiceSafetyStock(0.9, sigma)).toBeCloseTo(22_491, -1);
  });

  it("protects the review period too under periodic review", () => {
    const periodic = protectionSigma({
      meanDemand: 100,
      demandSigma: 20,
      leadTime: 1,
      leadTimeSigma: 0,
      reviewPeriod: 3,
    });
    expect(periodic).toBeCloseTo(40, 9); // √(4 · 400)
  });

  it("derives σ from a P10–P90 band: (120 − 80) / 2.5632 = 15.6055", () => {
    expect(sigmaFromP10P90(80, 120)).toBeCloseTo(15.6055, 4);
    expect(sigmaFromP10P90(100, 100)).toBe(0);
    expect(sigmaFromP10P90(120, 80)).toBe(0);
  });

  it("is zero without uncertainty and rejects impossible service levels", () => {
    expect(cycleServiceSafetyStock(0.95, 0)).toBe(0);
    expect(fillRateSafetyStock(0.99, 100, 0)).toBe(0);
    expect(() => cycleServiceSafetyStock(1, 10)).toThrow(RangeError);
    expect(() => fillRateSafetyStock(0, 100, 10)).toThrow(RangeError);
  });
});

describe("inventory policies", () => {
  it("sets min to lead-time demand plus safety stock and max one lot above", () => {
    // Chopra's Lego: 2,500 a week over 2 weeks + 906 safety stock; lots of 10,000.
    expect(minMaxPolicy(2500, 2, 906, 10_000)).toEqual({ min: 5906, max: 15_906 });
  });

  it("converts between days of cover and units", () => {
    expect(daysOfCover(10, 30)).toBe(300);
    // 450 units against 300, 300: one full month and half the next, 30 days a month.
    expect(coverInDays(450, [300, 300], 30)).toBe(45);
    expect(coverInDays(700, [300, 300], 30)).toBe(Number.POSITIVE_INFINITY);
  });

  it("targets safety stock plus half the lot", () => {
    // Lots of two months: period 1 holds 50 + (100 + 200)/2, the last period only its own demand.
    expect(targetInventory([100, 200, 300], [50, 50, 60], 2)).toEqual([200, 300, 210]);
  });
});
