import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { otifExceptions, overdueDecisions } from "./service-exceptions";

const window = ["2026-08", "2026-09", "2026-10"] as PeriodKey[];

describe("otifExceptions", () => {
  it("values a segment below its target at the gap × its revenue", () => {
    // RETAIL 80 % against its own 90 %: 0.10 × 1,000,000 = 100,000. KEY 96 % meets 95 %.
    // NEW has no lines (no OTIF) and is not judged.
    const found = otifExceptions(
      [
        { segment: "RETAIL", otif: 0.8, target: 0.9, revenue: 1_000_000 as Money },
        { segment: "KEY", otif: 0.96, target: 0.95, revenue: 5_000_000 as Money },
        { segment: "NEW", otif: null, target: 0.95, revenue: 0 as Money },
      ],
      window,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      key: "otif-below-target:RETAIL:2026-10",
      title: "Segment RETAIL served 80 % of lines on time in full (target 90 %)",
      subject: { type: "segment", code: "RETAIL" },
      periods: window,
      valueAtStake: 100_000,
      measured: 0.8,
      limit: 0.9,
    });
  });

  it("does not flag a segment exactly at target, nor an empty window", () => {
    const at = { segment: "KEY", otif: 0.95, target: 0.95, revenue: 5_000_000 as Money };
    expect(otifExceptions([at], window)).toEqual([]);
    expect(otifExceptions([{ ...at, otif: 0.5 }], [])).toEqual([]);
  });
});

describe("overdueDecisions", () => {
  const decision = { id: 12, title: "Add a shift", period: "2026-10" as PeriodKey, value: 0 as Money };

  it("flags open decisions due before the as-of date, with the days overdue", () => {
    // Due 20 November, as of 5 December: 15 days.
    const found = overdueDecisions(
      [
        { ...decision, status: "open", dueDate: "2026-11-20" },
        { ...decision, id: 13, status: "done", dueDate: "2026-11-01" },
        { ...decision, id: 14, status: "open", dueDate: "2026-12-05" },
        { ...decision, id: 15, status: "open", dueDate: null },
      ],
      "2026-12-05",
    );
    expect(found).toEqual([
      {
        key: "decision-overdue:12:2026-11-20",
        kind: "decision-overdue",
        title: 'Decision "Add a shift" was due 2026-11-20, 15 days ago',
        subject: { type: "decision", code: "12" },
        periods: ["2026-10"],
        valueAtStake: 0,
        measured: 15,
        limit: 0,
        units: 15,
      },
    ]);
  });

  it("carries the decision's value when the caller knows it", () => {
    const [found] = overdueDecisions(
      [{ ...decision, status: "open", dueDate: "2026-12-04", value: 250_000 as Money }],
      "2026-12-05",
    );
    expect(found).toMatchObject({
      valueAtStake: 250_000,
      title: 'Decision "Add a shift" was due 2026-12-04, 1 day ago',
    });
  });
});
