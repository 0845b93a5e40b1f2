import { describe, expect, it } from "vitest";
import { type CtpInput, capableToPromise } from "./capable-to-promise";

const periods = ["2026-11", "2026-12", "2027-01", "2027-02"];
const source = (leadTimePeriods = 0, hoursPerUnit = 2, quantityPer = 1) => ({
  plant: "PLANT-1",
  leadTimePeriods,
  routing: [{ resource: "LINE-1", hoursPerUnit }],
  bom: [{ component: "COMP-1", quantityPer }],
});
const input = (spare: number[], material: number[], sources = [source()]): CtpInput => ({
  periods,
  current: 0,
  spareHours: new Map([["LINE-1", spare]]),
  material: new Map([["COMP-1@PLANT-1", material]]),
  sources,
});

describe("capable-to-promise", () => {
  it("makes from the spare hours by the period asked, latest first, then later (capacity binding)", () => {
    // 2 h a unit; spare 10, 4, 20, 0 h; material plenty. 15 asked for Dec:
    // Dec 4 h → 2 units (short: capacity), Nov 10 h → 5, then Jan 20 h → 10 ≥ the 8 left.
    // Made 15, all there by Jan; hours 4 (Dec), 10 (Nov), 16 (Jan); components 2, 5, 8.
    const answer = capableToPromise(input([10, 4, 20, 0], [100, 100, 100, 100]), 15, 1);
    expect(answer).toMatchObject({ made: 15, period: "2027-01", limitedBy: "capacity" });
    expect(answer.reservations).toEqual([
      { kind: "capacity", code: "LINE-1", plant: "PLANT-1", period: "2026-12", quantity: 4 },
      { kind: "material", code: "COMP-1", plant: "PLANT-1", period: "2026-12", quantity: 2 },
      { kind: "capacity", code: "LINE-1", plant: "PLANT-1", period: "2026-11", quantity: 10 },
      { kind: "material", code: "COMP-1", plant: "PLANT-1", period: "2026-11", quantity: 5 },
      { kind: "capacity", code: "LINE-1", plant: "PLANT-1", period: "2027-01", quantity: 16 },
      { kind: "material", code: "COMP-1", plant: "PLANT-1", period: "2027-01", quantity: 8 },
    ]);
  });

  it("keeps what components are used in a period from every later one (material binding)", () => {
    // 1 h a unit, hours plenty; 2 components a unit, available by period 3, 3, 10, 10. 6 asked for Dec:
    // Dec: headroom min(3, 10, 10) = 3 → 1 unit (short: material), uses 2.
    // Nov: headroom min(3 − 0, 3 − 2, 10 − 2, 10 − 2) = 1 → half a unit → none.
    // Jan: headroom min(10 − 2, 10 − 2) = 8 → 4 units; Feb: 10 − 10 = 0. Made 5 by Jan, 1 not.
    const answer = capableToPromise(input([100, 100, 100, 100], [3, 3, 10, 10], [source(0, 1, 2)]), 6, 1);
    expect(answer).toMatchObject({ made: 5, period: "2027-01", limitedBy: "material" });
    expect(answer.reservations.filter((r) => r.kind === "material")).toEqual([
      { kind: "material", code: "COMP-1", plant: "PLANT-1", period: "2026-12", quantity: 2 },
      { kind: "material", code: "COMP-1", plant: "PLANT-1", period: "2027-01", quantity: 8 },
    ]);
  });

  it("makes nothing when neither hours nor components are spare", () => {
    expect(capableToPromise(input([0, 0, 0, 0], [0, 0, 0, 0]), 5, 0)).toEqual({
      made: 0,
      period: null,
      limitedBy: "capacity",
      reservations: [],
    });
    expect(capableToPromise(input([9, 9, 9, 9], [0, 0, 0, 0]), 5, 0)).toMatchObject({
      made: 0,
      limitedBy: "material",
    });
  });

  it("cannot make a SKU without a routing", () => {
    const noRouting = { ...source(), routing: [] };
    expect(capableToPromise(input([9, 9, 9, 9], [9, 9, 9, 9], [noRouting]), 1, 0)).toMatchObject({
      made: 0,
      period: null,
      limitedBy: "routing",
    });
  });

  it("delivers a lead time after making, and never before the period asked", () => {
    // Lead time 1: 4 units asked for Jan are made in Dec (10 h → 5 units) and delivered in Jan.
    const answer = capableToPromise(input([10, 10, 10, 10], [50, 50, 50, 50], [source(1)]), 4, 2);
    expect(answer).toMatchObject({ made: 4, period: "2027-01", limitedBy: null });
    expect(answer.reservations[0]).toMatchObject({ period: "2026-12", quantity: 8 });
    // Made in Feb would arrive after the horizon, so 30 asked for Dec: Nov 5 + Dec 5 by Dec, Jan 5 in
    // Feb; 15 made by Feb.
    expect(capableToPromise(input([10, 10, 10, 10], [50, 50, 50, 50], [source(1)]), 30, 1)).toMatchObject({
      made: 15,
      period: "2027-02",
    });
  });

  it("never reserves more hours or components than are spare (invariant)", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = (k: number) => (seed * 7919 + k * 104729) % 37;
      const spare = periods.map((_, t) => r(t));
      let running = 0;
      const material = periods.map((_, t) => (running += r(t + 9)));
      const answer = capableToPromise(
        input(spare, material, [source(0, 1 + (seed % 3), 1 + (seed % 2))]),
        1 + r(20),
        seed % 4,
      );
      const hours = periods.map((p) =>
        answer.reservations
          .filter((x) => x.kind === "capacity" && x.period === p)
          .reduce((a, x) => a + x.quantity, 0),
      );
      hours.forEach((h, t) => {
        expect(h).toBeLessThanOrEqual(spare[t]! + 1e-9);
      });
      let used = 0;
      periods.forEach((p, t) => {
        used += answer.reservations
          .filter((x) => x.kind === "material" && x.period === p)
          .reduce((a, x) => a + x.quantity, 0);
        expect(used).toBeLessThanOrEqual(material[t]! + 1e-9);
      });
    }
  });
});
