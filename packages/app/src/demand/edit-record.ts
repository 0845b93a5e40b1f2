// An edit as the audit trail keeps it: one plan_edits row saying what was typed, where and why,
// and one plan_changes row per cell it moved, pointing back at it — what undo and the conflict
// check read.

import type { Schema } from "@fulcrum/storage";
import type { Kysely } from "kysely";
import type { User } from "../auth/auth-service";
import { type CellWrite, writeCells } from "../plans/plan-writer";
import { revisionOf } from "./demand-layers";
import type { DemandNode } from "./demand-node";

export interface EditRecord {
  readonly versionId: number;
  readonly measure: string;
  readonly node: DemandNode;
  readonly first: string;
  readonly last: string;
  readonly kind:
    | "total"
    | "delta"
    | "percent"
    | "revenue"
    | "consensus"
    | "undo"
    | "promotion"
    | "transition";
  /** What was typed: units, percent or minor units; null for a proposal or an undo. */
  readonly amount: number | null;
  readonly basis: string | null;
  readonly undoes?: number;
  readonly reason: string;
  readonly comment: string;
}

export interface DemandEditResult {
  readonly editId: number;
  /** The version's revision after the edit: the next edit's `expectedRevision`. */
  readonly revision: number;
  /** Cells whose value changed. */
  readonly changed: number;
  /** The total over the edit's scope before and after it. */
  readonly before: number;
  readonly after: number;
}

/** Records the edit and applies its writes; `before` is the scope's total before the edit. */
export async function recordEdit(
  trx: Kysely<Schema>,
  edit: EditRecord,
  writes: readonly CellWrite[],
  user: User,
  at: Date,
  before: number,
): Promise<DemandEditResult> {
  const row = await trx
    .insertInto("plan_edits")
    .values({
      version_id: edit.versionId,
      measure: edit.measure,
      node_kind: edit.node.kind,
      node_code: edit.node.kind === "all" ? null : edit.node.code,
      first_period: edit.first,
      last_period: edit.last,
      kind: edit.kind,
      amount: edit.amount,
      basis: edit.basis,
      reason: edit.reason,
      comment: edit.comment,
      undoes: edit.undoes === undefined ? null : String(edit.undoes),
      cells: writes.length,
      edited_by: user.id,
      edited_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const editId = Number(row.id);
  const context = { ...edit, editId, userId: user.id, at };
  const { changed, delta } = await writeCells(trx, context, writes);
  return {
    editId,
    revision: await revisionOf(trx, edit.versionId),
    changed,
    before,
    after: before + delta,
  };
}
