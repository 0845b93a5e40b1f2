import { describe, expect, it } from "vitest";
import { allocateAtp, atpAvailableTo } from "./atp-allocation";
import { availableToPromise } from "./available-to-promise";
import { consumePromises, promiseOrder } from "./promise-order";

const periods = ["2026-11", "2026-12", "2027-01", "2027-02"];
// On hand 50; receipts 0/100/0/90; orders 30/20/20/0: 20, 80, −20 → 60, 90.
// Discrete ATP 20, 60, 0, 90; cumulative 20, 80, 80, 170.
const atp = availableToPromise({
  periods,
  onHand: 50,
  receipts: [0, 100, 0, 90],
  committed: [30, 20, 20, 0],
});

describe("promising an order", () => {
  it("promises in full when the cumulative ATP covers the request", () => {
    const pools = allocateAtp(atp, null, 0);
    expect(promiseOrder(pools, { quantity: 80, period: "2026-12", segment: "RETAIL" })).toEqual({
      kind: "full",
      lines: [{ period: "2026-12", quantity: 80 }],
      promised: 80,
      unpromised: 0,
    });
  });

  it("promises part now and the remainder when all of it is there", () => {
    // 100 asked for Dec: 80 by Dec; the whole 100 only by Feb (cumulative 170) → 80 Dec + 20 Feb.
    const pools = allocateAtp(atp, null, 0);
    expect(promiseOrder(pools, { quantity: 100, period: "2026-12", segment: "RETAIL" })).toMatchObject({
      kind: "partial",
      lines: [
        { period: "2026-12", quantity: 80 },
        { period: "2027-02", quantity: 20 },
      ],
    });
  });

  it("promises what the horizon has and leaves the rest unpromised", () => {
    const pools = allocateAtp(atp, null, 0);
    expect(promiseOrder(pools, { quantity: 200, period: "2026-11", segment: "RETAIL" })).toEqual({
      kind: "partial",
      lines: [
        { period: "2026-11", quantity: 20 },
        { period: "2027-02", quantity: 150 },
      ],
      promised: 170,
      unpromised: 30,
    });
  });

  it("answers a request for a past period from the current one", () => {
    const pools = allocateAtp(atp, null, 1);
    expect(promiseOrder(pools, { quantity: 10, period: "2026-10", segment: "RETAIL" }).lines).toEqual([
      { period: "2026-12", quantity: 10 },
    ]);
  });

  it("replays accepted promises and lists the ones the plan no longer covers", () => {
    const pools = allocateAtp(atp, null, 0);
    // 70 for Dec takes Dec's 60 then 10 of Nov; 15 for Nov takes Nov's other 10 and is 5 short.
    const atRisk = consumePromises(pools, [
      { id: 1, segment: "RETAIL", lines: [{ period: "2026-12", quantity: 70 }] },
      { id: 2, segment: "RETAIL", lines: [{ period: "2026-11", quantity: 15 }] },
    ]);
    expect(atRisk).toEqual([{ id: 2, uncovered: 5 }]);
    expect(pools.free).toEqual([0, 0, 0, 90]);
    expect(promiseOrder(pools, { quantity: 10, period: "2026-12", segment: "RETAIL" }).kind).toBe("later");
  });
});

describe("allocating ATP by segment", () => {
  const allocation = {
    RETAIL: { share: 0.5, cutoffPeriods: 1 },
    ONLINE: { share: 0.25, cutoffPeriods: 1 },
  };

  it("keeps each segment's share of periods beyond the cut-off and releases the nearer ones", () => {
    // Current Nov, cut-off 1: Nov and Dec are released; Jan and Feb are protected.
    // Feb's 90: RETAIL 45, ONLINE 22.5, free 22.5 → largest remainder: 45, 23, 22 (tie to the earlier).
    const pools = allocateAtp(atp, allocation, 0);
    expect(pools.free).toEqual([20, 60, 0, 22]);
    expect(pools.held.get("RETAIL")).toEqual([0, 0, 0, 45]);
    expect(pools.held.get("ONLINE")).toEqual([0, 0, 0, 23]);
    // By Feb: RETAIL 80 + 22 + 45 = 147; ONLINE 80 + 22 + 23 = 125; a segment without a share 102.
    expect(atpAvailableTo(pools, "RETAIL", 3)).toBe(147);
    expect(atpAvailableTo(pools, "ONLINE", 3)).toBe(125);
    expect(atpAvailableTo(pools, "WHOLESALE", 3)).toBe(102);
  });

  it("protects a segment's share from another's order until the cut-off", () => {
    const pools = allocateAtp(atp, allocation, 0);
    consumePromises(pools, [{ id: 1, segment: "WHOLESALE", lines: [{ period: "2027-02", quantity: 102 }] }]);
    expect(promiseOrder(pools, { quantity: 50, period: "2027-02", segment: "RETAIL" })).toMatchObject({
      kind: "partial",
      promised: 45,
    });
    expect(promiseOrder(pools, { quantity: 1, period: "2027-02", segment: "WHOLESALE" }).kind).toBe("none");
  });

  it("releases the allocation to everyone once the period is within the cut-off", () => {
    // A month later (current Dec) Feb is within one period: all of its 90 is free.
    const pools = allocateAtp(atp, allocation, 2);
    expect(pools.free).toEqual([20, 60, 0, 90]);
    expect(atpAvailableTo(pools, "WHOLESALE", 3)).toBe(170);
  });

  it("releases each segment's share at its own cut-off", () => {
    // Current Nov; RETAIL's share is kept more than 1 period ahead, ONLINE's more than 3: Feb is 3
    // ahead, so it holds RETAIL's 45 and frees the other 45 (ONLINE's 22.5 and the unallocated 22.5).
    const pools = allocateAtp(
      atp,
      { RETAIL: { share: 0.5, cutoffPeriods: 1 }, ONLINE: { share: 0.25, cutoffPeriods: 3 } },
      0,
    );
    expect(pools.held.get("RETAIL")).toEqual([0, 0, 0, 45]);
    expect(pools.held.get("ONLINE")).toEqual([0, 0, 0, 0]);
    expect(pools.free).toEqual([20, 60, 0, 45]);
  });

  it("refuses shares that sum above 1", () => {
    expect(() =>
      allocateAtp(atp, { A: { share: 0.7, cutoffPeriods: 0 }, B: { share: 0.4, cutoffPeriods: 0 } }, 0),
    ).toThrow(/at most 1/);
  });
});
