import type { PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import type { SnapshotCell } from "./forecast-value-added";
import { valueAddedOverTime } from "./value-added-over-time";

const cell = (
  key: string,
  period: string,
  values: Partial<SnapshotCell> & { actual: number; statistical: number },
): SnapshotCell => ({
  key,
  period: period as PeriodKey,
  naive: values.actual,
  sales: null,
  marketing: null,
  product: null,
  consensus: null,
  editors: {},
  ...values,
});

describe("valueAddedOverTime", () => {
  // September: A — demand 100, statistical 90, Sam's sales 100: |90 − 100| = 10 → 0, WAPE 10 % → 0 %,
  //   FVA +10. B — demand 50, statistical 50, Mia's uplift +10: 0 → 10, WAPE 0 % → 20 %, FVA −20.
  // October: A — demand 100, statistical 100, Sam's sales 120: 0 → 20, FVA −20; Mia changes nothing.
  // Over both months Sam: 10 → 20 on 200, 5 % → 10 %, FVA −5; Mia −20: Sam first in the league.
  const cells = [
    cell("A", "2026-09", { actual: 100, statistical: 90, sales: 100, editors: { sales: "Sam" } }),
    cell("B", "2026-09", { actual: 50, statistical: 50, marketing: 10, editors: { marketing: "Mia" } }),
    cell("A", "2026-10", { actual: 100, statistical: 100, sales: 120, editors: { sales: "Sam" } }),
    cell("B", "2026-10", { actual: 40, statistical: 45 }),
  ];

  it("gives each person's FVA per month, in the league table's order", () => {
    const trend = valueAddedOverTime(cells);
    expect(trend.map((t) => [t.person, t.step])).toEqual([
      ["Sam", "sales"],
      ["Mia", "marketing"],
    ]);
    expect(trend[0]!.periods).toEqual([
      { period: "2026-09", cells: 1, wapeBefore: 10, wapeAfter: 0, fva: 10 },
      { period: "2026-10", cells: 1, wapeBefore: 0, wapeAfter: 20, fva: -20 },
    ]);
  });

  it("keeps a month in which the person changed nothing, without an FVA", () => {
    const mia = valueAddedOverTime(cells)[1]!;
    expect(mia.periods).toEqual([
      { period: "2026-09", cells: 1, wapeBefore: 0, wapeAfter: 20, fva: -20 },
      { period: "2026-10", cells: 0, wapeBefore: null, wapeAfter: null, fva: null },
    ]);
  });

  it("has nobody when nobody changed a forecast", () => {
    expect(valueAddedOverTime([cell("B", "2026-10", { actual: 40, statistical: 45 })])).toEqual([]);
  });
});
