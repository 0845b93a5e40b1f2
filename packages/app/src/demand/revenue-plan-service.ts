// The unit and revenue plan of any node of the product hierarchy, month by month: the demand plan
// (consensus, else the statistical forecast) in units and at list price, beside the same months last
// year (what customers asked for, at the price they were charged), the budget and, where market sizes
// exist, the market share. Budgets and market sizes may be set at any level: below a node, a group's
// figure counts unless a group above it, below the node, has its own for the month.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";
import type { DemandNode } from "./demand-node";
import { skuBelow } from "./demand-node";

const MONTHS = 12;

export interface RevenuePlanMonth {
  readonly period: string;
  readonly units: number;
  /** Minor units. */
  readonly revenue: number;
  readonly lastYearUnits: number;
  readonly lastYearRevenue: number;
  readonly budgetUnits: number | null;
  readonly budgetRevenue: number | null;
  /** Plan units ÷ market units; null without a market size. */
  readonly marketShare: number | null;
}

export class RevenuePlanService {
  constructor(private readonly database: Database) {}

  async revenuePlan(request: { readonly versionId: number; readonly node: DemandNode }) {
    const db = this.database.db;
    const query = sqlRows(db);
    const version = await db
      .selectFrom("plan_versions")
      .select(["kind", "cycle_period"])
      .where("id", "=", request.versionId)
      .executeTakeFirst();
    if (version?.kind !== "demand" || version.cycle_period === null)
      throw new AppError("not_found", `no demand version ${request.versionId} of a cycle`);
    const first = version.cycle_period as PeriodKey;
    const months = periodRange(first, addPeriods(first, MONTHS - 1));
    const last = months.at(-1)!;
    const below = skuBelow(request.node, sql.ref("v.sku"));
    const plan = await query<{ period: string; units: number; revenue: number }>(sql`
      WITH cell AS (
        SELECT v.sku, v.period,
               coalesce(sum(v.value) FILTER (WHERE v.measure = 'demand.consensus'),
                        sum(v.value) FILTER (WHERE v.measure = 'demand.statistical')) AS units
        FROM plan_values v
        WHERE v.version_id = ${request.versionId} AND v.period BETWEEN ${first} AND ${last}
          AND v.measure IN ('demand.consensus', 'demand.statistical') AND ${below}
        GROUP BY v.sku, v.period)
      SELECT c.period, sum(c.units)::float8 AS units,
             sum(c.units * coalesce((
               SELECT p.unit_price FROM prices p
               WHERE p.sku = c.sku AND p.segment IS NULL AND p.valid_from <= to_date(c.period, 'YYYY-MM')
                 AND (p.valid_to IS NULL OR p.valid_to >= to_date(c.period, 'YYYY-MM'))
               ORDER BY p.valid_from DESC LIMIT 1), 0))::float8 AS revenue
      FROM cell c GROUP BY c.period`);
    const lastYear = await query<{ period: string; units: number; revenue: number }>(sql`
      SELECT to_char(h.requested_date + interval '1 year', 'YYYY-MM') AS period, sum(h.requested_qty)::float8 AS units,
             sum(h.requested_qty * coalesce(h.unit_price, (
               SELECT p.unit_price FROM prices p
               WHERE p.sku = h.sku AND p.segment IS NULL AND p.valid_from <= h.requested_date
                 AND (p.valid_to IS NULL OR p.valid_to >= h.requested_date)
               ORDER BY p.valid_from DESC LIMIT 1), 0))::float8 AS revenue
      FROM sales_history h JOIN items i ON i.sku = h.sku
      WHERE h.requested_date >= ${`${addPeriods(first, -12)}-01`}::date
        AND h.requested_date < ${`${addPeriods(last, -11)}-01`}::date
        AND i.item_type = 'finished' AND ${skuBelow(request.node, sql.ref("h.sku"))}
      GROUP BY 1`);
    const groups = await this.subtree(request.node);
    const budget = countedOnce(
      await query<{ group: string; period: string; units: number; revenue: number }>(sql`
        SELECT group_code AS group, period, quantity AS units, revenue::float8 AS revenue FROM budgets
        WHERE period BETWEEN ${first} AND ${last} AND group_code = ANY(${[...groups.keys()]}::text[])`),
      groups,
    );
    const market = countedOnce(
      await query<{ group: string; period: string; units: number; revenue: number }>(sql`
        SELECT group_code AS group, period, quantity AS units, 0::float8 AS revenue FROM market_sizes
        WHERE period BETWEEN ${first} AND ${last} AND group_code = ANY(${[...groups.keys()]}::text[])`),
      groups,
    );
    const by = <T extends { period: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.period, r]));
    const [p, ly, b, m] = [by(plan), by(lastYear), by(budget), by(market)];
    const result: RevenuePlanMonth[] = months.map((period) => {
      const units = p.get(period)?.units ?? 0;
      const marketUnits = m.get(period)?.units;
      return {
        period,
        units,
        revenue: Math.round(p.get(period)?.revenue ?? 0),
        lastYearUnits: ly.get(period)?.units ?? 0,
        lastYearRevenue: Math.round(ly.get(period)?.revenue ?? 0),
        budgetUnits: b.get(period)?.units ?? null,
        budgetRevenue: b.has(period) ? Math.round(b.get(period)!.revenue) : null,
        marketShare: marketUnits ? units / marketUnits : null,
      };
    });
    return { versionId: request.versionId, months: result };
  }

  /** The product groups at or below the node with their parents; a SKU has none (its family's budget is not its own). */
  private async subtree(node: DemandNode): Promise<Map<string, string | null>> {
    if (node.kind === "item") return new Map();
    const { rows } = await sql<{ code: string; parent: string | null }>`
      WITH RECURSIVE tree AS (
        SELECT code, parent_code FROM product_groups
        WHERE ${node.kind === "all" ? sql`parent_code IS NULL` : sql`code = ${node.code}`}
        UNION ALL SELECT g.code, g.parent_code FROM product_groups g JOIN tree t ON g.parent_code = t.code)
      SELECT code, parent_code AS parent FROM tree`.execute(this.database.db);
    return new Map(rows.map((r) => [r.code, r.parent]));
  }
}

/**
 * Sums figures per month so that each part of the hierarchy counts once: a group's row is left out
 * when a group above it, within the subtree, has a row for the same month.
 */
function countedOnce(
  rows: readonly { group: string; period: string; units: number; revenue: number }[],
  parentOf: ReadonlyMap<string, string | null>,
): { period: string; units: number; revenue: number }[] {
  const has = new Set(rows.map((r) => `${r.group}\u0000${r.period}`));
  const sums = new Map<string, { period: string; units: number; revenue: number }>();
  for (const r of rows) {
    let up = parentOf.get(r.group) ?? null;
    let covered = false;
    while (up !== null && parentOf.has(up) && !covered) {
      covered = has.has(`${up}\u0000${r.period}`);
      up = parentOf.get(up) ?? null;
    }
    if (covered) continue;
    const sum = sums.get(r.period) ?? { period: r.period, units: 0, revenue: 0 };
    sums.set(r.period, { period: r.period, units: sum.units + r.units, revenue: sum.revenue + r.revenue });
  }
  return [...sums.values()];
}
