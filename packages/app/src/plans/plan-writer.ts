// Writes plan cells. A version stores each measure of each SKU × location × segment as one series
// row (periods and values as arrays, migration 0022), and the audit as one change set per series a
// write changed; `plan_values` and `plan_changes` are their one-row-per-cell views. A spread at the
// top of the hierarchy then rewrites 10,000 rows instead of 240,000, with as many audit rows.

import type { Schema } from "@fulcrum/storage";
import { type Kysely, type RawBuilder, sql } from "kysely";

/**
 * A cell change's id is its change set's id × this plus its place in the set (migration 0022), so
 * the set a change id belongs to is `Math.floor(id / CHANGE_SET_STRIDE)`.
 */
export const CHANGE_SET_STRIDE = 1024;

export interface CellWrite {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
  /** The value the writer read; the audit records the value the database held. */
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

export interface WriteOutcome {
  /** Cells whose value changed (a write of the value a cell already holds changes nothing). */
  readonly changed: number;
  /** The sum of new − old over the changed cells, empty cells counting 0. */
  readonly delta: number;
}

/**
 * Applies the writes to one measure of a version and appends their audit: per series, one change
 * set with each changed cell's period, the old value the database held and the new one. The series
 * are read and locked first, so the old values are the database's and nothing can move them before
 * the write; the write then goes in as one statement (arrays in, rows counted out), so a cell is
 * never written without its audit nor audited without being written. Run it inside the caller's
 * transaction; the version's draft status is the caller's check (and the database trigger's).
 */
export async function writeCells(
  db: Kysely<Schema>,
  context: WriteContext,
  writes: readonly CellWrite[],
): Promise<WriteOutcome> {
  if (writes.length === 0) return { changed: 0, delta: 0 };
  const { versionId, measure } = context;
  await sortInMemory(db);
  const series = groupBySeries(writes);
  const held = await sql<{ i: string; row_id: string; periods: string; cell_values: string }>`
    SELECT k.i, s.ctid::text AS row_id, array_to_string(s.periods, ',') AS periods,
           array_to_string(s.cell_values, ',') AS cell_values
    FROM unnest(${textArray(series.map((s) => s.sku))}::text[], ${textArray(series.map((s) => s.location))}::text[],
                ${textArray(series.map((s) => s.segment))}::text[]) WITH ORDINALITY AS k(sku, location, segment, i)
    JOIN plan_series s ON s.version_id = ${versionId} AND s.measure = ${measure} AND s.sku = k.sku
     AND s.location IS NOT DISTINCT FROM k.location AND s.segment IS NOT DISTINCT FROM k.segment
    FOR UPDATE OF s`.execute(db);
  for (const row of held.rows) {
    const target = series[Number(row.i) - 1]!;
    target.rowId = row.row_id;
    target.periods = row.periods.split(",");
    target.values = row.cell_values.split(",").map(Number);
  }

  const out = new SeriesBatch();
  let changed = 0;
  let delta = 0;
  for (const s of series) {
    const merged = mergeWrites(s);
    if (merged.audit.length === 0) continue;
    out.add(s, merged);
    changed += merged.audit.length;
    for (const { write, old } of merged.audit) delta += (write.newValue ?? 0) - (old ?? 0);
  }
  if (out.size === 0) return { changed: 0, delta: 0 };
  // Each series' arrays travel as one array literal per row of the unnest: slicing one long
  // array per row would walk it from the start each time (text and null-holding arrays have no
  // fixed element offsets), 10,000 times over 240,000 elements for a company-wide edit.
  const statement = sql<{ updated: number; added: number; removed: number; audited: number }>`
    WITH w AS (
      SELECT w.row_id::tid AS row_id, w.sku, w.location, w.segment, coalesce(w.periods = '{}', false) AS emptied,
             w.periods::text[] AS periods, w.cell_values::float8[] AS cell_values,
             w.audit_periods::text[] AS audit_periods, w.audit_old::float8[] AS audit_old,
             w.audit_new::float8[] AS audit_new, w.audit_reverts::bigint[] AS audit_reverts
      FROM unnest(${textArray(out.rowIds)}::text[], ${textArray(out.skus)}::text[], ${textArray(out.locations)}::text[],
                  ${textArray(out.segments)}::text[], ${textArray(out.periods)}::text[], ${textArray(out.values)}::text[],
                  ${textArray(out.auditPeriods)}::text[], ${textArray(out.auditOld)}::text[],
                  ${textArray(out.auditNew)}::text[], ${textArray(out.auditReverts)}::text[])
        AS w(row_id, sku, location, segment, periods, cell_values, audit_periods, audit_old, audit_new, audit_reverts)
    ),
    updated AS (
      UPDATE plan_series s SET periods = coalesce(w.periods, s.periods), cell_values = w.cell_values FROM w
      WHERE w.row_id IS NOT NULL AND NOT w.emptied
        AND s.version_id = ${versionId} AND s.measure = ${measure} AND s.sku = w.sku AND s.ctid = w.row_id
      RETURNING w.sku, w.location, w.segment, coalesce(w.audit_periods, s.periods) AS audit_periods, w.audit_old,
                coalesce(w.audit_new, s.cell_values) AS audit_new, w.audit_reverts
    ),
    added AS (
      INSERT INTO plan_series (version_id, measure, sku, location, segment, periods, cell_values)
      SELECT ${versionId}, ${measure}, sku, location, segment, periods, cell_values FROM w WHERE row_id IS NULL
      RETURNING 1
    ),
    removed AS (
      DELETE FROM plan_series s USING w
      WHERE w.row_id IS NOT NULL AND w.emptied
        AND s.version_id = ${versionId} AND s.measure = ${measure} AND s.sku = w.sku AND s.ctid = w.row_id
      RETURNING 1
    ),
    audited AS (
      INSERT INTO plan_change_sets (version_id, measure, sku, location, segment, periods, old_values, new_values,
                                    reverts, reason, comment, changed_by, changed_at, edit_id)
      SELECT ${versionId}, ${measure}, sku, location, segment, audit_periods, audit_old, audit_new, audit_reverts,
             ${context.reason}, ${context.comment}, ${context.userId}, ${context.at}, ${context.editId}
      FROM (SELECT * FROM updated
            UNION ALL
            SELECT sku, location, segment, audit_periods, audit_old, audit_new, audit_reverts FROM w
            WHERE row_id IS NULL OR emptied) AS a
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM updated)::int AS updated, (SELECT count(*) FROM added)::int AS added,
           (SELECT count(*) FROM removed)::int AS removed, (SELECT count(*) FROM audited)::int AS audited`;
  const result = await statement.execute(db);
  const counts = result.rows[0]!;
  if (counts.updated + counts.added + counts.removed !== out.size || counts.audited !== out.size)
    throw new Error(`${out.size} plan series to write, but ${JSON.stringify(counts)} were written`);
  return { changed, delta };
}

/**
 * Adds cells to versions: `cells` is a query of (measure, sku, location, segment, period, value)
 * rows, grouped here into series. A cell that exists already is refused (unique violation), as is
 * the same cell twice. For the bulk writers — a forecast, a supply plan, a copy of a version — whose
 * cells are new; changes to existing cells go through `writeCells`, which audits them.
 */
export async function insertCells(
  db: Kysely<Schema>,
  versionId: number,
  cells: RawBuilder<unknown>,
): Promise<void> {
  await sql`
    INSERT INTO plan_series AS s (version_id, measure, sku, location, segment, periods, cell_values)
    SELECT ${versionId}, measure, sku, location, segment,
           array_agg(period ORDER BY period COLLATE "C"), array_agg(value ORDER BY period COLLATE "C")
    FROM (${cells}) AS c(measure, sku, location, segment, period, value)
    GROUP BY measure, sku, location, segment
    ON CONFLICT (version_id, measure, sku, location, segment) DO UPDATE
      SET (periods, cell_values) = (SELECT * FROM fulcrum_series_merge(s.periods, s.cell_values, EXCLUDED.periods, EXCLUDED.cell_values))`.execute(
    db,
  );
}

/** Cells as parallel arrays, the shape the bulk writers build. */
export interface CellColumns {
  readonly measure: readonly string[];
  readonly sku: readonly string[];
  readonly location: readonly (string | null)[];
  readonly segment: readonly (string | null)[];
  readonly period: readonly string[];
  readonly value: readonly number[];
}

/** `insertCells` from arrays. */
export function insertCellColumns(db: Kysely<Schema>, versionId: number, cells: CellColumns): Promise<void> {
  if (cells.sku.length === 0) return Promise.resolve();
  return insertCells(
    db,
    versionId,
    sql`SELECT * FROM unnest(${textArray(cells.measure)}::text[], ${textArray(cells.sku)}::text[],
                             ${textArray(cells.location)}::text[], ${textArray(cells.segment)}::text[],
                             ${textArray(cells.period)}::text[], ${numberArray(cells.value)}::float8[])`,
  );
}

/**
 * Lets the rest of the transaction sort and hash a company-wide edit in memory rather than in
 * temporary files (the server default of 4 MB spills at about 30,000 rows).
 */
export async function sortInMemory(db: Kysely<Schema>): Promise<void> {
  await sql`SET LOCAL work_mem = '64MB'`.execute(db);
}

interface SeriesWrites {
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly writes: CellWrite[];
  /** The series as the database holds it: ctid, periods in order and values (none when new). */
  rowId: string | null;
  periods: string[];
  values: number[];
}

/** Writes grouped by series, in order of first appearance (consecutive writes share a lookup). */
function groupBySeries(writes: readonly CellWrite[]): SeriesWrites[] {
  const byKey = new Map<string, SeriesWrites>();
  let last: SeriesWrites | undefined;
  for (const w of writes) {
    if (last && last.sku === w.sku && last.location === w.location && last.segment === w.segment) {
      last.writes.push(w);
      continue;
    }
    const key = `${w.sku}\u0000${w.location ?? "\u0001"}\u0000${w.segment ?? "\u0001"}`;
    last = byKey.get(key);
    if (last) last.writes.push(w);
    else {
      last = {
        sku: w.sku,
        location: w.location,
        segment: w.segment,
        writes: [w],
        rowId: null,
        periods: [],
        values: [],
      };
      byKey.set(key, last);
    }
  }
  return [...byKey.values()];
}

interface MergedSeries {
  /** The series after the write, periods in order (empty when every cell was removed). */
  readonly periods: string[];
  readonly values: number[];
  /** The cells that changed, in period order, with the value the database held. */
  readonly audit: { readonly write: CellWrite; readonly old: number | null }[];
}

/** Merges a series' writes (sorted by period here) into the cells it holds, in one pass. */
function mergeWrites(series: SeriesWrites): MergedSeries {
  const writes = isSortedByPeriod(series.writes)
    ? series.writes
    : [...series.writes].sort((a, b) => compareText(a.period, b.period));
  const { periods: heldPeriods, values: heldValues } = series;
  const periods: string[] = [];
  const values: number[] = [];
  const audit: MergedSeries["audit"][number][] = [];
  let h = 0;
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    if (i > 0 && writes[i - 1]!.period === write.period)
      throw new Error(`plan cell ${series.sku} ${write.period} is written twice in one write`);
    while (h < heldPeriods.length && heldPeriods[h]! < write.period) {
      periods.push(heldPeriods[h]!);
      values.push(heldValues[h]!);
      h++;
    }
    const old = heldPeriods[h] === write.period ? heldValues[h++]! : null;
    if (old !== write.newValue) audit.push({ write, old });
    if (write.newValue !== null) {
      periods.push(write.period);
      values.push(write.newValue);
    }
  }
  for (; h < heldPeriods.length; h++) {
    periods.push(heldPeriods[h]!);
    values.push(heldValues[h]!);
  }
  return { periods, values, audit };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function isSortedByPeriod(writes: readonly CellWrite[]): boolean {
  for (let i = 1; i < writes.length; i++) if (writes[i - 1]!.period > writes[i]!.period) return false;
  return true;
}

/** The rows of one write statement: each series' cells after the write, and its change set. */
class SeriesBatch {
  readonly rowIds: (string | null)[] = [];
  readonly skus: string[] = [];
  readonly locations: (string | null)[] = [];
  readonly segments: (string | null)[] = [];
  /** Per series, as array literals: its periods and values after the write ('{}' when emptied). */
  readonly periods: (string | null)[] = [];
  readonly values: string[] = [];
  /** Per series, as array literals: the changed cells' periods, old and new values, reverted changes. */
  readonly auditPeriods: (string | null)[] = [];
  readonly auditOld: string[] = [];
  readonly auditNew: (string | null)[] = [];
  readonly auditReverts: (string | null)[] = [];

