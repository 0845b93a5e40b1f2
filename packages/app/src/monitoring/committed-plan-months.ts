// Which committed plan each closed month is judged against: the committed plan of the newest cycle
// on or before the month (a cycle plans from its own month on), and that plan's financial figures
// for the month. A month before any commitment, or beyond its plan's horizon, has none — and says
// why, rather than borrowing another plan's figures.

import type { FinancialPeriodFigures } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import type { SupplyFinance } from "../supply/supply-finance";

export interface MonthPlan {
  readonly period: string;
  readonly committedPlanId: number | null;
  readonly cyclePeriod: string | null;
  /** The committed plan's frozen supply version, whose `finance.*` cells price each SKU's plan. */
  readonly supplyVersionId: number | null;
  /** The committed financial plan's figures of the month; null with `reason` when there are none. */
  readonly figures: FinancialPeriodFigures | null;
  readonly reason: string | null;
}

export async function committedPlanMonths(
  database: Database,
  periods: readonly string[],
): Promise<MonthPlan[]> {
  const last = periods.at(-1);
  if (last === undefined) return [];
  const plans = await sqlRows(database.db)<{
    id: number;
    cycle: string;
    supplyVersionId: number;
    finance: SupplyFinance | null;
  }>(sql`
    SELECT id, cycle_period AS cycle, supply_version_id AS "supplyVersionId", finance FROM committed_plans WHERE cycle_period <= ${last}
    ORDER BY cycle_period DESC`);
  return periods.map((period) => {
    const plan = plans.find((p) => p.cycle <= period);
    if (!plan)
      return {
        period,
        committedPlanId: null,
        cyclePeriod: null,
        supplyVersionId: null,
        figures: null,
        reason: `no plan was committed by ${period}`,
      };
    const own = {
      period,
      committedPlanId: plan.id,
      cyclePeriod: plan.cycle,
      supplyVersionId: plan.supplyVersionId,
    };
    if (!plan.finance)
      return { ...own, figures: null, reason: `the ${plan.cycle} committed plan has no financial plan` };
    const figures = plan.finance.total.byPeriod.find((f) => f.period === period) ?? null;
    return {
      ...own,
      figures,
      reason: figures ? null : `the ${plan.cycle} committed plan does not reach ${period}`,
    };
  });
}
