// A block of figures pasted into the demand review (from Excel, say): many cell edits at once,
// all or nothing. Each pasted cell is spread and recorded exactly like a typed edit — its own
// audited plan edit, so each can be undone on its own — but in one transaction, checked against
// the revision the planner saw before any of them is written.

import type { Database } from "@fulcrum/storage";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import { readLeafCells, type SpreadBasis } from "./demand-cells";
import { type EditableLayer, lockDraftDemandVersion, periodsOf, requireLayerRight } from "./demand-layers";
import type { DemandNode } from "./demand-node";
import { changedCells, type DemandEditAmount, requireReason, spreadEdit } from "./demand-plan-service";
import { assertNoConflict } from "./edit-conflicts";
import { type DemandEditResult, recordEdit } from "./edit-record";

export interface PastedCell {
  readonly node: DemandNode;
  readonly from: string;
  readonly to?: string;
  readonly edit: DemandEditAmount;
  /** How the planner sees the cell ("Juices, Dec 2026"), for error messages. */
  readonly label?: string;
}

export interface DemandPasteRequest {
  readonly versionId: number;
  readonly measure: EditableLayer;
  readonly cells: readonly PastedCell[];
  readonly basis?: SpreadBasis;
  readonly reason: string;
  readonly comment?: string;
  readonly expectedRevision: number;
}

export interface DemandPasteResult {
  /** One result per pasted cell, in the order given. */
  readonly edits: readonly DemandEditResult[];
  readonly revision: number;
  /** SKU cells changed over the whole paste. */
  readonly changed: number;
}

/** At most this many cells per paste: a year of months for 80 rows. */
export const MAX_PASTED_CELLS = 1_000;

export class DemandPasteService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  /**
   * Applies the cells in order (a later cell below an earlier one's node sees the earlier spread,
   * as in a spreadsheet). Refuses the whole paste — nothing written — when any cell's spread is
   * impossible (its message names the cell) or anyone changed one of the cells after
   * `expectedRevision`.
   */
  async paste(request: DemandPasteRequest, user: User): Promise<DemandPasteResult> {
    requireLayerRight(user.role, request.measure);
    const reason = requireReason(request.reason);
    if (request.cells.length === 0) throw new AppError("bad_request", "the paste has no cells");
    if (request.cells.length > MAX_PASTED_CELLS)
      throw new AppError("bad_request", `a paste covers at most ${MAX_PASTED_CELLS} cells`);
    const basis = request.basis ?? "current";
    const cells = request.cells.map((cell, i) => {
      try {
        return { ...cell, periods: periodsOf(cell.from, cell.to) };
      } catch (error) {
        throw named(error, cell, i);
      }
    });
    const at = this.now();
    return this.database.db.transaction().execute(async (trx) => {
      await lockDraftDemandVersion(trx, request.versionId);
      // Every cell against what the planner saw, before the paste's own writes move the revision.
      for (const cell of cells)
        await assertNoConflict(
          trx,
          {
            versionId: request.versionId,
            measures: [request.measure],
            node: cell.node,
            periods: cell.periods,
          },
          request.expectedRevision,
        );
      const edits: DemandEditResult[] = [];
      for (const [i, cell] of cells.entries()) {
        const leaves = await readLeafCells(trx, {
          versionId: request.versionId,
          measure: request.measure,
          node: cell.node,
          periods: cell.periods,
          basis,
          withPrices: cell.edit.kind === "revenue",
        });
        const spread = spreadEdit(leaves, cell.edit);
        if (!spread.ok) throw named(new AppError("bad_request", spread.issue), cell, i);
        edits.push(
          await recordEdit(
            trx,
            {
              versionId: request.versionId,
              measure: request.measure,
              node: cell.node,
              first: cell.periods[0]!,
              last: cell.periods.at(-1)!,
              kind: cell.edit.kind,
              amount:
                cell.edit.kind === "percent"
                  ? cell.edit.percent
                  : cell.edit.kind === "revenue"
                    ? cell.edit.amount
                    : cell.edit.value,
              basis,
              reason,
              comment: request.comment ?? "",
            },
            changedCells(leaves, spread.values),
            user,
            at,
            leaves.reduce((s, c) => s + (c.value ?? 0), 0),
          ),
        );
      }
      return {
        edits,
        revision: edits.at(-1)!.revision,
        changed: edits.reduce((s, e) => s + e.changed, 0),
      };
    });
  }
}

/** The error with the cell it is about in front: "pasted cell 3 (Juices, Dec 2026): …". */
function named(error: unknown, cell: PastedCell, index: number): unknown {
  if (!(error instanceof AppError)) return error;
  const where = cell.label ?? `${cell.node.kind === "all" ? "all products" : cell.node.code}, ${cell.from}`;
  return new AppError(error.code, `pasted cell ${index + 1} (${where}): ${error.message}`, error.details);
}
