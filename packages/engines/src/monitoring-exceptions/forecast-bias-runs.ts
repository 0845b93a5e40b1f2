// Forecast bias that persisted: a series whose committed forecast missed its demand the same way,
// by more than the bias target, for N months in a row. One month's miss is noise; a run is a plan
// the next demand review should correct.

import { type Money, type PeriodKey, periodsBetween } from "@fulcrum/domain";
import { trackingSignal } from "../accuracy/point-errors";
import { exceptionKey, type MonitoringFinding, percent } from "./monitoring-exception";

export interface BiasMonth {
  readonly period: PeriodKey;
  /** The forecast committed for the month (lag 1 consensus) and the demand it then had, in units. */
  readonly forecast: number;
  readonly actual: number;
}

export interface BiasSeries {
  /** The SKU. */
  readonly key: string;
  /** Price per unit in minor units. */
  readonly unitPrice: Money;
  /** The months measured, oldest first; a month missing between two breaks a run. */
  readonly months: readonly BiasMonth[];
}

export interface BiasRule {
  /** Largest |bias| a month may have, as a share of its demand (the forecast_bias target, 0.10). */
  readonly threshold: number;
  /** Months in a row a bias must last to be an exception (≥ 1). */
  readonly periods: number;
}

export interface BiasFinding extends MonitoringFinding {
  readonly kind: "forecast-bias";
  /** Tracking signal over the run, Σ(F − A) / MAD, for the reader who knows it. */
  readonly trackingSignal: number;
}

/**
 * A month's bias share, (F − A) / A; with no demand, any forecast is an over-forecast beyond every
 * threshold (+∞) and a zero forecast no bias (0).
 */
export function biasShare(month: BiasMonth): number {
  if (month.actual > 0) return (month.forecast - month.actual) / month.actual;
  return month.forecast > 0 ? Number.POSITIVE_INFINITY : 0;
}

/**
 * Per series, its latest run of at least `periods` consecutive months whose bias share is beyond
 * ±threshold (strictly) with the same sign. Value at stake = |Σ(F − A)| over the run × unit price:
 * the demand mis-planned in money. measured = Σ(F − A) / ΣA over the run (null without demand).
 */
export function forecastBiasExceptions(series: readonly BiasSeries[], rule: BiasRule): BiasFinding[] {
  if (!Number.isInteger(rule.periods) || rule.periods < 1)
    throw new RangeError(`periods must be a whole number ≥ 1, not ${rule.periods}`);
  if (!(rule.threshold >= 0)) throw new RangeError(`threshold must be a share ≥ 0, not ${rule.threshold}`);
  const found: BiasFinding[] = [];
  for (const s of series) {
    const run = latestRun(s.months, rule.threshold, rule.periods);
    if (run.length === 0) continue;
    const error = run.reduce((sum, m) => sum + m.forecast - m.actual, 0);
    const demand = run.reduce((sum, m) => sum + m.actual, 0);
    const share = demand > 0 ? error / demand : null;
    const last = run[run.length - 1]!.period;
    found.push({
      key: exceptionKey("forecast-bias", s.key, last),
      kind: "forecast-bias",
      title: `${s.key} ${error > 0 ? "over" : "under"}-forecast by more than ${percent(rule.threshold)} for ${run.length} months`,
      subject: { type: "sku", code: s.key },
      periods: run.map((m) => m.period),
      valueAtStake: Math.round(Math.abs(error) * s.unitPrice) as Money,
      measured: share,
      limit: rule.threshold,
      units: error,
      trackingSignal: trackingSignal(
        run.map((m) => m.actual),
        run.map((m) => m.forecast),
      ),
    });
  }
  return found;
}

/** The last maximal run of at least `length` consecutive months biased beyond ±threshold one way. */
function latestRun(months: readonly BiasMonth[], threshold: number, length: number): BiasMonth[] {
  let latest: BiasMonth[] = [];
  let run: BiasMonth[] = [];
  let sign = 0;
  for (const month of months) {
    const share = biasShare(month);
    const direction = Math.abs(share) > threshold ? Math.sign(share) : 0;
    const previous = run[run.length - 1];
    const continues =
      direction !== 0 &&
      direction === sign &&
      previous &&
      periodsBetween(previous.period, month.period) === 1;
    run = direction === 0 ? [] : continues ? [...run, month] : [month];
    sign = direction;
    if (run.length >= length) latest = run;
  }
  return latest;
}
