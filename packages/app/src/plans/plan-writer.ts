// Writes many plan cells and their audit rows in a few set-based statements. A spread at the top
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
 * Applies the writes (values upserted or removed) and appends one plan_changes row per write with
 * old → new. Run it inside the caller's transaction; the version's draft status is the caller's
 * check (and the database trigger's).
 */
export async function writeCells(db: Kysely<Schema>, context: WriteContext, writes: readonly CellWrite[]) {
  if (writes.length === 0) return;
  const { versionId, measure } = context;
  const set = writes.filter((w) => w.newValue !== null);
  const removed = writes.filter((w) => w.newValue === null);
  if (set.length > 0)
    await sql`
      INSERT INTO plan_values (version_id, measure, sku, location, segment, period, value)
      SELECT ${versionId}, ${measure}, d.sku, d.location, d.segment, d.period, d.value
      FROM unnest(${column(set, "sku")}::text[], ${column(set, "location")}::text[], ${column(set, "segment")}::text[],
                  ${column(set, "period")}::text[], ${column(set, "newValue")}::float8[]) AS d(sku, location, segment, period, value)
      ON CONFLICT (version_id, measure, sku, location, segment, period) DO UPDATE SET value = EXCLUDED.value`.execute(
      db,
    );
  if (removed.length > 0)
    await sql`
      DELETE FROM plan_values v
      USING unnest(${column(removed, "sku")}::text[], ${column(removed, "location")}::text[],
                   ${column(removed, "segment")}::text[], ${column(removed, "period")}::text[]) AS d(sku, location, segment, period)
      WHERE v.version_id = ${versionId} AND v.measure = ${measure} AND v.sku = d.sku AND v.period = d.period
        AND v.location IS NOT DISTINCT FROM d.location AND v.segment IS NOT DISTINCT FROM d.segment`.execute(
      db,
    );
  await sql`
    INSERT INTO plan_changes (version_id, measure, sku, location, segment, period, old_value, new_value, reason, comment,
                              reverts, changed_by, changed_at, edit_id)
    SELECT ${versionId}, ${measure}, d.sku, d.location, d.segment, d.period, d.old, d.new, ${context.reason}, ${context.comment},
           d.reverts, ${context.userId}, ${context.at}, ${context.editId}
    FROM unnest(${column(writes, "sku")}::text[], ${column(writes, "location")}::text[], ${column(writes, "segment")}::text[],
                ${column(writes, "period")}::text[], ${column(writes, "oldValue")}::float8[], ${column(writes, "newValue")}::float8[],
                ${writes.map((w) => w.reverts ?? null)}::int[]) AS d(sku, location, segment, period, old, new, reverts)`.execute(
    db,
  );
}

function column<K extends keyof CellWrite>(writes: readonly CellWrite[], key: K): CellWrite[K][] {
  return writes.map((w) => w[key]);
}