  get size(): number {
    return this.skus.length;
  }

  add(series: SeriesWrites, merged: MergedSeries): void {
    const { audit } = merged;
    this.rowIds.push(series.rowId);
    this.skus.push(series.sku);
    this.locations.push(series.location);
    this.segments.push(series.segment);
    // An updated series whose periods stay as they were, or whose every cell changed (the usual
    // spread), sends neither again: the statement takes them from the row it writes.
    const updated = series.rowId !== null && merged.periods.length > 0;
    const samePeriods = updated && sameStrings(merged.periods, series.periods);
    const everyCell =
      updated &&
      audit.length === merged.periods.length &&
      audit.every(({ write }) => write.newValue !== null);
    this.periods.push(samePeriods ? null : `{${merged.periods.join(",")}}`);
    this.values.push(`{${merged.values.join(",")}}`);
    this.auditPeriods.push(everyCell ? null : `{${audit.map(({ write }) => write.period).join(",")}}`);
    this.auditOld.push(`{${audit.map(({ old }) => old ?? "NULL").join(",")}}`);
    this.auditNew.push(
      everyCell ? null : `{${audit.map(({ write }) => write.newValue ?? "NULL").join(",")}}`,
    );
    this.auditReverts.push(
      audit.some(({ write }) => write.reverts != null)
        ? `{${audit.map(({ write }) => write.reverts ?? "NULL").join(",")}}`
        : null,
    );
  }
}

function textArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : quote(v))).join(",")}}`;
}

function numberArray(values: readonly number[]): string {
  return `{${values.join(",")}}`;
}

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** Periods in the database's order (COLLATE "C": code units, as JavaScript compares them). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
