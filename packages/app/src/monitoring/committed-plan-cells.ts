// The committed plan's revenue and gross margin for a product group: the committed financial plan
// keeps only the company's figures, but the supply version it froze carries the finance engine's
// cells per SKU and month (`finance.revenue`, `finance.cogs`), so a group's plan is the sum of its
// SKUs' cells. The cells carry no location or segment, so only a product-group cut is possible.

import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import type { MonthPlan } from "./committed-plan-months";
import { skuBelow } from "./scorecard-filter";

export interface GroupPlanFigures {
  readonly revenue: number;
  readonly grossMargin: number;
}

/** Each month's committed revenue and margin of the SKUs below `node`, keyed by month. */
export async function committedGroupPlan(
  database: Database,
  plans: readonly MonthPlan[],
  node: string,
): Promise<ReadonlyMap<string, GroupPlanFigures>> {
  const covered = plans.filter((p) => p.supplyVersionId !== null && p.figures !== null);
  const rows = await sqlRows(database.db)<{ period: string; revenue: number; cogs: number }>(sql`
    SELECT k.period,
           coalesce(sum(v.value) FILTER (WHERE v.measure = 'finance.revenue'), 0)::float8 AS revenue,
           coalesce(sum(v.value) FILTER (WHERE v.measure = 'finance.cogs'), 0)::float8 AS cogs
    FROM unnest(${covered.map((p) => p.supplyVersionId!)}::int[], ${covered.map((p) => p.period)}::text[])
      AS k(version_id, period)
    JOIN plan_values v ON v.version_id = k.version_id AND v.period = k.period
    WHERE v.measure IN ('finance.revenue', 'finance.cogs') AND ${skuBelow(sql`v.sku`, node)}
    GROUP BY 1`);
  const figures = new Map<string, GroupPlanFigures>(
    covered.map((p) => [p.period, { revenue: 0, grossMargin: 0 }]),
  );
  for (const r of rows) figures.set(r.period, { revenue: r.revenue, grossMargin: r.revenue - r.cogs });
  return figures;
}
