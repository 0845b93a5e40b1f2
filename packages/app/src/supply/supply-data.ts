// Everything a supply plan is assembled from, read from the database in the catalogue's own terms
// (rows as imported, money in minor units) so that the assembly rules can stay pure and be tested
// with literal data. Only rows valid at the company's as-of date are read.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";
import { responsesInForce, type SupplierResponseInForce } from "../suppliers/supplier-responses";

export interface DemandCell {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: PeriodKey;
  readonly quantity: number;
  /** The forecast's band, when the version has one for this cell. */
  readonly p10: number | null;
  readonly p90: number | null;
}

export interface SupplyData {
  readonly periods: readonly PeriodKey[];
  readonly daysPerPeriod: number;
  readonly demandVersion: { readonly id: number; readonly measure: string };
  readonly demand: readonly DemandCell[];
  /** Units requested per SKU, location and segment over the last 12 closed months. */
  readonly demandMix: readonly { sku: string; location: string; segment: string; quantity: number }[];
  readonly items: readonly { sku: string; itemType: string }[];
  readonly locations: readonly { code: string; type: "plant" | "dc"; region: string }[];
  readonly segments: readonly { code: string; priority: number }[];
  readonly inventory: readonly { sku: string; location: string; onHand: number }[];
  /** Purchase-order lines open at the as-of date: ordered by then and not yet received. */
  readonly openOrders: readonly { sku: string; location: string; promisedDate: string; quantity: number }[];
  readonly prices: readonly { sku: string; segment: string | null; unitPrice: number }[];
  readonly standardCosts: readonly {
    sku: string;
    location: string;
    material: number;
    labour: number;
    overhead: number;
  }[];
  readonly resources: readonly {
    code: string;
    location: string;
    regularCostPerHour: number;
    overtimeCostPerHour: number;
  }[];
  readonly capacity: readonly {
    resource: string;
    period: string;
    regularHours: number;
    overtimeHours: number;
  }[];
  readonly routings: readonly { sku: string; location: string; resource: string; hoursPerUnit: number }[];
  readonly bom: readonly { parent: string; component: string; qtyPer: number; scrapPct: number | null }[];
  readonly suppliers: readonly { code: string; paymentTermsDays: number }[];
  readonly supplierItems: readonly {
    supplier: string;
    sku: string;
    leadTimeDays: number;
    capacityPerPeriod: number | null;
    unitCost: number;
  }[];
  /**
   * The suppliers' responses in force for the horizon (the latest per supplier, SKU and period;
   * see suppliers/supplier-responses.ts): their word replaces the imported capacity and lead time.
   */
  readonly supplierResponses: readonly SupplierResponseInForce[];
  readonly serviceTargets: readonly {
    segment: string | null;
    sku: string | null;
    targetPct: number;
    measure: "cycle" | "fill_rate";
  }[];
}

/** The demand layer a supply plan follows: the consensus when the version has one. */
const DEMAND_MEASURES = ["demand.consensus", "demand.statistical"] as const;

/**
 * Reads the scenario's latest demand version and the supply master data for `horizon` periods from
 * the cycle period `currentPeriod`, valid at `asOf`. A past cycle (`pastCycle`) is planned from that
 * cycle's own approved demand plan, not a later one; the current cycle from the newest demand
 * version made for it or later. Fails with not_found when there is no such demand version.
 */
