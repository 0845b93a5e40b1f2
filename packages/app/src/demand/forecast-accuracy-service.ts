// Forecast accuracy and forecast value added of the demand review, from the cycles' snapshots:
// for each closed month, the plan approved `lag` cycles before it (lag 1: the cycle of the month
// before) against what customers asked for that month, at the SKU level, any product-group level
// or the company total — per step of the review (naive, statistical, sales, marketing, product,
// consensus), per person and per person over time, and the series whose consensus is persistently
// biased.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import {
  forecastValueAdded,
  type SnapshotCell,
  seasonalNaiveScale,
  stepForecasts,
  trackingSignal,
  valueAddedByPerson,
  valueAddedOverTime,
  wapeByPeriod,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";
import { closedWindow } from "../workspace/closed-months";
import type { WorkspaceService } from "../workspace/workspace-service";

/** The review steps, for the layers above that may not import the engines. */
export { FVA_STEPS } from "@fulcrum/engines";

export interface AccuracyRequest {
  /** Cycles between the plan and the month it planned (1 = planned the month before). */
  readonly lag?: number;
  /** "sku", "all", or a product-group level such as "family" or "brand". */
  readonly level?: string;
  readonly from?: string;
  readonly to?: string;
  /** Only these SKUs' cells (a product group's, for a filtered scorecard); all SKUs without. */
  readonly skus?: ReadonlySet<string>;
}

/** |tracking signal| above this flags a biased series (the planners' rule of thumb). */
export const TRACKING_SIGNAL_LIMIT = 4;
/** Months of history before the window that scale MASE. */
const SCALE_MONTHS = 24;
const SERIES_SHOWN = 50;

