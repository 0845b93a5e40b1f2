// The exceptions a demand review starts from, so that people look at the few SKUs that need them
// instead of re-typing every number: a consensus that has been biased the same way month after
// month, a plan outside the statistical forecast's P10–P90 band, and a plan that moved far from
// the last cycle's. Each carries the money at stake (units × price), and the list is ranked by it.

import type { Money, PeriodKey } from "@fulcrum/domain";
import { trackingSignal } from "../accuracy/point-errors";

export interface SkuPlanMonth {
  readonly period: PeriodKey;
  /** The statistical forecast's median and band. */
  readonly statistical: number;
  readonly p10: number | null;
  readonly p90: number | null;
  /** The plan as it stands: the consensus, or the statistical forecast without one. */
  readonly plan: number;
  /** The last approved cycle's plan for this month, if it planned it. */
  readonly previous: number | null;
}

export interface SkuUnderReview {
  readonly sku: string;
  /** Price per unit in minor units: the value at stake of one unit. */
  readonly unitPrice: Money;
  readonly months: readonly SkuPlanMonth[];
  /** Closed months: demand and the consensus approved for them the cycle before, oldest first. */
  readonly history: readonly { readonly actual: number; readonly planned: number }[];
}

export type DemandExceptionKind = "biased" | "outside-band" | "changed";

export interface DemandException {
  readonly sku: string;
  readonly kind: DemandExceptionKind;
  /** The months concerned (for a bias: the months measured). */
  readonly periods: readonly PeriodKey[];
  /** Units behind the exception (see each kind), signed where a direction means something. */
  readonly units: number;
  /** |units| × price, rounded to the minor unit. */
  readonly valueAtStake: Money;
  /** biased: 100 · Σ(plan − actual) / Σ actual; changed: change on the last plan, in percent. */
  readonly percent: number | null;
  readonly trackingSignal: number | null;
}

export interface ExceptionThresholds {
  /** |tracking signal| above which a consensus is biased (4 by the usual rule). */
  readonly trackingSignal: number;
  /** Fewest closed months a bias is judged on. */
  readonly minimumMonths: number;
  /** Share of the last plan a month's plan may move before it is flagged (0.2 = ±20 %). */
  readonly change: number;
}

export const DEFAULT_EXCEPTION_THRESHOLDS: ExceptionThresholds = {
  trackingSignal: 4,
  minimumMonths: 3,
  change: 0.2,
};

/**
 * Every exception of every SKU, largest value at stake first:
 * - biased: at least `minimumMonths` of history and |TS| > limit; units = the mean monthly bias
 *   carried over the months planned now (what the same bias would cost again);
 * - outside-band: months whose plan lies above P90 or below P10; units = Σ the distance to the band;
 * - changed: months whose plan moved more than `change` × the last plan; units = Σ (plan − last).
 */
export function demandExceptions(
  skus: readonly SkuUnderReview[],
  thresholds: ExceptionThresholds = DEFAULT_EXCEPTION_THRESHOLDS,
): DemandException[] {
  const found: DemandException[] = [];
  const value = (units: number, sku: SkuUnderReview) => Math.round(Math.abs(units) * sku.unitPrice) as Money;
  for (const sku of skus) {
    const periods = sku.months.map((m) => m.period);
    if (sku.history.length >= thresholds.minimumMonths) {
      const actual = sku.history.map((h) => h.actual);
      const planned = sku.history.map((h) => h.planned);
      const ts = trackingSignal(actual, planned);
      if (Math.abs(ts) > thresholds.trackingSignal) {
        const bias = planned.reduce((s, p, i) => s + p - actual[i]!, 0);
        const volume = actual.reduce((s, a) => s + a, 0);
        const units = (bias / sku.history.length) * sku.months.length;
        found.push({
          sku: sku.sku,
          kind: "biased",
          periods,
          units,
          valueAtStake: value(units, sku),
          percent: volume > 0 ? (100 * bias) / volume : null,
          trackingSignal: ts,
        });
      }
    }
    const outside = sku.months
      .map((m) => ({
        period: m.period,
        gap:
          m.p90 !== null && m.plan > m.p90
            ? m.plan - m.p90
            : m.p10 !== null && m.plan < m.p10
              ? m.plan - m.p10
              : 0,
      }))
      .filter((m) => m.gap !== 0);
    if (outside.length > 0) {
      const units = outside.reduce((s, m) => s + m.gap, 0);
      found.push({
        sku: sku.sku,
        kind: "outside-band",
        periods: outside.map((m) => m.period),
        units,
        valueAtStake: value(units, sku),
        percent: null,
        trackingSignal: null,
      });
    }
    const moved = sku.months.filter(
      (m) =>
        m.previous !== null && Math.abs(m.plan - m.previous) > thresholds.change * Math.max(m.previous, 1),
    );
    if (moved.length > 0) {
      const units = moved.reduce((s, m) => s + m.plan - m.previous!, 0);
      const before = moved.reduce((s, m) => s + m.previous!, 0);
      found.push({
        sku: sku.sku,
        kind: "changed",
        periods: moved.map((m) => m.period),
        units,
        valueAtStake: value(units, sku),
        percent: before > 0 ? (100 * units) / before : null,
        trackingSignal: null,
      });
    }
  }
  return found.sort((a, b) => b.valueAtStake - a.valueAtStake);
}
