// Reading the suppliers' responses: the ones in force (the latest per supplier, SKU and period —
// the table is append-only, so a later answer supersedes an earlier one without changing it) and
// the planner's history of what changed, each answer against what was in force before it.

import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";

export const RESPONSE_STATUSES = ["confirmed", "counter"] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** A supplier's word for one SKU and receipt period, as the next supply run uses it. */
export interface SupplierResponseInForce {
  /** bigint id, as a string. */
  readonly id: string;
  readonly supplier: string;
  readonly sku: string;
  readonly period: string;
  /** Units it can deliver for receipt in the period. */
  readonly capacity: number;
  readonly leadTimeDays: number;
  readonly status: ResponseStatus;
  readonly comment: string;
  readonly respondedAt: string;
}

/**
 * The latest response per supplier, SKU and period for periods first…last, for supplier items
 * that still exist (a response to an item no longer imported has nothing to constrain); with
 * `knownBy` (an ISO date), only the responses given by the end of that day.
 */
export async function responsesInForce(
  db: Kysely<Schema>,
  first: string,
  last: string,
  supplier?: string,
  knownBy?: string,
): Promise<SupplierResponseInForce[]> {
  const only = supplier === undefined ? sql`` : sql`AND r.supplier = ${supplier}`;
  const known = knownBy === undefined ? sql`` : sql`AND r.responded_at < ${knownBy}::date + 1`;
  const { rows } = await sql<SupplierResponseInForce & { respondedAt: Date }>`
    SELECT DISTINCT ON (r.supplier, r.sku, r.period)
           r.id::text AS id, r.supplier, r.sku, r.period, r.confirmed_capacity AS capacity,
           r.confirmed_lead_time_days AS "leadTimeDays", r.status, r.comment, r.responded_at AS "respondedAt"
    FROM supplier_responses r
    JOIN supplier_items i ON i.supplier = r.supplier AND i.sku = r.sku
    WHERE r.period BETWEEN ${first} AND ${last} ${only} ${known}
    ORDER BY r.supplier, r.sku, r.period, r.id DESC`.execute(db);
  return rows.map((r) => ({ ...r, respondedAt: new Date(r.respondedAt).toISOString() }));
}

/** One response as the supply planner reviews it: what the supplier changed, and whether a run used it. */
export interface SupplierResponseChange {
  readonly id: string;
  readonly supplier: string;
  readonly supplierName: string;
  readonly sku: string;
  readonly period: string;
  readonly status: ResponseStatus;
  /** What the plan asked for (units received in the period), when the response was given. */
  readonly requestedQuantity: number;
  /** In force before this response: the previous response, else the imported figure (null = unlimited). */
  readonly oldCapacity: number | null;
  readonly newCapacity: number;
  readonly oldLeadTimeDays: number;
  readonly newLeadTimeDays: number;
  readonly comment: string;
  readonly respondedBy: string;
  readonly respondedAt: string;
  /** The run the response answered, if any. */
  readonly runId: number | null;
  /** False once a later response for the same SKU and period replaced it. */
  readonly inForce: boolean;
  /** The first finished supply run that planned with it; null while none has. */
  readonly usedByRunId: number | null;
}

/** Every response, newest first (at most `limit`), with the figures it replaced. */
export async function responseChanges(db: Kysely<Schema>, limit: number): Promise<SupplierResponseChange[]> {
  const { rows } = await sql<Omit<SupplierResponseChange, "respondedAt"> & { respondedAt: Date }>`
    WITH history AS (
      SELECT r.*,
             lag(r.confirmed_capacity) OVER w AS prev_capacity,
             lag(r.confirmed_lead_time_days) OVER w AS prev_lead_time,
             lag(r.id) OVER w AS prev_id,
             lead(r.id) OVER w AS next_id
      FROM supplier_responses r
      WINDOW w AS (PARTITION BY r.supplier, r.sku, r.period ORDER BY r.id)
    )
    SELECT h.id::text AS id, h.supplier, s.name AS "supplierName", h.sku, h.period, h.status,
           h.requested_quantity AS "requestedQuantity",
           CASE WHEN h.prev_id IS NULL THEN i.capacity_per_period ELSE h.prev_capacity END AS "oldCapacity",
           h.confirmed_capacity AS "newCapacity",
           coalesce(CASE WHEN h.prev_id IS NULL THEN i.lead_time_days ELSE h.prev_lead_time END, 0) AS "oldLeadTimeDays",
           h.confirmed_lead_time_days AS "newLeadTimeDays",
           h.comment, u.display_name AS "respondedBy", h.responded_at AS "respondedAt", h.run_id AS "runId",
           h.next_id IS NULL AS "inForce",
           (SELECT min(rr.run_id) FROM supply_run_responses rr JOIN supply_runs sr ON sr.id = rr.run_id
            WHERE rr.response_id = h.id AND sr.status = 'finished') AS "usedByRunId"
    FROM history h
    JOIN suppliers s ON s.code = h.supplier
    JOIN users u ON u.id = h.responded_by
    LEFT JOIN supplier_items i ON i.supplier = h.supplier AND i.sku = h.sku
    ORDER BY h.id DESC
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, respondedAt: new Date(r.respondedAt).toISOString() }));
}
