// The monthly S&OP performance report: the scorecard of one closed month — each KPI's value that
// month and over the twelve months to it, its target and status, its trend — with the top
// exceptions the next cycle's reviews open with. The exceptions come from the exception list
// (passed in), ranked by the value at stake.

import { addPeriods, bucketOf, type PeriodKey, parsePeriod } from "@fulcrum/domain";
import { AppError } from "../errors";
import type { Scorecard, ScorecardService } from "./scorecard-service";

/** An exception as the report shows it. */
export interface ReportException {
  readonly kind: string;
  readonly title: string;
  readonly subject: string;
  /** Minor units. */
  readonly valueAtStake: number;
  readonly link: string;
  readonly acknowledgedBy: string | null;
  readonly action: string | null;
}

/** Months of trend the report shows, the month reported last. */
export const REPORT_MONTHS = 12;
/** Exceptions the report lists. */
export const REPORT_EXCEPTIONS = 10;

export async function performanceReport(
  scorecards: ScorecardService,
  request: { readonly month: string; readonly exceptions: readonly ReportException[] },
) {
  const month = parsePeriod(request.month);
  if (!month || bucketOf(month) !== "month")
    throw new AppError("bad_request", `month ${request.month} is not a month (YYYY-MM)`);
  const card: Scorecard = await scorecards.scorecard({
    from: addPeriods(month, -(REPORT_MONTHS - 1)),
    to: month,
  });
  if (card.to !== month)
    throw new AppError(
      "bad_request",
      `month ${month} has not closed yet; the last closed month is ${card.to}`,
    );
  const plan = card.months.find((m) => m.period === month)!;
  return {
    month: month as PeriodKey,
    from: card.from,
    committedPlan: plan,
    kpis: card.kpis.map((k) => {
      const point = k.trend.find((t) => t.period === month);
      return {
        code: k.code,
        name: k.name,
        area: k.area,
        unit: k.unit,
        direction: k.direction,
        definition: k.definition,
        target: k.target,
        status: k.status,
        monthValue: point?.value ?? null,
        monthReason: point ? point.reason : "measured over the window only",
        windowValue: k.value,
        windowReason: k.reason,
        trend: k.trend,
      };
    }),
    exceptions: [...request.exceptions]
      .sort((a, b) => b.valueAtStake - a.valueAtStake)
      .slice(0, REPORT_EXCEPTIONS),
    exceptionCount: request.exceptions.length,
  };
}

export type PerformanceReport = Awaited<ReturnType<typeof performanceReport>>;
