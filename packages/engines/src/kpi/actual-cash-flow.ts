// Actual operating cash flow, by the finance engine's payment-term rules applied to what really
// happened: a sale is collected its receivables lag after the period it was delivered in, a
// supplier's receipt is paid its payment lag later, and labour, overhead and the expedite spend are
// paid in the period they were incurred — so the actual figure is comparable with the plan's.

import { addPeriods, type Money, type PeriodKey } from "@fulcrum/domain";

/** An amount that moves cash `lagPeriods` after `period` (0 = in the period itself). */
export interface CashEvent {
  readonly period: PeriodKey;
  readonly amount: Money;
  readonly lagPeriods: number;
}

export interface ActualCashFlow {
  readonly period: PeriodKey;
  readonly cashIn: Money;
  readonly cashOut: Money;
  /** Cash in − cash out. */
  readonly operatingCashFlow: Money;
}

/**
 * Cash in and out per period of `periods`. Events whose cash lands before the first period or after
 * the last are outside the window (pass sales from before the window so that its first periods
 * collect them).
 */
export function actualCashFlow(
  periods: readonly PeriodKey[],
  flows: { readonly inflows: readonly CashEvent[]; readonly outflows: readonly CashEvent[] },
): ActualCashFlow[] {
  const at = new Map(periods.map((p, i) => [p, i]));
  const cashIn = new Array<number>(periods.length).fill(0);
  const cashOut = new Array<number>(periods.length).fill(0);
  const book = (events: readonly CashEvent[], into: number[]) => {
    for (const e of events) {
      if (!(Number.isInteger(e.lagPeriods) && e.lagPeriods >= 0))
        throw new RangeError(`lagPeriods must be a whole number ≥ 0, not ${e.lagPeriods}`);
      const t = at.get(addPeriods(e.period, e.lagPeriods));
      if (t !== undefined) into[t]! += e.amount;
    }
  };
  book(flows.inflows, cashIn);
  book(flows.outflows, cashOut);
  return periods.map((period, t) => ({
    period,
    cashIn: cashIn[t]! as Money,
    cashOut: cashOut[t]! as Money,
    operatingCashFlow: (cashIn[t]! - cashOut[t]!) as Money,
  }));
}
