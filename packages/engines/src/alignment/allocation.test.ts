import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import {
  ALLOCATION_RULES,
  type AllocationInput,
  type AllocationLine,
  type AllocationRule,
  allocateSupply,
} from "./allocation";

const m = (cents: number) => cents as Money;
const jan = "2026-01" as PeriodKey;
const feb = "2026-02" as PeriodKey;

// KEY accounts first, then RETAIL, then ONLINE.
// January: 10 units for 15 asked — KEY 4 (margin 2.00), RETAIL 5 (5.00), ONLINE 6 (5.00).
// February: 20 units for KEY 4 and RETAIL 5; ONLINE asks nothing.
const input: AllocationInput = {
  segments: [
    { code: "KEY", priority: 1 },
    { code: "RETAIL", priority: 2 },
    { code: "ONLINE", priority: 3 },
  ],
  lines: [
    {
      sku: "A",
      location: "DC",
      period: jan,
      available: 10,
      demand: [
        { segment: "KEY", units: 4, price: m(1000), unitMargin: m(200) },
        { segment: "RETAIL", units: 5, price: m(1200), unitMargin: m(500) },
        { segment: "ONLINE", units: 6, price: m(1500), unitMargin: m(500) },
      ],
    },
    {
      sku: "A",
      location: "DC",
      period: feb,
      available: 20,
      demand: [
        { segment: "KEY", units: 4, price: m(1000), unitMargin: m(200) },
        { segment: "RETAIL", units: 5, price: m(1200), unitMargin: m(500) },
        { segment: "ONLINE", units: 0, price: m(1500), unitMargin: m(500) },
      ],
    },
  ],
};
const january = (rule: AllocationRule) =>
  allocateSupply(input, rule).lines[0]!.segments.map((s) => s.allocated);

describe("allocateSupply", () => {
  it("serves segments in priority order", () => {
    // KEY 4, RETAIL 5, ONLINE gets the 1 left.
    expect(january("priority")).toEqual([4, 5, 1]);
  });

  it("serves the highest unit margin first, ties by priority", () => {
    // RETAIL and ONLINE both earn 5.00; RETAIL has the higher priority: RETAIL 5, ONLINE 5, KEY 0.
    expect(january("margin")).toEqual([0, 5, 5]);
  });

  it("shares in proportion to demand by largest remainder", () => {
    // Shares 10·4/15 = 2.67, 10·5/15 = 3.33, 10·6/15 = 4 → 2 + 3 + 4 = 9; the one left goes to
    // the largest fraction (KEY's .67): 3, 3, 4.
    expect(january("fair-share")).toEqual([3, 3, 4]);
  });

  it("breaks a fair-share tie by priority, not by listing order", () => {
    const tie: AllocationLine = {
      sku: "B",
      location: "DC",
      period: jan,
      available: 1,
      demand: [
        { segment: "ONLINE", units: 1, price: m(100), unitMargin: m(10) },
        { segment: "RETAIL", units: 1, price: m(100), unitMargin: m(10) },
      ],
    };
    const [line] = allocateSupply({ ...input, lines: [tie] }, "fair-share").lines;
    expect(line!.segments.map((s) => [s.segment, s.allocated])).toEqual([
      ["ONLINE", 0],
      ["RETAIL", 1],
    ]);
  });

  it("gives everyone their demand when supply is enough, and leaves the rest unallocated", () => {
    for (const rule of ALLOCATION_RULES) {
      const line = allocateSupply(input, rule).lines[1]!;
      expect(line.segments.map((s) => s.allocated)).toEqual([4, 5, 0]);
      expect([line.allocated, line.unallocated]).toEqual([9, 11]);
    }
  });

  it("summarises fill rate, projected OTIF and money per segment", () => {
    const { segments } = allocateSupply(input, "priority");
    // ONLINE has demand on one line only (February asks 0): 1 of 6 units, not in full;
    // revenue 1 × 15.00, lost 5 × 15.00, margin 1 × 5.00.
    expect(segments).toEqual([
      {
        segment: "KEY",
        lines: 2,
        linesInFull: 2,
        demand: 8,
        allocated: 8,
        fillRate: 1,
        otif: 1,
        revenue: 8000,
        lostRevenue: 0,
        margin: 1600,
      },
      {
        segment: "RETAIL",
        lines: 2,
        linesInFull: 2,
        demand: 10,
        allocated: 10,
        fillRate: 1,
        otif: 1,
        revenue: 12000,
        lostRevenue: 0,
        margin: 5000,
      },
      {
        segment: "ONLINE",
        lines: 1,
        linesInFull: 0,
        demand: 6,
        allocated: 1,
        fillRate: 1 / 6,
        otif: 0,
        revenue: 1500,
        lostRevenue: 7500,
        margin: 500,
      },
    ]);
    // By margin KEY loses January: 4 of 8 units, one line of two in full.
    expect(allocateSupply(input, "margin").segments[0]).toMatchObject({ fillRate: 0.5, otif: 0.5 });
  });

  it("names the line of fractional units or an unknown segment", () => {
    const line = input.lines[0]!;
    expect(() => allocateSupply({ ...input, lines: [{ ...line, available: 2.5 }] }, "priority")).toThrow(
      "line A@DC/2026-01: available 2.5 is not a whole number of units",
    );
    const stranger = { ...line, demand: [{ ...line.demand[0]!, segment: "EXPORT" }] };
    expect(() => allocateSupply({ ...input, lines: [stranger] }, "margin")).toThrow(
      "line A@DC/2026-01: segment EXPORT has no priority",
    );
  });
});

/** Park–Miller LCG: deterministic test data without Math.random. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

describe("allocateSupply invariants", () => {
  it("never gives more than is available or asked, and always min(available, demand)", () => {
    const rand = lcg(42);
    const int = (n: number) => Math.floor(rand() * n);
    const segments = ["S1", "S2", "S3", "S4", "S5"].map((code) => ({ code, priority: 1 + int(3) }));
    const lines = Array.from(
      { length: 300 },
      (_, i): AllocationLine => ({
        sku: `SKU-${i}`,
        location: "DC",
        period: jan,
        available: int(4) === 0 ? 0 : int(200),
        demand: segments
          .filter(() => rand() < 0.8)
          .map((s) => ({
            segment: s.code,
            units: int(80),
            price: m(int(5000)),
            unitMargin: m(int(3000) - 500),
          })),
      }),
    );
    for (const rule of ALLOCATION_RULES) {
      const result = allocateSupply({ segments, lines }, rule);
      result.lines.forEach((line, i) => {
        const asked = lines[i]!.demand.reduce((s, d) => s + d.units, 0);
        expect(line.allocated).toBe(Math.min(lines[i]!.available, asked));
        expect(line.segments.reduce((s, a) => s + a.allocated, 0)).toBe(line.allocated);
        for (const a of line.segments) {
          expect(Number.isInteger(a.allocated)).toBe(true);
          expect(a.allocated).toBeGreaterThanOrEqual(0);
          expect(a.allocated).toBeLessThanOrEqual(a.demand);
          expect(a.allocated + a.short).toBe(a.demand);
        }
      });
      const allocated = result.segments.reduce((s, x) => s + x.allocated, 0);
      expect(allocated).toBe(result.lines.reduce((s, l) => s + l.allocated, 0));
    }
  });
});
