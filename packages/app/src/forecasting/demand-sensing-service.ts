// Demand sensing for the current cycle's next three months: the engine's blend of the statistical
// forecast with the orders on the books, learned from the past cycles' snapshots (what was forecast
// then, what had been ordered before the cycle began, what customers asked for), scored on cycles it
// did not learn from, and applied to a demand version's statistical forecast.

import { addPeriods, type PeriodKey, periodsBetween } from "@fulcrum/domain";
import { learnSensing, type SensingObservation, sense } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";

/** Months sensed: the cycle's own and the two after it. */
export const SENSING_HORIZONS = 3;
const SKUS_SHOWN = 50;

export class DemandSensingService {
  constructor(private readonly database: Database) {}

  async sensing(versionId: number) {
    const db = this.database.db;
    const query = sqlRows(db);
    const version = await db
      .selectFrom("plan_versions")
      .select(["kind", "cycle_period"])
      .where("id", "=", versionId)
      .executeTakeFirst();
    if (version?.kind !== "demand" || version.cycle_period === null)
      throw new AppError("not_found", `no demand version ${versionId} of a cycle`);
    const cycle = version.cycle_period as PeriodKey;

    // Past cycles: each snapshot's statistical forecast of its first months, the orders booked for
    // them before the cycle began, and the demand that came (closed months only).
    const history = await query<{
      cycle: string;
      period: string;
      forecast: number;
      booked: number;
      actual: number;
    }>(sql`
      WITH snap AS (
        SELECT DISTINCT ON (s.cycle_period) s.id, s.cycle_period FROM demand_snapshots s
        WHERE s.cycle_period < ${cycle} ORDER BY s.cycle_period, s.id DESC),
      forecast AS (
        SELECT snap.cycle_period AS cycle, v.sku, v.period, v.value AS forecast
        FROM snap JOIN demand_snapshot_values v ON v.snapshot_id = snap.id AND v.layer = 'statistical'
        WHERE v.period < ${cycle}
          AND v.period <= to_char(to_date(snap.cycle_period, 'YYYY-MM') + make_interval(months => ${SENSING_HORIZONS - 1}), 'YYYY-MM')),
      orders AS (
        SELECT sku, to_char(requested_date, 'YYYY-MM') AS period, to_char(order_date, 'YYYY-MM') AS ordered,
               sum(requested_qty) AS qty
        FROM sales_history WHERE requested_date < ${`${cycle}-01`}::date
        GROUP BY 1, 2, 3)
      SELECT f.cycle, f.period, f.forecast::float8 AS forecast,
             coalesce(sum(o.qty) FILTER (WHERE o.ordered < f.cycle), 0)::float8 AS booked,
             coalesce(sum(o.qty), 0)::float8 AS actual
      FROM forecast f LEFT JOIN orders o ON o.sku = f.sku AND o.period = f.period
      GROUP BY f.cycle, f.period, f.sku, f.forecast`);
    const observations: SensingObservation[] = history.map((h) => ({
      cycle: h.cycle,
      horizon: periodsBetween(h.cycle as PeriodKey, h.period as PeriodKey) + 1,
      forecast: h.forecast,
      booked: h.booked,
      actual: h.actual,
    }));
    const scores = learnSensing(observations, SENSING_HORIZONS);

    // This cycle: the version's statistical forecast and what was on the books when the cycle began.
    const last = addPeriods(cycle, SENSING_HORIZONS - 1);
    const current = await query<{
      sku: string;
      name: string;
      period: string;
      forecast: number;
      booked: number;
    }>(sql`
      WITH forecast AS (
        SELECT sku, period, sum(value) AS forecast FROM plan_values
        WHERE version_id = ${versionId} AND measure = 'demand.statistical' AND period BETWEEN ${cycle} AND ${last}
        GROUP BY sku, period),
      booked AS (
        SELECT sku, to_char(requested_date, 'YYYY-MM') AS period, sum(qty) AS booked FROM (
          SELECT sku, requested_date, requested_qty AS qty FROM sales_history WHERE order_date < ${`${cycle}-01`}::date
          UNION ALL
          SELECT sku, requested_date, quantity FROM open_orders WHERE order_date < ${`${cycle}-01`}::date) AS o
        WHERE requested_date >= ${`${cycle}-01`}::date AND requested_date < ${`${addPeriods(last, 1)}-01`}::date
        GROUP BY 1, 2)
      SELECT f.sku, i.name, f.period, f.forecast::float8 AS forecast, coalesce(b.booked, 0)::float8 AS booked
      FROM forecast f JOIN items i ON i.sku = f.sku LEFT JOIN booked b ON b.sku = f.sku AND b.period = f.period
      ORDER BY f.sku, f.period`);
    const modelOf = (period: string) => scores[periodsBetween(cycle, period as PeriodKey)]!.model;
    const cells = current.map((c) => ({ ...c, sensed: sense(modelOf(c.period), c.forecast, c.booked) }));
    const months = [...new Set(cells.map((c) => c.period))].sort().map((period) => {
      const own = cells.filter((c) => c.period === period);
      const sum = (f: (c: (typeof cells)[number]) => number) => own.reduce((s, c) => s + f(c), 0);
      return {
        period,
        forecast: sum((c) => c.forecast),
        booked: sum((c) => c.booked),
        sensed: sum((c) => c.sensed),
      };
    });
    return {
      versionId,
      cycle,
      scores,
      months,
      // The SKU-months sensing moves most, in units.
      largest: [...cells]
        .sort((a, b) => Math.abs(b.sensed - b.forecast) - Math.abs(a.sensed - a.forecast))
        .slice(0, SKUS_SHOWN),
    };
  }
}

export type DemandSensing = Awaited<ReturnType<DemandSensingService["sensing"]>>;
