import { describe, expect, it } from "vitest";
import { shortLinePlan, shortLineProblem } from "../supply/examples/short-line";
import { ALLOCATION_RULES } from "./allocation";
import { reallocatePlanService } from "./reallocate-plan-service";

// The short-line plan serves TOOL 60 / 130 / 70 (RETAIL 40 / 90 / 70, WHOLESALE 20 / 40 / 0) and
// PART 40 a month to RETAIL. RETAIL (backlog, €20, margin €20 − €5 = €15) has priority 1;
// WHOLESALE (lost sales, €15, margin €10) priority 2.
const problem = shortLineProblem();
const plan = shortLinePlan(problem);
const segments = [
  { code: "RETAIL", priority: 1 },
  { code: "WHOLESALE", priority: 2 },
];
const tool = (rule: (typeof ALLOCATION_RULES)[number]) =>
  reallocatePlanService(problem, plan, rule, { segments })
    .lines.filter((l) => l.sku === "TOOL")
    .map((l) => l.segments.map((s) => s.allocated));

describe("reallocatePlanService", () => {
  it("reports the plan's own split: RETAIL waits in February, WHOLESALE loses March", () => {
    const { asPlanned } = reallocatePlanService(problem, plan, "margin", { segments });
    // RETAIL lines: TOOL Jan, Feb (10 owed), Mar (60 + 10 served), PART ×3 → 5 of 6 in full.
    expect(asPlanned[0]).toMatchObject({
      segment: "RETAIL",
      lines: 6,
      linesInFull: 5,
      demand: 320,
      allocated: 320,
      revenue: 520000,
      backlogAtEnd: 0,
      lostUnits: 0,
    });
    // WHOLESALE: 20 + 40 + 0 of 80 at €15; March's 20 lost (€300).
    expect(asPlanned[1]).toMatchObject({
      lines: 3,
      linesInFull: 2,
      allocated: 60,
      revenue: 90000,
      lostRevenue: 30000,
      lostUnits: 20,
    });
  });

  it("by margin serves RETAIL in full every month and lets WHOLESALE lose 10 twice", () => {
    // Feb: 130 → RETAIL 100, WHOLESALE 30 (10 lost); Mar: 70 → RETAIL 60, WHOLESALE 10 (10 lost).
    expect(tool("margin")).toEqual([
      [40, 20],
      [100, 30],
      [60, 10],
    ]);
    const [retail, wholesale] = reallocatePlanService(problem, plan, "margin", { segments }).segments;
    expect(retail).toMatchObject({ otif: 1, revenue: 520000 });
    expect(wholesale).toMatchObject({ otif: 1 / 3, allocated: 60, lostUnits: 20, lostRevenue: 30000 });
  });

  it("by fair share carries RETAIL's short share into the next month", () => {
    // Feb: 130 over 100 and 40 → 92.86 and 37.14 → 92 + 37, the unit left to RETAIL: 93 / 37
    // (RETAIL owes 7, WHOLESALE loses 3). Mar: 70 over 60 + 7 = 67 and 20 → 53.91 and 16.09 →
    // 54 / 16 (RETAIL owes 13 at the end, WHOLESALE loses 4).
    expect(tool("fair-share")).toEqual([
      [40, 20],
      [93, 37],
      [54, 16],
    ]);
    const [retail, wholesale] = reallocatePlanService(problem, plan, "fair-share", { segments }).segments;
    // RETAIL: TOOL 187 + PART 120 = 307 units, €3,740 + €1,200; in full TOOL Jan and PART ×3.
    expect(retail).toMatchObject({ allocated: 307, revenue: 494000, linesInFull: 4, backlogAtEnd: 13 });
    expect(wholesale).toMatchObject({ allocated: 73, lostUnits: 7, revenue: 109500, lostRevenue: 10500 });
  });

  it("re-divides exactly what the plan served, never more than is owed", () => {
    for (const rule of ALLOCATION_RULES) {
      for (const line of reallocatePlanService(problem, plan, rule, { segments }).lines) {
        expect(line.allocated + line.unallocated).toBe(line.served);
        for (const s of line.segments) {
          expect(s.allocated).toBeLessThanOrEqual(s.demand + s.carriedIn);
          expect(s.allocated + s.backlog + s.lost).toBe(s.demand + s.carriedIn);
        }
      }
    }
  });

  it("needs a priority for every segment of the problem", () => {
    expect(() =>
      reallocatePlanService(problem, plan, "priority", { segments: [{ code: "RETAIL", priority: 1 }] }),
    ).toThrow("segment WHOLESALE has no priority for the allocation");
  });
});
