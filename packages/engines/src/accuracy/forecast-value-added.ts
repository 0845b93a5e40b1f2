// Forecast value added: how much each step of the demand review — the statistical forecast, then
// sales' overrides, marketing's uplifts, product management's overrides, the demand planner's
// consensus — made the forecast better or worse than the step before it, than the statistical
// forecast and than a naive forecast, measured on what was really planned (snapshots) against
// what customers then asked for. Errors are taken after aggregating to the level asked for (a
// family's forecast against the family's demand), because errors of SKUs partly cancel in a family.

import type { PeriodKey } from "@fulcrum/domain";
import { trackingSignal } from "./point-errors";

/** The steps in the order the consensus rule applies them, after the naive benchmark. */
export const FVA_STEPS = ["naive", "statistical", "sales", "marketing", "product", "consensus"] as const;
export type FvaStep = (typeof FVA_STEPS)[number];
/** The steps a person makes, each by editing its layer. */
export type EditedStep = "sales" | "marketing" | "product" | "consensus";
const EDITED: readonly EditedStep[] = ["sales", "marketing", "product", "consensus"];

/** One series' plan for one month as it stood in a snapshot, with what then happened. */
export interface SnapshotCell {
  /** The leaf series, e.g. a SKU. */
  readonly key: string;
  /** The month forecast. */
  readonly period: PeriodKey;
  /** Demand that month (units requested). */
  readonly actual: number;
  /** The last month's demand known when the snapshot was taken: the naive forecast. */
  readonly naive: number;
  readonly statistical: number;
  /** Layer values; null where the layer has no opinion. Sales and product override, marketing adds. */
  readonly sales: number | null;
  readonly marketing: number | null;
  readonly product: number | null;
  readonly consensus: number | null;
  /** Who last changed each layer's cell (null when nobody did). */
  readonly editors: Readonly<Partial<Record<EditedStep, string | null>>>;
}

/**
 * The forecast after each step, by the consensus rule of ADR 0500: statistical; sales where it
 * has a number, else the statistical; plus marketing's uplift; product where it has a number;
 * the consensus where it has one, else the forecast the steps before it give.
 */
export function stepForecasts(cell: SnapshotCell): Record<FvaStep, number> {
  const sales = cell.sales ?? cell.statistical;
  const marketing = sales + (cell.marketing ?? 0);
  const product = cell.product ?? marketing;
  return {
    naive: cell.naive,
    statistical: cell.statistical,
    sales,
    marketing,
    product,
    consensus: cell.consensus ?? product,
  };
}

export interface StepAccuracy {
  readonly step: FvaStep;
  /** 100 · Σ|A − F| / ΣA over the aggregated series and months; null without demand. */
  readonly wape: number | null;
  /** Mean of 100 · |A − F| / A over the cells with demand; null when none has. */
  readonly mape: number | null;
  /** Mean over series of MAE / scale (series with a positive scale); null when none has one. */
  readonly mase: number | null;
  /** 100 · Σ(F − A) / ΣA: positive over-forecasts. */
  readonly biasPct: number | null;
  /**
   * Tracking signal of the total over time: Σₜ(Fₜ − Aₜ) / MADₜ with Fₜ, Aₜ the month's totals, in
   * MADs, same sign as the bias; 0 without error. A series is biased beyond about ±4.
   */
  readonly trackingSignal: number;
  /** Percentage points of WAPE this step removed (positive: it helped). */
  readonly fvaVsPrevious: number | null;
  readonly fvaVsStatistical: number | null;
  readonly fvaVsNaive: number | null;
}

export interface FvaOptions {
  /** The series a leaf belongs to at the level measured (the leaf itself, its family, "all"). */
  readonly groupOf: (key: string) => string;
  /** In-sample MAE of a naive forecast of a group's history, to scale MASE; 0 or absent skips it. */
  readonly scaleOf?: (group: string) => number;
}

interface Aggregated {
  readonly group: string;
  readonly period: string;
  readonly actual: number;
  readonly forecast: Record<FvaStep, number>;
}

/** Sums the leaves' step forecasts and demand into the level's series, per month. */
function aggregate(cells: readonly SnapshotCell[], groupOf: (key: string) => string): Aggregated[] {
  const sums = new Map<
    string,
    { group: string; period: string; actual: number; forecast: Record<FvaStep, number> }
  >();
  for (const cell of cells) {
    const group = groupOf(cell.key);
    const id = `${group}\u0000${cell.period}`;
    let sum = sums.get(id);
    if (!sum) {
      const zero = Object.fromEntries(FVA_STEPS.map((s) => [s, 0])) as Record<FvaStep, number>;
      sum = { group, period: cell.period, actual: 0, forecast: zero };
      sums.set(id, sum);
    }
    sum.actual += cell.actual;
    const steps = stepForecasts(cell);
    for (const step of FVA_STEPS) sum.forecast[step] += steps[step];
  }
  return [...sums.values()];
}

