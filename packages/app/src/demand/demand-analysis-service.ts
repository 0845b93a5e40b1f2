// Demand analysis of any node of the product hierarchy, for all customers or one segment: the
// monthly demand of the last three closed years, its seasonal profile and trend, its mix by customer
// segment, channel and region over the last twelve months, and the SKUs or customers that drive a
// change — the last twelve months against the twelve before, or a demand version's plan against
// the same months last year. Demand is what customers asked for (requested quantity in the
// requested month), as the forecast learns it. The maths is in engines/demand-analysis.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import {
  type ChangeDrivers,
  changeDrivers,
  type DemandTrend,
  demandMix,
  demandTrend,
  type MixShare,
  type SeasonalProfile,
  seasonalProfile,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";
import type { WorkspaceService } from "../workspace/workspace-service";
import { type DemandNode, describeNode, skuBelow } from "./demand-node";

/** Closed months of history read: three years, the most a seasonal profile averages. */
const HISTORY_MONTHS = 36;
/** Drivers listed before the rest are added into one row. */
const DRIVERS_SHOWN = 20;

export type DriverLevel = "sku" | "customer";
export type DriverComparison = "year-over-year" | "plan-vs-last-year";

export interface DemandAnalysisRequest {
  readonly node: DemandNode;
  /** One customer segment's demand; every customer when omitted. */
  readonly segment?: string | null;
  /** Rank SKUs (default) or customers as drivers. */
  readonly by?: DriverLevel;
  readonly compare?: DriverComparison;
  /** The demand version whose plan is compared with last year (`plan-vs-last-year`). */
  readonly versionId?: number;
}

export interface NamedMixShare extends MixShare {
  readonly name: string;
}

export interface DemandAnalysis {
  readonly node: { readonly kind: DemandNode["kind"]; readonly code: string | null; readonly name: string };
  readonly segment: string | null;
  /** The current period: history runs to the month before. */
  readonly asOf: string;
  readonly history: { readonly periods: readonly string[]; readonly values: readonly number[] };
  readonly profile: SeasonalProfile;
  readonly trend: DemandTrend;
  /** Over the last twelve closed months. */
  readonly mix: {
    readonly segment: readonly NamedMixShare[];
    readonly channel: readonly NamedMixShare[];
    readonly region: readonly NamedMixShare[];
  };
  readonly drivers: ChangeDrivers & {
    readonly compare: DriverComparison;
    readonly by: DriverLevel;
    readonly beforeRange: { readonly from: string; readonly to: string };
    readonly afterRange: { readonly from: string; readonly to: string };
    readonly names: Readonly<Record<string, string>>;
  };
}

