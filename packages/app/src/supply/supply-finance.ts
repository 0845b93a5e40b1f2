// The financial plan of a supply plan, made in the same run: the finance engine prices what the plan
// serves, makes, buys and holds. Per SKU and month, revenue, cost of goods, inventory value and lost
// revenue become plan cells of the supply version (so they are versioned, overlaid by scenarios and
// frozen on commitment like every quantity); the company's monthly figures and each product group's
// horizon figures go into the run summary, where the comparison and the executive pack read them.

import type { Money, PeriodKey } from "@fulcrum/domain";
import {
  type FinancialFigures,
  type FinancialPeriodFigures,
  financialInputFromSupplyPlan,
  financialPlan,
  type GroupPath,
  type SupplyPlan,
  type SupplyProblem,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import type { SupplyData } from "./supply-data";
import type { PlanCells } from "./supply-output";

export interface SupplyFinance {
  readonly periods: readonly string[];
  readonly total: {
    readonly byPeriod: readonly FinancialPeriodFigures[];
    readonly horizon: FinancialFigures;
  };
  /** Each product group (every level) over the horizon, keyed by its own code. */
  readonly groups: readonly {
    readonly code: string;
    readonly level: number;
    readonly horizon: FinancialFigures;
  }[];
}

/** Where each SKU sits in the product hierarchy, and the budgets and market sizes of its groups. */
export interface FinanceContext {
  readonly paths: ReadonlyMap<string, GroupPath>;
  readonly budgets: readonly {
    group: string;
    period: string;
    units: number | null;
    revenue: number | null;
  }[];
  readonly marketSizes: readonly { group: string; period: string; units: number }[];
}

export async function loadFinanceContext(
  database: Database,
  periods: readonly string[],
): Promise<FinanceContext> {
  const query = sqlRows(database.db);
  const first = periods[0]!;
  const last = periods.at(-1)!;
  const rows = await query<{ sku: string; path: string[] | null }>(sql`
    WITH RECURSIVE up AS (
      SELECT code, parent_code, ARRAY[code]::text[] AS path FROM product_groups
      UNION ALL SELECT up.code, g.parent_code, g.code || up.path FROM up JOIN product_groups g ON g.code = up.parent_code
    )
    SELECT i.sku, (SELECT path FROM up WHERE up.code = i.group_code AND up.parent_code IS NULL LIMIT 1) AS path
    FROM items i`);
  return {
    paths: new Map(rows.map((r) => [r.sku, r.path ?? []])),
    budgets: await query(sql`
      SELECT group_code AS group, period, quantity::float8 AS units, revenue::float8 AS revenue
      FROM budgets WHERE period BETWEEN ${first} AND ${last}`),
    marketSizes: await query(sql`
      SELECT group_code AS group, period, quantity::float8 AS units
      FROM market_sizes WHERE period BETWEEN ${first} AND ${last}`),
  };
}

/** The standard cost split per SKU: the mean over the locations that cost it. */
function costSplits(data: SupplyData) {
  const by = new Map<string, { material: number; labour: number; overhead: number; n: number }>();
  for (const c of data.standardCosts) {
    const s = by.get(c.sku) ?? { material: 0, labour: 0, overhead: 0, n: 0 };
    by.set(c.sku, {
      material: s.material + c.material,
      labour: s.labour + c.labour,
      overhead: s.overhead + c.overhead,
      n: s.n + 1,
    });
  }
  return [...by].map(([sku, s]) => ({
    sku,
    material: Math.round(s.material / s.n) as Money,
    labour: Math.round(s.labour / s.n) as Money,
    overhead: Math.round(s.overhead / s.n) as Money,
  }));
}

/**
 * The plan's finance: summary figures and the per-SKU cells. `priceFactor` is the scenario's price
 * on top of the plan's list price (promotions, later price moves); 1 for the base plan.
 */
export function supplyFinance(
  problem: SupplyProblem,
  plan: SupplyPlan,
  data: SupplyData,
  context: FinanceContext,
  priceFactor: (sku: string, segment: string, period: string) => number = () => 1,
): { summary: SupplyFinance; cells: PlanCells } {
  const listPrice = new Map(problem.prices.map((p) => [`${p.sku}/${p.segment}`, p.price]));
  const netPrice = (sku: string, segment: string, period: PeriodKey) =>
    Math.round((listPrice.get(`${sku}/${segment}`) ?? 0) * priceFactor(sku, segment, period)) as Money;
  const pathOf = (sku: string) => context.paths.get(sku) ?? [];
  // Each group's path from the top, from the paths of the planned SKUs below it: a group with none
  // in the plan (a family launched after the plan's cycle) has no figures to set its budget against.
  const planned = new Set([...problem.items.map((i) => i.sku), ...plan.service.map((s) => s.sku)]);
  const groupPaths = new Map<string, GroupPath>();
  for (const [sku, path] of context.paths)
    if (planned.has(sku))
      path.forEach((code, at) => {
        if (!groupPaths.has(code)) groupPaths.set(code, path.slice(0, at + 1));
      });
  const groupPath = (code: string) => groupPaths.get(code) ?? null;
  const budgets = context.budgets.flatMap((b) => {
    const group = groupPath(b.group);
    if (!group) return [];
    return [
      {
        group,
        period: b.period as PeriodKey,
        ...(b.units === null ? {} : { units: b.units }),
        ...(b.revenue === null ? {} : { revenue: Math.round(b.revenue) as Money }),
      },
    ];
  });
  const marketSizes = context.marketSizes.flatMap((m) => {
    const group = groupPath(m.group);
    return group ? [{ group, period: m.period as PeriodKey, units: m.units }] : [];
  });
  const finance = financialPlan(
    financialInputFromSupplyPlan(problem, plan, costSplits(data), {
      groupOf: pathOf,
      netPrice,
      budgets,
      marketSizes,
    }),
  );

  const cells: PlanCells = { measure: [], sku: [], location: [], segment: [], period: [], value: [] };
  const push = (measure: PlanCells["measure"][number], sku: string, period: string, value: number) => {
    if (Math.abs(value) < 0.5) return;
    cells.measure.push(measure);
    cells.sku.push(sku);
    cells.location.push(null);
    cells.segment.push(null);
    cells.period.push(period);
    cells.value.push(value);
  };
  for (const s of finance.skus)
    for (const f of s.byPeriod) {
      push("finance.revenue", s.sku, f.period, f.revenue);
      push("finance.cogs", s.sku, f.period, f.cogs.total);
      push("finance.inventory_value", s.sku, f.period, f.inventoryValue);
    }
  const lost = new Map<string, number>();
  for (const s of plan.service)
    s.lost.forEach((units, t) => {
      const period = problem.periods[t]!;
      const key = `${s.sku}\u0000${period}`;
      lost.set(key, (lost.get(key) ?? 0) + Math.max(0, units) * netPrice(s.sku, s.segment, period));
    });
  for (const [key, value] of lost) {
    const [sku, period] = key.split("\u0000") as [string, string];
    push("finance.lost_revenue", sku, period, Math.round(value));
  }
  return {
    summary: {
      periods: finance.periods,
      total: finance.total,
      groups: finance.groups.map((g) => ({ code: g.path.at(-1)!, level: g.level, horizon: g.horizon })),
    },
    cells,
  };
}