export class ForecastAccuracyService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
  ) {}

  async accuracy(request: AccuracyRequest = {}) {
    const { lag, level, from, to, months, scored, groupOf, scaleOf } = await this.measure(request);
    const options = { groupOf, scaleOf };
    return {
      lag,
      level,
      from,
      to,
      months,
      cells: scored.length,
      steps: forecastValueAdded(scored, options),
      trend: wapeByPeriod(scored, options),
      people: valueAddedByPerson(scored),
      // Each person's FVA cycle by cycle: the month measured and the cycle that planned it.
      peopleTrend: valueAddedOverTime(scored).map((p) => ({
        ...p,
        periods: p.periods.map((point) => ({ ...point, cycle: addPeriods(point.period as PeriodKey, -lag) })),
      })),
      biasedSeries: biasedSeries(scored, groupOf),
    };
  }

  /**
   * The snapshot cells measured — each SKU's plan for a closed month as it stood `lag` cycles
   * before, with that month's demand — for the use cases built on them (the monitoring exceptions).
   */
  async measure(request: AccuracyRequest = {}) {
    const company = await this.workspace.company();
    const lag = request.lag ?? 1;
    if (!Number.isInteger(lag) || lag < 0 || lag > 12)
      throw new AppError("bad_request", "lag must be a whole number of cycles from 0 to 12");
    const level = request.level ?? "sku";
    const { from, to } = closedWindow(company, request);
    const periods = periodRange(from, to);
    const db = this.database.db;
    const query = sqlRows(db);

    const groupOf = await this.grouping(level);
    const cycles = periods.map((p) => addPeriods(p, -lag));
    const snapshots = await query<{ id: number; cycle: string }>(sql`
      SELECT DISTINCT ON (cycle_period) id, cycle_period AS cycle FROM demand_snapshots
      WHERE cycle_period = ANY(${cycles}::text[]) ORDER BY cycle_period, id DESC`);
    const snapshotOf = new Map(snapshots.map((s) => [s.cycle, s.id]));
    const months = periods.map((period, i) => ({
      period,
      cycle: cycles[i]!,
      snapshotId: snapshotOf.get(cycles[i]!) ?? null,
    }));
    const measured = months.filter((m) => m.snapshotId !== null);

    const values = await query<{
      period: string;
      sku: string;
      layer: string;
      value: number;
      editor: string | null;
    }>(sql`
      SELECT k.period, v.sku, v.layer, v.value, u.display_name AS editor
      FROM unnest(${measured.map((m) => m.snapshotId!)}::int[], ${measured.map((m) => m.period)}::text[]) AS k(snapshot_id, period)
      JOIN demand_snapshot_values v ON v.snapshot_id = k.snapshot_id AND v.period = k.period
      LEFT JOIN users u ON u.id = v.editor`);
    const historyFrom = addPeriods(from, -Math.max(SCALE_MONTHS, lag + 1));
    const demand = await query<{ sku: string; period: string; quantity: number }>(sql`
      SELECT h.sku, to_char(h.requested_date, 'YYYY-MM') AS period, sum(h.requested_qty)::float8 AS quantity
      FROM sales_history h JOIN items i ON i.sku = h.sku
      WHERE i.item_type = 'finished'
        AND h.requested_date >= ${`${historyFrom}-01`}::date AND h.requested_date < ${`${addPeriods(to, 1)}-01`}::date
      GROUP BY 1, 2`);
    const demandOf = new Map(demand.map((d) => [`${d.sku}\u0000${d.period}`, d.quantity]));
    const actual = (sku: string, period: string) => demandOf.get(`${sku}\u0000${period}`) ?? 0;

    const cells = new Map<string, { -readonly [K in keyof SnapshotCell]: SnapshotCell[K] }>();
    for (const v of values) {
      const id = `${v.sku}\u0000${v.period}`;
      let cell = cells.get(id);
      if (!cell) {
        const cycle = addPeriods(v.period as PeriodKey, -lag);
        cell = {
          key: v.sku,
          period: v.period as PeriodKey,
          actual: actual(v.sku, v.period),
          // The last closed month when the plan was made.
          naive: actual(v.sku, addPeriods(cycle, -1)),
          statistical: Number.NaN,
          sales: null,
          marketing: null,
          product: null,
          consensus: null,
          editors: {},
        };
        cells.set(id, cell);
      }
      const layer = v.layer as "statistical" | "sales" | "marketing" | "product" | "consensus";
      cell[layer] = v.value;
      if (layer !== "statistical") cell.editors = { ...cell.editors, [layer]: v.editor };
    }
    // A SKU the statistical forecast did not cover (launched after it) has no baseline to add to.
    const scored = [...cells.values()].filter(
      (c) => !Number.isNaN(c.statistical) && (request.skus === undefined || request.skus.has(c.key)),
    ) as SnapshotCell[];

    const history = new Map<string, number[]>();
    const before = periodRange(addPeriods(from, -SCALE_MONTHS), addPeriods(from, -1));
    for (const sku of new Set(scored.map((c) => c.key))) {
      const group = groupOf(sku);
      const series = history.get(group) ?? new Array<number>(before.length).fill(0);
      before.forEach((p, t) => {
        series[t]! += actual(sku, p);
      });
      history.set(group, series);
    }
    const scaleOf = (group: string) => {
      const series = history.get(group);
      return series && series.length > 12 ? seasonalNaiveScale(series, 12) : 0;
    };

    return { lag, level, from, to, months, scored, groupOf, scaleOf };
  }

  /** The series a SKU belongs to at the level asked for. */
  private async grouping(level: string): Promise<(sku: string) => string> {
    if (level === "sku") return (sku) => sku;
    if (level === "all") return () => "all";
    const { rows: groups } = await sql<{ code: string; level: string; parent: string | null }>`
      SELECT code, level, parent_code AS parent FROM product_groups`.execute(this.database.db);
    if (!groups.some((g) => g.level === level))
      throw new AppError(
        "bad_request",
        `no product-group level ${level}; use sku, all, or one of ${[...new Set(groups.map((g) => g.level))].join(", ")}`,
      );
    const byCode = new Map(groups.map((g) => [g.code, g]));
    const { rows: items } = await sql<{ sku: string; group: string | null }>`
      SELECT sku, group_code AS group FROM items`.execute(this.database.db);
    const groupOf = new Map<string, string>();
    for (const item of items) {
      let node = item.group ? byCode.get(item.group) : undefined;
      while (node && node.level !== level) node = node.parent ? byCode.get(node.parent) : undefined;
      groupOf.set(item.sku, node?.code ?? "(none)");
    }
    return (sku) => groupOf.get(sku) ?? "(none)";
  }
}

/**
 * The level's series whose consensus was biased the same way month after month: at least three
 * months measured and |tracking signal| > TRACKING_SIGNAL_LIMIT, largest absolute bias first.
 */
function biasedSeries(cells: readonly SnapshotCell[], groupOf: (sku: string) => string) {
  const series = new Map<string, Map<string, { actual: number; forecast: number }>>();
  for (const cell of cells) {
    const group = groupOf(cell.key);
    const months = series.get(group) ?? new Map<string, { actual: number; forecast: number }>();
    const m = months.get(cell.period) ?? { actual: 0, forecast: 0 };
    months.set(cell.period, {
      actual: m.actual + cell.actual,
      forecast: m.forecast + stepForecasts(cell).consensus,
    });
    series.set(group, months);
  }
  return [...series]
    .map(([key, months]) => {
      const rows = [...months.values()];
      const actual = rows.map((r) => r.actual);
      const forecast = rows.map((r) => r.forecast);
      const biasUnits = forecast.reduce((s, f, i) => s + f - actual[i]!, 0);
      return { key, months: rows.length, biasUnits, trackingSignal: trackingSignal(actual, forecast) };
    })
    .filter((s) => s.months >= 3 && Math.abs(s.trackingSignal) > TRACKING_SIGNAL_LIMIT)
    .sort((a, b) => Math.abs(b.biasUnits) - Math.abs(a.biasUnits))
    .slice(0, SERIES_SHOWN);
}

export type ForecastAccuracy = Awaited<ReturnType<ForecastAccuracyService["accuracy"]>>;