export async function loadSupplyData(
  database: Database,
  input: {
    scenarioId: number;
    currentPeriod: PeriodKey;
    asOf: string;
    bucket: "month" | "week";
    horizon: number;
    pastCycle?: boolean;
  },
): Promise<SupplyData> {
  const db = database.db;
  const query = sqlRows(db);
  const versions = db
    .selectFrom("plan_versions")
    .select("id")
    .where("scenario_id", "=", input.scenarioId)
    .where("kind", "=", "demand")
    .orderBy("number", "desc");
  const version = await (input.pastCycle
    ? // What the cycle's demand review agreed on then.
      versions
        .where("cycle_period", "=", input.currentPeriod)
        .where("status", "in", ["approved", "committed"])
    : // A past cycle's plan does not reach this cycle's horizon.
      versions.where((eb) =>
        eb.or([eb("cycle_period", "is", null), eb("cycle_period", ">=", input.currentPeriod)]),
      )
  ).executeTakeFirst();
  if (!version)
    throw new AppError(
      "not_found",
      input.pastCycle
        ? `scenario ${input.scenarioId} has no approved demand plan for the past ${input.currentPeriod} cycle`
        : `scenario ${input.scenarioId} has no demand plan for the ${input.currentPeriod} cycle yet: run the statistical forecast first`,
    );
  const periods = periodRange(input.currentPeriod, addPeriods(input.currentPeriod, input.horizon - 1));
  const last = periods.at(-1)!;
  const layers = await query<{ measure: string }>(sql`
    SELECT DISTINCT measure FROM plan_values WHERE version_id = ${version.id} AND measure IN ('demand.consensus', 'demand.statistical')`);
  const measure = DEMAND_MEASURES.find((m) => layers.some((l) => l.measure === m)) ?? "demand.statistical";
  const demand = await query<DemandCell>(sql`
    SELECT sku, location, segment, period,
           max(value) FILTER (WHERE measure = ${measure}) AS quantity,
           max(value) FILTER (WHERE measure = 'demand.statistical.p10') AS p10,
           max(value) FILTER (WHERE measure = 'demand.statistical.p90') AS p90
    FROM plan_values
    WHERE version_id = ${version.id} AND period BETWEEN ${input.currentPeriod} AND ${last}
      AND measure IN (${measure}, 'demand.statistical.p10', 'demand.statistical.p90')
    GROUP BY sku, location, segment, period
    HAVING max(value) FILTER (WHERE measure = ${measure}) IS NOT NULL`);
  const from = `${addPeriods(input.currentPeriod, -12)}-01`;
  const to = `${input.currentPeriod}-01`;
  const asOf = input.asOf;
  const valid = (table: string) =>
    sql.raw(
      `${table}.valid_from <= '${asOf}'::date AND (${table}.valid_to IS NULL OR ${table}.valid_to >= '${asOf}'::date)`,
    );
  return {
    periods,
    daysPerPeriod: input.bucket === "month" ? 30 : 7,
    demandVersion: { id: version.id, measure },
    demand,
    demandMix: await query(sql`
      SELECT h.sku, h.location, c.segment, sum(h.requested_qty)::float8 AS quantity
      FROM sales_history h JOIN customers c ON c.code = h.customer
      WHERE h.requested_date >= ${from}::date AND h.requested_date < ${to}::date
      GROUP BY 1, 2, 3`),
    items: await query(sql`SELECT sku, item_type AS "itemType" FROM items ORDER BY sku`),
    locations: await query(sql`SELECT code, location_type AS type, region FROM locations ORDER BY code`),
    segments: await query(sql`SELECT code, priority FROM segments ORDER BY priority, code`),
    inventory: await query(sql`
      SELECT DISTINCT ON (sku, location) sku, location, on_hand AS "onHand"
      FROM inventory WHERE snapshot_date <= ${asOf}::date
      ORDER BY sku, location, snapshot_date DESC`),
    // A line's one receipt closes it, short or not; until then all it promised is still to come
    // (a line received after the as-of date had received nothing by it).
    openOrders: await query(sql`
      SELECT sku, location, to_char(promised_date, 'YYYY-MM-DD') AS "promisedDate",
             promised_qty AS quantity
      FROM supplier_receipts
      WHERE order_date <= ${asOf}::date AND (received_date IS NULL OR received_date > ${asOf}::date)
        AND promised_qty > 0
      ORDER BY sku, location, promised_date, po_id, line`),
    prices: await query(sql`
      SELECT DISTINCT ON (sku, segment) sku, segment, unit_price::float8 AS "unitPrice"
      FROM prices WHERE ${valid("prices")} ORDER BY sku, segment, valid_from DESC`),
    standardCosts: await query(sql`
      SELECT DISTINCT ON (sku, location) sku, location, material_cost::float8 AS material,
             labour_cost::float8 AS labour, overhead_cost::float8 AS overhead
      FROM standard_costs WHERE ${valid("standard_costs")} ORDER BY sku, location, valid_from DESC`),
    resources: await query(sql`
      SELECT code, location, regular_cost_per_hour::float8 AS "regularCostPerHour",
             overtime_cost_per_hour::float8 AS "overtimeCostPerHour"
      FROM resources ORDER BY code`),
    capacity: await query(sql`
      SELECT resource, period, regular_hours AS "regularHours", overtime_hours AS "overtimeHours"
      FROM resource_capacity WHERE period BETWEEN ${input.currentPeriod} AND ${last}`),
    routings: await query(sql`
      SELECT sku, location, resource, hours_per_unit AS "hoursPerUnit" FROM routings ORDER BY sku, location, step`),
    bom: await query(sql`
      SELECT parent_sku AS parent, component_sku AS component, qty_per AS "qtyPer", scrap_pct::float8 AS "scrapPct"
      FROM bom ORDER BY parent_sku, component_sku`),
    suppliers: await query(
      sql`SELECT code, payment_terms_days AS "paymentTermsDays" FROM suppliers ORDER BY code`,
    ),
    supplierItems: await query(sql`
      SELECT supplier, sku, lead_time_days AS "leadTimeDays", capacity_per_period AS "capacityPerPeriod",
             unit_cost::float8 AS "unitCost"
      FROM supplier_items ORDER BY sku, unit_cost, supplier`),
    // A past cycle plans with the suppliers' word as it stood when the cycle began.
    supplierResponses: await responsesInForce(
      db,
      input.currentPeriod,
      last,
      undefined,
      input.pastCycle ? asOf : undefined,
    ),
    serviceTargets: await query(sql`
      SELECT segment, sku, target_pct::float8 AS "targetPct", measure FROM service_level_targets`),
  };
}
