// Writes many plan cells and their audit rows in one set-based statement. A spread at the top
// of the hierarchy changes every SKU-month below it; doing that one row at a time (as the cell
// editor in plan-service.ts does) would take minutes for a large company.

import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";

export interface CellWrite {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
  readonly oldValue: number | null;
  /** The new value; null removes the cell. */
  readonly newValue: number | null;
  /** The change this write undoes, for the audit trail. */
  readonly reverts?: number | null;
}

export interface WriteContext {
  readonly versionId: number;
  readonly measure: string;
  readonly editId: number | null;
  readonly userId: number;
  readonly at: Date;
  readonly reason: string;
  readonly comment: string;
}

/**
 * Applies the writes (cells updated, added or removed) and appends one plan_changes row per write
 * with the old value the database held and the new one, all in one statement: the writes go in as
 * arrays, the cells to update are read and locked first (`held`, in the statement's snapshot: the
 * value each held before it), and the audit insert reads the old values from there, so nothing is
 * written without its audit row. (`RETURNING old.value` would do it in one step, but needs
 * PostgreSQL 18; Fulcrum runs on 15 and later.) A write whose `oldValue` is
 * null adds the cell (a unique violation if it exists after all); the others must find their cell,
 * or the edit is refused as a bug. Run it inside the caller's transaction; the version's draft
 * status is the caller's check (and the database trigger's).
 */
export async function writeCells(db: Kysely<Schema>, context: WriteContext, writes: readonly CellWrite[]) {
  if (writes.length === 0) return;
  const { versionId, measure } = context;
  await sortInMemory(db);
  const result = await sql<{ audited: number }>`
    WITH d AS (
      SELECT * FROM unnest(${column(writes, "sku")}::text[], ${column(writes, "location")}::text[],
                           ${column(writes, "segment")}::text[], ${column(writes, "period")}::text[],
                           ${column(writes, "oldValue")}::float8[], ${column(writes, "newValue")}::float8[],
                           ${writes.map((w) => w.reverts ?? null)}::bigint[])
        AS d(sku, location, segment, period, old, new, reverts)
    ),
    held AS (
      SELECT v.ctid AS row_id, v.value AS held, d.* FROM d JOIN plan_values v
        ON v.version_id = ${versionId} AND v.measure = ${measure} AND v.sku = d.sku AND v.period = d.period
       AND v.location IS NOT DISTINCT FROM d.location AND v.segment IS NOT DISTINCT FROM d.segment
      WHERE d.old IS NOT NULL AND d.new IS NOT NULL
      FOR UPDATE OF v
    ),
    updated AS (
      UPDATE plan_values v SET value = held.new FROM held WHERE v.ctid = held.row_id
      RETURNING held.sku, held.location, held.segment, held.period, held.held AS old, held.new, held.reverts
    ),
    added AS (
      INSERT INTO plan_values (version_id, measure, sku, location, segment, period, value)
      SELECT ${versionId}, ${measure}, d.sku, d.location, d.segment, d.period, d.new FROM d
      WHERE d.old IS NULL AND d.new IS NOT NULL
    ),
    removed AS (
      DELETE FROM plan_values v USING d
      WHERE d.new IS NULL AND v.version_id = ${versionId} AND v.measure = ${measure} AND v.sku = d.sku
        AND v.period = d.period AND v.location IS NOT DISTINCT FROM d.location AND v.segment IS NOT DISTINCT FROM d.segment
      RETURNING d.sku, d.location, d.segment, d.period, v.value AS old, d.new, d.reverts
    ),
    audited AS (
      INSERT INTO plan_changes (version_id, measure, sku, location, segment, period, old_value, new_value, reason,
                                comment, reverts, changed_by, changed_at, edit_id)
      SELECT ${versionId}, ${measure}, w.sku, w.location, w.segment, w.period, w.old, w.new, ${context.reason},
             ${context.comment}, w.reverts, ${context.userId}, ${context.at}, ${context.editId}
      FROM (SELECT * FROM updated UNION ALL SELECT * FROM removed
            UNION ALL SELECT sku, location, segment, period, old, new, reverts FROM d WHERE d.old IS NULL AND d.new IS NOT NULL) w
      RETURNING 1
    )
    SELECT count(*)::int AS audited FROM audited`.execute(db);
  const audited = result.rows[0]?.audited ?? 0;
  if (audited !== writes.length)
    throw new Error(`${writes.length - audited} of ${writes.length} plan cells to write were not found`);
}
function column<K extends keyof CellWrite>(writes: readonly CellWrite[], key: K): CellWrite[K][] {
  return writes.map((w) => w[key]);
}

/**
 * Lets the rest of the transaction sort and hash a company-wide edit's 240,000 cells in memory
 * rather than in temporary files (the server default of 4 MB spills at about 30,000 rows).
 */
export async function sortInMemory(db: Kysely<Schema>): Promise<void> {
  await sql`SET LOCAL work_mem = '64MB'`.execute(db);
}
