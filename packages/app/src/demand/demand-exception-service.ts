// The demand review's exception list for a version: per SKU, its plan (consensus, else statistical)
// and the statistical band month by month, the last approved cycle's plan for the same months, and
// the last closed months' demand against what the cycle before each had approved — handed to the
// engine's demandExceptions and ranked by value at stake.

import { addPeriods, type Money, type PeriodKey, periodRange } from "@fulcrum/domain";
import { type DemandException, demandExceptions, type SkuUnderReview } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";
import type { WorkspaceService } from "../workspace/workspace-service";

/** Closed months a bias is judged on. */
const HISTORY_MONTHS = 6;
const SHOWN = 100;

export interface DemandExceptionRow extends DemandException {
  readonly name: string;
  readonly family: string | null;
}

export class DemandExceptionService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
  ) {}

  async exceptions(
    versionId: number,
  ): Promise<{ readonly total: number; readonly exceptions: DemandExceptionRow[] }> {
    const db = this.database.db;
    const query = sqlRows(db);
    const version = await db
      .selectFrom("plan_versions")
      .select(["cycle_period", "kind"])
      .where("id", "=", versionId)
      .executeTakeFirst();
    if (version?.kind !== "demand") throw new AppError("not_found", `no demand version ${versionId}`);
    const company = await this.workspace.company();
    const cycle = (version.cycle_period ?? company.currentPeriod) as PeriodKey;

    const plan = await query<{
      sku: string;
      period: string;
      statistical: number | null;
      p10: number | null;
      p90: number | null;
      consensus: number | null;
    }>(sql`
      SELECT sku, period,
             sum(value) FILTER (WHERE measure = 'demand.statistical') AS statistical,
             sum(value) FILTER (WHERE measure = 'demand.statistical.p10') AS p10,
             sum(value) FILTER (WHERE measure = 'demand.statistical.p90') AS p90,
             sum(value) FILTER (WHERE measure = 'demand.consensus') AS consensus
      FROM plan_values
      WHERE version_id = ${versionId} AND period >= ${cycle}
        AND measure IN ('demand.statistical', 'demand.statistical.p10', 'demand.statistical.p90', 'demand.consensus')
      GROUP BY sku, period ORDER BY sku, period`);
    // The last cycle's approved plan: its consensus, or its statistical forecast without one.
    const previous = await query<{ sku: string; period: string; value: number }>(sql`
      SELECT v.sku, v.period, coalesce(max(v.value) FILTER (WHERE v.layer = 'consensus'),
                                      max(v.value) FILTER (WHERE v.layer = 'statistical')) AS value
      FROM demand_snapshot_values v
      WHERE v.snapshot_id = (SELECT id FROM demand_snapshots WHERE cycle_period < ${cycle} ORDER BY cycle_period DESC, id DESC LIMIT 1)
      GROUP BY v.sku, v.period`);
    const closed = periodRange(addPeriods(cycle, -HISTORY_MONTHS), addPeriods(cycle, -1));
    const history = await query<{ sku: string; period: string; planned: number; actual: number }>(sql`
      WITH planned AS (
        SELECT DISTINCT ON (v.sku, v.period) v.sku, v.period,
               coalesce(c.value, v.value) AS planned
        FROM demand_snapshots s
        JOIN demand_snapshot_values v ON v.snapshot_id = s.id AND v.layer = 'statistical'
        LEFT JOIN demand_snapshot_values c ON c.snapshot_id = s.id AND c.layer = 'consensus' AND c.sku = v.sku AND c.period = v.period
        WHERE v.period = ANY(${closed}::text[])
          AND s.cycle_period = to_char(to_date(v.period, 'YYYY-MM') - interval '1 month', 'YYYY-MM')
        ORDER BY v.sku, v.period, s.id DESC)
      SELECT p.sku, p.period, p.planned,
             coalesce((SELECT sum(h.requested_qty) FROM sales_history h
                       WHERE h.sku = p.sku AND to_char(h.requested_date, 'YYYY-MM') = p.period), 0)::float8 AS actual
      FROM planned p ORDER BY p.sku, p.period`);
    const items = await query<{ sku: string; name: string; family: string | null; price: number | null }>(sql`
      SELECT i.sku, i.name, i.group_code AS family,
             (SELECT avg(pr.unit_price)::float8 FROM prices pr
              WHERE pr.sku = i.sku AND pr.valid_from <= ${company.asOf}::date
                AND (pr.valid_to IS NULL OR pr.valid_to >= ${company.asOf}::date)) AS price
      FROM items i WHERE i.item_type = 'finished'`);

    const previousOf = new Map(previous.map((p) => [`${p.sku}\u0000${p.period}`, p.value]));
    const historyOf = new Map<string, { actual: number; planned: number }[]>();
    for (const h of history) historyOf.set(h.sku, [...(historyOf.get(h.sku) ?? []), h]);
    const monthsOf = new Map<string, SkuUnderReview["months"][number][]>();
    for (const p of plan) {
      if (p.statistical === null && p.consensus === null) continue;
      const statistical = p.statistical ?? 0;
      monthsOf.set(p.sku, [
        ...(monthsOf.get(p.sku) ?? []),
        {
          period: p.period as PeriodKey,
          statistical,
          p10: p.p10,
          p90: p.p90,
          plan: p.consensus ?? statistical,
          previous: previousOf.get(`${p.sku}\u0000${p.period}`) ?? null,
        },
      ]);
    }
    const item = new Map(items.map((i) => [i.sku, i]));
    const skus: SkuUnderReview[] = [...monthsOf].map(([sku, months]) => ({
      sku,
      unitPrice: Math.round(item.get(sku)?.price ?? 0) as Money,
      months,
      history: historyOf.get(sku) ?? [],
    }));
    const all = demandExceptions(skus);
    return {
      total: all.length,
      exceptions: all.slice(0, SHOWN).map((e) => ({
        ...e,
        name: item.get(e.sku)?.name ?? e.sku,
        family: item.get(e.sku)?.family ?? null,
      })),
    };
  }
}