export class DemandAnalysisService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
  ) {}

  async analysis(request: DemandAnalysisRequest): Promise<DemandAnalysis> {
    const db = this.database.db;
    const query = sqlRows(db);
    const segment = request.segment ?? null;
    const by = request.by ?? "sku";
    const compare = request.compare ?? "year-over-year";
    const { name } = await describeNode(db, request.node);
    if (segment !== null) {
      const known = await sql`SELECT 1 FROM segments WHERE code = ${segment}`.execute(db);
      if (known.rows.length === 0) throw new AppError("bad_request", `no customer segment ${segment}`);
    }
    const asOf = (await this.workspace.company()).currentPeriod as PeriodKey;
    const last = addPeriods(asOf, -1);
    const periods = periodRange(addPeriods(asOf, -HISTORY_MONTHS), last);
    // Finished SKUs below the node, and the segment's customers when one is asked for.
    const demand = (from: PeriodKey, to: PeriodKey) => sql`
      FROM sales_history h JOIN items i ON i.sku = h.sku AND i.item_type = 'finished'
        JOIN customers c ON c.code = h.customer
      WHERE h.requested_date >= ${`${from}-01`}::date AND h.requested_date < ${`${addPeriods(to, 1)}-01`}::date
        AND ${skuBelow(request.node, sql.ref("h.sku"))}
        AND (${segment}::text IS NULL OR c.segment = ${segment})`;

    const monthly = await query<{ period: string; qty: number }>(sql`
      SELECT to_char(h.requested_date, 'YYYY-MM') AS period, sum(h.requested_qty)::float8 AS qty
      ${demand(periods[0]!, last)} GROUP BY 1`);
    const byPeriod = new Map(monthly.map((r) => [r.period, r.qty]));
    const all = periods.map((p) => byPeriod.get(p) ?? 0);
    // A node whose demand starts inside the window (a launch) is read from its first month.
    const first = Math.max(
      0,
      all.findIndex((v) => v > 0),
    );
    const series = { start: periods[first]!, values: all.slice(first) };
    const profile = seasonalProfile(series);

    const yearAgo = addPeriods(asOf, -12);
    const mixRows = await query<{ segment: string; channel: string; region: string; qty: number }>(sql`
      SELECT c.segment, c.channel, c.region, sum(h.requested_qty)::float8 AS qty
      ${demand(yearAgo, last)}
      GROUP BY 1, 2, 3`);
    const segmentNames = new Map(
      (await query<{ code: string; name: string }>(sql`SELECT code, name FROM segments`)).map((r) => [
        r.code,
        r.name,
      ]),
    );
    const mixOf = (key: (r: (typeof mixRows)[number]) => string, names?: Map<string, string>) =>
      demandMix(mixRows.map((r) => ({ key: key(r), quantity: r.qty }))).map((m) => ({
        ...m,
        name: names?.get(m.key) ?? m.key,
      }));

    const drivers = await this.drivers(request, { by, compare, asOf, segment, demand });
    return {
      node: {
        kind: request.node.kind,
        code: request.node.kind === "all" ? null : request.node.code,
        name,
      },
      segment,
      asOf,
      history: { periods, values: all },
      profile,
      trend: demandTrend(series, profile),
      mix: {
        segment: mixOf((r) => r.segment, segmentNames),
        channel: mixOf((r) => r.channel),
        region: mixOf((r) => r.region),
      },
      drivers,
    };
  }

  private async drivers(
    request: DemandAnalysisRequest,
    context: {
      by: DriverLevel;
      compare: DriverComparison;
      asOf: PeriodKey;
      segment: string | null;
      demand: (from: PeriodKey, to: PeriodKey) => ReturnType<typeof sql>;
    },
  ): Promise<DemandAnalysis["drivers"]> {
    const query = sqlRows(this.database.db);
    const { by, compare, asOf, demand } = context;
    const key = by === "sku" ? sql`h.sku` : sql`h.customer`;
    const keyName = by === "sku" ? sql`i.name` : sql`c.name`;
    type Row = { key: string; name: string; before: number; after: number };
    let rows: Row[];
    let beforeRange: { from: PeriodKey; to: PeriodKey };
    let afterRange: { from: PeriodKey; to: PeriodKey };
    if (compare === "year-over-year") {
      afterRange = { from: addPeriods(asOf, -12), to: addPeriods(asOf, -1) };
      beforeRange = { from: addPeriods(asOf, -24), to: addPeriods(asOf, -13) };
      rows = await query<Row>(sql`
        SELECT ${key} AS key, min(${keyName}) AS name,
               coalesce(sum(h.requested_qty) FILTER (WHERE h.requested_date < ${`${afterRange.from}-01`}::date), 0)::float8 AS before,
               coalesce(sum(h.requested_qty) FILTER (WHERE h.requested_date >= ${`${afterRange.from}-01`}::date), 0)::float8 AS after
        ${demand(beforeRange.from, afterRange.to)} GROUP BY 1`);
    } else {
      if (request.versionId === undefined)
        throw new AppError("bad_request", "comparing the plan with last year needs a versionId");
      // The plan is per SKU (and location or segment only when forecast at that level): it has no
      // customers, and a segment's share of a SKU-level plan is not known.
      if (by === "customer" || context.segment !== null)
        throw new AppError(
          "bad_request",
          "the plan is compared with last year by SKU, for every segment: it has no customers",
        );
      const version = await this.database.db
        .selectFrom("plan_versions")
        .select(["kind", "cycle_period"])
        .where("id", "=", request.versionId)
        .executeTakeFirst();
      if (version?.kind !== "demand" || version.cycle_period === null)
        throw new AppError("not_found", `no demand version ${request.versionId} of a cycle`);
      const cycle = version.cycle_period as PeriodKey;
      afterRange = { from: cycle, to: addPeriods(cycle, 11) };
      beforeRange = { from: addPeriods(cycle, -12), to: addPeriods(cycle, -1) };
      rows = await query<Row>(sql`
        WITH plan AS (
          SELECT sku, sum(units) AS units FROM (
            SELECT v.sku, v.period,
                   coalesce(sum(v.value) FILTER (WHERE v.measure = 'demand.consensus'),
                            sum(v.value) FILTER (WHERE v.measure = 'demand.statistical')) AS units
            FROM plan_values v
            WHERE v.version_id = ${request.versionId} AND v.period BETWEEN ${afterRange.from} AND ${afterRange.to}
              AND v.measure IN ('demand.consensus', 'demand.statistical')
              AND ${skuBelow(request.node, sql.ref("v.sku"))}
            GROUP BY v.sku, v.period) cells
          GROUP BY sku),
        history AS (
          SELECT h.sku, sum(h.requested_qty) AS qty ${demand(beforeRange.from, beforeRange.to)} GROUP BY 1)
        SELECT k.sku AS key, i.name, coalesce(history.qty, 0)::float8 AS before, coalesce(plan.units, 0)::float8 AS after
        FROM (SELECT sku FROM plan UNION SELECT sku FROM history) k
          JOIN items i ON i.sku = k.sku
          LEFT JOIN plan ON plan.sku = k.sku LEFT JOIN history ON history.sku = k.sku`);
    }
    const result = changeDrivers(rows, DRIVERS_SHOWN);
    const shown = new Set(result.drivers.map((d) => d.key));
    return {
      ...result,
      compare,
      by,
      beforeRange,
      afterRange,
      names: Object.fromEntries(rows.filter((r) => shown.has(r.key)).map((r) => [r.key, r.name])),
    };
  }
}
