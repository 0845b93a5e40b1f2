// Optimistic concurrency for demand edits. Planners load a grid, think, then type; if someone
// changed the same cells in between, the edit is refused and they are shown what changed, rather
// than a spread silently built on numbers they never saw.

import type { PeriodKey } from "@fulcrum/domain";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import { AppError } from "../errors";
import { CHANGE_SET_STRIDE } from "../plans/plan-writer";
import { revisionOf } from "./demand-layers";
import { type DemandNode, skuBelow } from "./demand-node";

export interface ConflictingChange {
  readonly id: number;
  readonly editId: number | null;
  readonly user: string;
  readonly at: string;
  readonly measure: string;
  readonly sku: string;
  readonly period: string;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly reason: string;
  readonly comment: string;
}

/**
 * Refuses (conflict, with the current revision and up to 50 of the other changes) when any cell of
 * the scope changed after `expectedRevision`. Changes elsewhere in the version do not conflict, so
 * sales and marketing can work on different families at the same time.
 */
export async function assertNoConflict(
  trx: Kysely<Schema>,
  scope: { versionId: number; measures: readonly string[]; node: DemandNode; periods: readonly PeriodKey[] },
  expectedRevision: number,
): Promise<void> {
  const found = await sql<Omit<ConflictingChange, "at"> & { at: Date }>`
    SELECT c.id, c.edit_id AS "editId", u.username AS user, c.changed_at AS at, c.measure, c.sku, c.period,
           c.old_value AS "oldValue", c.new_value AS "newValue", c.reason, c.comment
    FROM plan_changes c JOIN users u ON u.id = c.changed_by
    WHERE c.version_id = ${scope.versionId} AND c.set_id >= ${Math.floor(expectedRevision / CHANGE_SET_STRIDE)}
      AND c.id > ${expectedRevision} AND c.measure = ANY(${scope.measures}::text[])
      AND c.period = ANY(${scope.periods}::text[]) AND ${skuBelow(scope.node, sql.ref("c.sku"))}
    ORDER BY c.id DESC LIMIT 50`.execute(trx);
  if (found.rows.length === 0) return;
  const latest = found.rows[0]!;
  throw new AppError(
    "conflict",
    `${latest.user} changed these numbers after you loaded them (${latest.reason}); reload and try again`,
    {
      revision: await revisionOf(trx, scope.versionId),
      changes: found.rows.map((c) => ({ ...c, at: c.at.toISOString() })),
    },
  );
}
