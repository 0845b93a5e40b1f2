// The supply review's measures once actuals exist: production plan attainment (per plant, per
// resource in hours, per SKU) and inventory versus plan (units, value, days of cover, against
// target and safety stock), for closed months. Each month is measured against the plan that was in
// force for it — the newest supply version of the base scenario made in that month's cycle or
// before (committed before approved before draft within a cycle) — so a later re-plan never
// rewrites how last month is judged.

import { addPeriods, type Money, type PeriodKey, periodRange, periodsBetween } from "@fulcrum/domain";
import {
  type AttainmentCell,
  type InventoryObservation,
  inventoryVersusPlan,
  planAttainment,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";
import type { PlanService } from "../plans/plan-service";
import { closedWindow } from "../workspace/closed-months";
import type { WorkspaceService } from "../workspace/workspace-service";

export interface SupplyKpiRequest {
  /** First and last closed month measured; by default the twelve months before the current one. */
  readonly from?: string;
  readonly to?: string;
  /** Share of plan within which a month counts as on plan (0.05 for ±5 %). */
  readonly tolerance?: number;
  /** Only these SKUs (a product group's, for a filtered scorecard); all SKUs without. */
  readonly skus?: ReadonlySet<string>;
  /** Only this plant's production and this location's stock; every location without. */
  readonly location?: string;
}

/** Months of demand after a period that days of cover may draw on. */
const COVER_MONTHS = 6;
/** Inventory rows returned, largest deviation in value first; the totals cover them all. */
const INVENTORY_ROWS = 200;

export class SupplyKpiService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly plans: PlanService,
  ) {}

  async supplyKpis(request: SupplyKpiRequest = {}) {
    const { from, to, tolerance, plans, attainment, inventory } = await this.measure(request);
    return {
      from,
      to,
      tolerance,
      plans,
      attainment: {
        // SKU by SKU, so that one SKU made over plan does not hide another made short (mix
        // attainment); the plants' own figures are volume attainment.
        total: attainment.bySku.total,
        byPlant: attainment.byPlant.byKey,
        byResource: attainment.byResource.byKey,
        // The SKUs furthest below plan first.
        bySku: [...attainment.bySku.byKey]
          .sort((a, b) => (a.attainment ?? 2) - (b.attainment ?? 2))
          .slice(0, 100),
      },
      inventory: {
        total: { ...inventory.total, coverDays: finite(inventory.total.coverDays) },
        positions: inventory.rows.length,
        rows: [...inventory.rows]
          .sort((a, b) => Math.abs(b.deviationValue) - Math.abs(a.deviationValue))
          .slice(0, INVENTORY_ROWS)
          // JSON has no Infinity: unbounded cover (no demand follows) is null.
          .map((r) => ({
            ...r,
            coverDays: finite(r.coverDays),
            plannedCoverDays: finite(r.plannedCoverDays),
          })),
      },
    };
  }

  /**
   * The measures whole, for the use cases built on them (the monitoring exceptions): every SKU's
   * attainment and every inventory observation, with the standard cost per SKU they were valued at.
   */
  async measure(request: SupplyKpiRequest = {}) {
    const company = await this.workspace.company();
    const { from, to } = closedWindow(company, request);
    const tolerance = request.tolerance ?? 0.05;
    if (!(tolerance >= 0 && tolerance <= 1))
      throw new AppError("bad_request", "tolerance must be a share from 0 to 1");
    const periods = periodRange(from, to);
    const scenario = await this.plans.baseScenario(null);
    const db = this.database.db;
    const query = sqlRows(db);

    const versions = await query<{ id: number; cycle: string }>(sql`
      SELECT id, cycle_period AS cycle FROM plan_versions
      WHERE scenario_id = ${scenario} AND kind = 'supply' AND cycle_period IS NOT NULL AND cycle_period <= ${to}
      ORDER BY cycle_period DESC, CASE status WHEN 'committed' THEN 0 WHEN 'approved' THEN 1 ELSE 2 END, number DESC`);
    const plans = periods.map((period) => {
      const version = versions.find((v) => v.cycle <= period);
      return { period, versionId: version?.id ?? null, cyclePeriod: version?.cycle ?? null };
    });
    const covered = plans.filter((p) => p.versionId !== null);
    const pairs = {
      version: covered.map((p) => p.versionId!),
      period: covered.map((p) => p.period),
    };
    const cells = await query<{
      measure: string;
      sku: string;
      location: string;
      period: string;
      value: number;
    }>(sql`
      SELECT v.measure, v.sku, v.location, v.period, sum(v.value)::float8 AS value
      FROM unnest(${pairs.version}::int[], ${pairs.period}::text[]) AS k(version_id, period)
      JOIN plan_values v ON v.version_id = k.version_id AND v.period = k.period
      WHERE v.measure IN ('supply.production', 'inventory.projected', 'inventory.target', 'inventory.safety_stock')
      GROUP BY 1, 2, 3, 4`);
    // Demand after a month comes from the plan in force for that month: keyed by the month measured.
    // What a position's stock has to cover is what the plan draws from it: demand served or lost at a
    // DC, shipments to the DCs from a plant's finished goods, and production's use of a plant's
    // materials — so a plant's stock is not judged as if nothing would ever be taken from it.
    const demandCells = await query<{
      measured: string;
      sku: string;
      location: string;
      period: string;
      value: number;
    }>(sql`
      SELECT k.period AS measured, v.sku, v.location, v.period, sum(v.value)::float8 AS value
      FROM unnest(${pairs.version}::int[], ${pairs.period}::text[]) AS k(version_id, period)
      JOIN plan_values v ON v.version_id = k.version_id
        AND v.measure IN ('supply.served', 'supply.lost_sales', 'supply.shipments', 'supply.consumption')
        AND v.period > k.period
        AND v.period <= to_char(to_date(k.period, 'YYYY-MM') + make_interval(months => ${COVER_MONTHS}), 'YYYY-MM')
      GROUP BY 1, 2, 3, 4`);
    // The stock positions each plan in force carries: a count of anything else (filled bottles the
    // plan treats as phantoms, an item it never planned) has no plan to be judged against.
    const carried = await query<{ period: string; sku: string; location: string }>(sql`
      SELECT DISTINCT k.period, v.sku, v.location
      FROM unnest(${pairs.version}::int[], ${pairs.period}::text[]) AS k(version_id, period)
      JOIN plan_values v ON v.version_id = k.version_id
      WHERE (v.measure LIKE 'supply.%' OR v.measure LIKE 'inventory.%') AND v.location IS NOT NULL`);
    const made = await query<{ sku: string; location: string; period: string; quantity: number }>(sql`
      SELECT sku, location, period, quantity FROM production_actuals WHERE period BETWEEN ${from} AND ${to}`);
    const stock = await query<{ sku: string; location: string; period: string; onHand: number }>(sql`
      SELECT DISTINCT ON (sku, location, to_char(snapshot_date, 'YYYY-MM'))
             sku, location, to_char(snapshot_date, 'YYYY-MM') AS period, on_hand AS "onHand"
      FROM inventory
      WHERE snapshot_date >= ${`${from}-01`}::date AND snapshot_date < ${`${addPeriods(to, 1)}-01`}::date
      ORDER BY sku, location, to_char(snapshot_date, 'YYYY-MM'), snapshot_date DESC`);
    const routings = await query<{
      sku: string;
      location: string;
      resource: string;
      hoursPerUnit: number;
    }>(sql`
      SELECT sku, location, resource, hours_per_unit AS "hoursPerUnit" FROM routings`);
    // Stock is valued as the supply plan values it: the mean standard cost over the SKU's plants.
    const costs = await query<{ sku: string; cost: number }>(sql`
      SELECT sku, avg(cost)::float8 AS cost FROM (
        SELECT DISTINCT ON (sku, location) sku, (material_cost + labour_cost + overhead_cost) AS cost
        FROM standard_costs
        WHERE valid_from <= ${company.asOf}::date AND (valid_to IS NULL OR valid_to >= ${company.asOf}::date)
        ORDER BY sku, location, valid_from DESC) AS current
      GROUP BY sku`);

    const inForce = new Set<string>(covered.map((p) => p.period));
    // Attainment is of finished goods, which is what the plants report making: a plan that makes
    // filled bottles as an intermediate step is not short of plan for the bottles no one counts.
    const finished = new Set(
      (await query<{ sku: string }>(sql`SELECT sku FROM items WHERE item_type = 'finished'`)).map(
        (i) => i.sku,
      ),
    );
    // A filter cuts the cells before any engine sees them, so totals and rows are the cut's own.
    const kept = (sku: string, location: string) =>
      (request.skus === undefined || request.skus.has(sku)) &&
      (request.location === undefined || request.location === location);
    const plannedProduction = cells.filter(
      (c) => c.measure === "supply.production" && finished.has(c.sku) && kept(c.sku, c.location),
    );
    const actualProduction = made.filter(
      (m) => inForce.has(m.period) && finished.has(m.sku) && kept(m.sku, m.location),
    );

    const byKey = (rows: readonly { key: string; period: string; planned: number; actual: number }[]) => {
      const sum = new Map<string, AttainmentCell>();
      for (const r of rows) {
        const id = `${r.key}\u0000${r.period}`;
        const cell = sum.get(id) ?? { key: r.key, period: r.period as PeriodKey, planned: 0, actual: 0 };
        sum.set(id, { ...cell, planned: cell.planned + r.planned, actual: cell.actual + r.actual });
      }
      return [...sum.values()].sort((a, b) => a.key.localeCompare(b.key) || a.period.localeCompare(b.period));
    };
    const quantities = [
      ...plannedProduction.map((c) => ({
        sku: c.sku,
        plant: c.location,
        period: c.period,
        planned: c.value,
        actual: 0,
      })),
      ...actualProduction.map((m) => ({
        sku: m.sku,
        plant: m.location,
        period: m.period,
        planned: 0,
        actual: m.quantity,
      })),
    ];
    const hoursPer = new Map<string, { resource: string; hoursPerUnit: number }[]>();
    for (const r of routings) {
      const key = `${r.sku}@${r.location}`;
      hoursPer.set(key, [...(hoursPer.get(key) ?? []), r]);
    }
    const hours = quantities.flatMap((q) =>
      (hoursPer.get(`${q.sku}@${q.plant}`) ?? []).map((r) => ({
        key: r.resource,
        period: q.period,
        planned: q.planned * r.hoursPerUnit,
        actual: q.actual * r.hoursPerUnit,
      })),
    );

    const cell = (measure: string) =>
      new Map(
        cells
          .filter((c) => c.measure === measure)
          .map((c) => [`${c.sku}@${c.location}\u0000${c.period}`, c.value]),
      );
    const projected = cell("inventory.projected");
    const target = cell("inventory.target");
    const safety = cell("inventory.safety_stock");
    const demandAfter = new Map<string, number[]>();
    for (const d of demandCells) {
      const key = `${d.sku}@${d.location}\u0000${d.measured}`;
      const list = demandAfter.get(key) ?? new Array<number>(COVER_MONTHS).fill(0);
      list[periodsBetween(d.measured as PeriodKey, d.period as PeriodKey) - 1]! += d.value;
      demandAfter.set(key, list);
    }
    const unitCost = new Map(costs.map((c) => [c.sku, c.cost]));
    const planned = new Set(carried.map((c) => `${c.sku}@${c.location}\u0000${c.period}`));
    const observations: InventoryObservation[] = stock
      .filter((s) => planned.has(`${s.sku}@${s.location}\u0000${s.period}`) && kept(s.sku, s.location))
      .map((s) => {
        const key = `${s.sku}@${s.location}`;
        const id = `${key}\u0000${s.period}`;
        return {
          key,
          period: s.period as PeriodKey,
          actual: s.onHand,
          planned: projected.get(id) ?? 0,
          target: target.get(id) ?? 0,
          safetyStock: safety.get(id) ?? 0,
          unitCost: Math.round(unitCost.get(s.sku) ?? 0) as Money,
          demandAfter: demandAfter.get(id) ?? [],
        };
      });
    const inventory = inventoryVersusPlan(observations, {
      daysPerPeriod: company.bucket === "month" ? 30 : 7,
      tolerance,
    });
    const attainment = {
      byPlant: planAttainment(byKey(quantities.map((q) => ({ ...q, key: q.plant }))), tolerance),
      byResource: planAttainment(byKey(hours), tolerance),
      bySku: planAttainment(byKey(quantities.map((q) => ({ ...q, key: q.sku }))), tolerance),
    };
    return { from, to, tolerance, plans, attainment, inventory, observations, unitCost };
  }
}

export type SupplyKpis = Awaited<ReturnType<SupplyKpiService["supplyKpis"]>>;

const finite = (days: number) => (Number.isFinite(days) ? days : null);