function accuracyOf(rows: readonly Aggregated[], step: FvaStep, scaleOf?: (group: string) => number) {
  let absolute = 0;
  let signed = 0;
  let volume = 0;
  let apeSum = 0;
  let apeCount = 0;
  const maeByGroup = new Map<string, { sum: number; n: number }>();
  for (const r of rows) {
    const error = r.forecast[step] - r.actual;
    absolute += Math.abs(error);
    signed += error;
    volume += r.actual;
    if (r.actual > 0) {
      apeSum += (100 * Math.abs(error)) / r.actual;
      apeCount++;
    }
    const g = maeByGroup.get(r.group) ?? { sum: 0, n: 0 };
    maeByGroup.set(r.group, { sum: g.sum + Math.abs(error), n: g.n + 1 });
  }
  let maseSum = 0;
  let maseCount = 0;
  for (const [group, g] of maeByGroup) {
    const scale = scaleOf?.(group) ?? 0;
    if (scale > 0) {
      maseSum += g.sum / g.n / scale;
      maseCount++;
    }
  }
  const totals = new Map<string, { actual: number; forecast: number }>();
  for (const r of rows) {
    const t = totals.get(r.period) ?? { actual: 0, forecast: 0 };
    totals.set(r.period, { actual: t.actual + r.actual, forecast: t.forecast + r.forecast[step] });
  }
  const monthly = [...totals.values()];
  return {
    wape: volume > 0 ? (100 * absolute) / volume : null,
    mape: apeCount > 0 ? apeSum / apeCount : null,
    mase: maseCount > 0 ? maseSum / maseCount : null,
    biasPct: volume > 0 ? (100 * signed) / volume : null,
    trackingSignal:
      monthly.length === 0
        ? 0
        : trackingSignal(
            monthly.map((m) => m.actual),
            monthly.map((m) => m.forecast),
          ),
  };
}

const less = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Accuracy of every step, and the WAPE each removed: against the step before it (the naive
 * benchmark for the statistical forecast), against the statistical forecast and against naive.
 */
export function forecastValueAdded(cells: readonly SnapshotCell[], options: FvaOptions): StepAccuracy[] {
  const rows = aggregate(cells, options.groupOf);
  const scores = FVA_STEPS.map((step) => ({ step, ...accuracyOf(rows, step, options.scaleOf) }));
  const wape = (step: FvaStep) => scores.find((s) => s.step === step)!.wape;
  return scores.map((s, i) => ({
    ...s,
    fvaVsPrevious: i === 0 ? null : less(scores[i - 1]!.wape, s.wape),
    fvaVsStatistical: s.step === "naive" ? null : less(wape("statistical"), s.wape),
    fvaVsNaive: s.step === "naive" ? null : less(wape("naive"), s.wape),
  }));
}

/** WAPE per step and month, oldest month first: the trend of each step's accuracy. */
export function wapeByPeriod(
  cells: readonly SnapshotCell[],
  options: FvaOptions,
): { readonly period: string; readonly wape: Record<FvaStep, number | null> }[] {
  const rows = aggregate(cells, options.groupOf);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  return periods.map((period) => {
    const own = rows.filter((r) => r.period === period);
    return {
      period,
      wape: Object.fromEntries(FVA_STEPS.map((s) => [s, accuracyOf(own, s).wape])) as Record<
        FvaStep,
        number | null
      >,
    };
  });
}

export interface PersonValueAdded {
  readonly person: string;
  readonly step: EditedStep;
  /** Leaf cells the person's edit changed the forecast of. */
  readonly cells: number;
  /** WAPE of those cells before the person's step, after it, and of the statistical forecast. */
  readonly wapeBefore: number | null;
  readonly wapeAfter: number | null;
  readonly wapeStatistical: number | null;
  /** wapeBefore − wapeAfter: positive when the person's changes helped. */
  readonly fva: number | null;
  readonly fvaVsStatistical: number | null;
  /** 100 · Σ(after − A) / ΣA on those cells. */
  readonly biasPct: number | null;
}

/**
 * Each person's value added, per step they edited: on the leaf cells where their layer changed the
 * forecast (the step's forecast differs from the step before), the WAPE before and after their
 * step. Ranked best first — the league table of the review.
 */
export function valueAddedByPerson(cells: readonly SnapshotCell[]): PersonValueAdded[] {
  const order: FvaStep[] = [...FVA_STEPS];
  const tally = new Map<
    string,
    {
      person: string;
      step: EditedStep;
      before: number;
      after: number;
      stat: number;
      signed: number;
      volume: number;
      cells: number;
    }
  >();
  for (const cell of cells) {
    const steps = stepForecasts(cell);
    for (const step of EDITED) {
      const person = cell.editors[step];
      if (!person) continue;
      const before = steps[order[order.indexOf(step) - 1]!];
      if (Math.abs(steps[step] - before) < 1e-9) continue;
      const id = `${person}\u0000${step}`;
      const t = tally.get(id) ?? {
        person,
        step,
        before: 0,
        after: 0,
        stat: 0,
        signed: 0,
        volume: 0,
        cells: 0,
      };
      t.before += Math.abs(before - cell.actual);
      t.after += Math.abs(steps[step] - cell.actual);
      t.stat += Math.abs(steps.statistical - cell.actual);
      t.signed += steps[step] - cell.actual;
      t.volume += cell.actual;
      t.cells++;
      tally.set(id, t);
    }
  }
  const pct = (errors: number, volume: number) => (volume > 0 ? (100 * errors) / volume : null);
  return [...tally.values()]
    .map((t) => {
      const wapeBefore = pct(t.before, t.volume);
      const wapeAfter = pct(t.after, t.volume);
      const wapeStatistical = pct(t.stat, t.volume);
      return {
        person: t.person,
        step: t.step,
        cells: t.cells,
        wapeBefore,
        wapeAfter,
        wapeStatistical,
        fva: less(wapeBefore, wapeAfter),
        fvaVsStatistical: less(wapeStatistical, wapeAfter),
        biasPct: pct(t.signed, t.volume),
      };
    })
    .sort((a, b) => (b.fva ?? Number.NEGATIVE_INFINITY) - (a.fva ?? Number.NEGATIVE_INFINITY));
}
