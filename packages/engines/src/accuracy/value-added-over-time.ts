// Each person's forecast value added cycle by cycle: whether a sales team's optimism is a habit or
// a one-off, and whether a planner's changes have started to pay off. The league table
// (valueAddedByPerson) says who helped over the whole window; this says when.

import { type EditedStep, type SnapshotCell, valueAddedByPerson } from "./forecast-value-added";

export interface PersonPeriodValueAdded {
  /** The month measured; with a fixed lag it names the cycle that planned it (month − lag). */
  readonly period: string;
  /** Leaf cells the person's edit changed that month (0: no changes, so no FVA). */
  readonly cells: number;
  readonly wapeBefore: number | null;
  readonly wapeAfter: number | null;
  /** wapeBefore − wapeAfter in points of WAPE on those cells; null without changes or demand. */
  readonly fva: number | null;
}

export interface PersonValueAddedOverTime {
  readonly person: string;
  readonly step: EditedStep;
  /** One point per month measured, oldest first, months without their changes included. */
  readonly periods: readonly PersonPeriodValueAdded[];
}

/**
 * valueAddedByPerson month by month: for every person and step in the league table (in its order,
 * best over the whole window first), the FVA on the leaf cells their layer changed in each month
 * that any cell was measured, with a point of no cells and no FVA in months they changed nothing.
 */
export function valueAddedOverTime(cells: readonly SnapshotCell[]): PersonValueAddedOverTime[] {
  const periods = [...new Set(cells.map((c) => c.period as string))].sort();
  const byPeriod = new Map(
    periods.map((period) => [period, valueAddedByPerson(cells.filter((c) => c.period === period))]),
  );
  return valueAddedByPerson(cells).map(({ person, step }) => ({
    person,
    step,
    periods: periods.map((period) => {
      const own = byPeriod.get(period)!.find((p) => p.person === person && p.step === step);
      return {
        period,
        cells: own?.cells ?? 0,
        wapeBefore: own?.wapeBefore ?? null,
        wapeAfter: own?.wapeAfter ?? null,
        fva: own?.fva ?? null,
      };
    }),
  }));
}
