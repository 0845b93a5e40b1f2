// Demand planning edits: a new total (units, a change, a percentage or revenue) typed at any node
// of the product hierarchy over a range of periods, spread to the SKU cells by the plan engine,
// written with one audited edit; the consensus proposal; locks; undo; approval. Each use case runs
// in one transaction holding the version row, so edits to one version apply one after another.

import { canApproveConsensus } from "@fulcrum/domain";
import {
  type ConsensusRule,
  editTarget,
  proposeConsensus,
  type SpreadResult,
  spreadRevenue,
  spreadTotal,
  type TimeGrain,
  type UnitEdit,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import type { HierarchyService } from "../hierarchy/hierarchy-service";
import type { PlanService } from "../plans/plan-service";
import type { CellWrite } from "../plans/plan-writer";
import { loadCompany } from "../workspace/company";
import { type LeafCell, readLayeredCells, readLeafCells, type SpreadBasis } from "./demand-cells";
import { type DemandGrid, readDemandGrid } from "./demand-grid";
import {
  DEMAND_LAYERS,
  type EditableLayer,
  lockDraftDemandVersion,
  periodsOf,
  requireLayerRight,
} from "./demand-layers";
import { type DemandNode, skuBelow } from "./demand-node";
import { takeDemandSnapshot } from "./demand-snapshot";
import { assertNoConflict } from "./edit-conflicts";
import { type DemandEditResult, recordEdit } from "./edit-record";

export type DemandEditAmount = UnitEdit | { readonly kind: "revenue"; readonly amount: number };

export interface DemandEditRequest {
  readonly versionId: number;
  readonly measure: EditableLayer;
  readonly node: DemandNode;
  readonly from: string;
  readonly to?: string;
  readonly edit: DemandEditAmount;
  readonly basis?: SpreadBasis;
  /** Cells held for this edit only, besides the version's stored locks (all periods when omitted). */
  readonly locks?: readonly { sku: string; period?: string }[];
  readonly reason: string;
  readonly comment?: string;
  /** The revision the editor last saw; a later change to the same cells refuses the edit. */
  readonly expectedRevision: number;
}

export class DemandPlanService {
  constructor(
    private readonly database: Database,
    private readonly plans: PlanService,
    private readonly hierarchy: HierarchyService,
    private readonly now: () => Date,
  ) {}

  /** The review grid below a node: its own totals and its children's, per layer and bucket. */
  grid(query: {
    versionId: number;
    node: DemandNode;
    from: string;
    to?: string;
    grain?: TimeGrain;
  }): Promise<DemandGrid> {
    return readDemandGrid(this.database, this.hierarchy, { ...query, grain: query.grain ?? "month" });
  }

  /** Spreads a new total for (node × period range) over the leaf cells of one layer. */
  async edit(request: DemandEditRequest, user: User): Promise<DemandEditResult> {
    requireLayerRight(user.role, request.measure);
    const reason = requireReason(request.reason);
    const periods = periodsOf(request.from, request.to);
    const basis = request.basis ?? "current";
    return this.database.db.transaction().execute(async (trx) => {
      await lockDraftDemandVersion(trx, request.versionId);
      await assertNoConflict(
        trx,
        { versionId: request.versionId, measures: [request.measure], node: request.node, periods },
        request.expectedRevision,
      );
      const cells = await readLeafCells(trx, {
        versionId: request.versionId,
        measure: request.measure,
        node: request.node,
        periods,
        basis,
        withPrices: request.edit.kind === "revenue",
        extraLocks: request.locks,
      });
      const spread = spreadEdit(cells, request.edit);
      if (!spread.ok) throw new AppError("bad_request", spread.issue);
      return recordEdit(
        trx,
        {
          versionId: request.versionId,
          measure: request.measure,
          node: request.node,
          first: periods[0]!,
          last: periods.at(-1)!,
          kind: request.edit.kind,
          amount:
            request.edit.kind === "percent"
              ? request.edit.percent
              : request.edit.kind === "revenue"
                ? request.edit.amount
                : request.edit.value,
          basis,
          reason,
          comment: request.comment ?? "",
        },
        changedCells(cells, spread.values),
        user,
        this.now(),
        sum(cells.map((c) => c.value ?? 0)),
      );
    });
  }

  /**
   * Writes the consensus proposal (see `proposeConsensus` in the engines for the rules) for the
   * cells below `node` in the range, leaving locked consensus cells as they are.
   */
  async proposeConsensus(
    request: {
      versionId: number;
      node: DemandNode;
      from: string;
      to?: string;
      rule?: ConsensusRule;
      reason: string;
      comment?: string;
      expectedRevision: number;
    },
    user: User,
  ): Promise<DemandEditResult> {
    requireLayerRight(user.role, "demand.consensus");
    const reason = requireReason(request.reason);
    const periods = periodsOf(request.from, request.to);
    const rule = request.rule ?? { kind: "layered" };
    return this.database.db.transaction().execute(async (trx) => {
      await lockDraftDemandVersion(trx, request.versionId);
      await assertNoConflict(
        trx,
        { versionId: request.versionId, measures: ["demand.consensus"], node: request.node, periods },
        request.expectedRevision,
      );
      const cells = await readLayeredCells(trx, {
        versionId: request.versionId,
        node: request.node,
        periods,
      });
      const writes: CellWrite[] = [];
      for (const cell of cells) {
        const proposed = proposeConsensus(cell, rule);
        if (cell.consensusLocked || proposed === cell.consensus) continue;
        writes.push({ ...cell, oldValue: cell.consensus, newValue: proposed });
      }
      return recordEdit(
        trx,
        {
          versionId: request.versionId,
          measure: "demand.consensus",
          node: request.node,
          first: periods[0]!,
          last: periods.at(-1)!,
          kind: "consensus",
          amount: null,
          basis: rule.kind === "layered" ? "layered" : `override:${rule.layer}`,
          reason,
          comment: request.comment ?? "",
        },
        writes,
        user,
        this.now(),
        sum(cells.map((c) => c.consensus ?? 0)),
      );
    });
  }

  /**
   * Undoes an edit by writing every cell's old value back, as a new audited edit whose changes
   * point at the ones they revert. Refused when a later change touched one of its cells (undoing
   * would overwrite someone's later work) or the edit was undone already.
   */
  async undo(editId: number, user: User): Promise<DemandEditResult> {
    const edit = await this.database.db
      .selectFrom("plan_edits")
      .selectAll()
      .where("id", "=", String(editId))
      .executeTakeFirst();
    if (!edit) throw new AppError("not_found", `no plan edit ${editId}`);
    requireLayerRight(user.role, edit.measure);
    return this.database.db.transaction().execute(async (trx) => {
      await lockDraftDemandVersion(trx, edit.version_id);
      const undone = await trx
        .selectFrom("plan_edits")
        .select("id")
        .where("undoes", "=", String(editId))
        .executeTakeFirst();
      if (undone) throw new AppError("conflict", `edit ${editId} was undone already (edit ${undone.id})`);
      // Compared set by set (a later set of the same series sharing a period), not cell by cell.
      const later = await sql<{ n: number }>`
        SELECT count(DISTINCT (mine.id, p))::int AS n
        FROM plan_change_sets mine JOIN plan_change_sets later
          ON later.version_id = mine.version_id AND later.measure = mine.measure AND later.sku = mine.sku
         AND later.location IS NOT DISTINCT FROM mine.location AND later.segment IS NOT DISTINCT FROM mine.segment
         AND later.id > mine.id AND later.periods && mine.periods
        CROSS JOIN LATERAL unnest(mine.periods) AS p
        WHERE mine.edit_id = ${editId} AND p = ANY(later.periods)`.execute(trx);
      if ((later.rows[0]?.n ?? 0) > 0)
        throw new AppError(
          "conflict",
          `${later.rows[0]!.n} of the cells of edit ${editId} changed since; undo those changes first`,
        );
      const mine = await trx
        .selectFrom("plan_changes")
        .selectAll()
        .where("edit_id", "=", String(editId))
        .execute();
      const writes: CellWrite[] = mine.map((c) => ({
        sku: c.sku,
        location: c.location,
        segment: c.segment,
        period: c.period,
        oldValue: c.new_value,
        newValue: c.old_value,
        reverts: Number(c.id),
      }));
      return recordEdit(
        trx,
        {
          versionId: edit.version_id,
          measure: edit.measure,
          node:
            edit.node_kind === "all" ? { kind: "all" } : { kind: edit.node_kind, code: edit.node_code ?? "" },
          first: edit.first_period,
          last: edit.last_period,
          kind: "undo",
          amount: null,
          basis: null,
          undoes: editId,
          reason: "undo",
          comment: `undoes edit ${editId} (${edit.reason})`,
        },
        writes,
        user,
        this.now(),
        sum(writes.map((w) => w.oldValue ?? 0)),
      );
    });
  }

  /** Locks or unlocks one layer's cells below `node` in the range; returns how many cells changed. */
  async setLocks(
    request: {
      versionId: number;
      measure: EditableLayer;
      node: DemandNode;
      from: string;
      to?: string;
      locked: boolean;
    },
    user: User,
  ): Promise<number> {
    requireLayerRight(user.role, request.measure);
    const periods = periodsOf(request.from, request.to);
    return this.database.db.transaction().execute(async (trx) => {
      await lockDraftDemandVersion(trx, request.versionId);
      const { versionId, measure } = request;
      const result = request.locked
        ? await sql`
            INSERT INTO plan_locks (version_id, measure, sku, period, locked_by, locked_at)
            SELECT ${versionId}, ${measure}, k.sku, p.period, ${user.id}, ${this.now()}
            FROM (SELECT DISTINCT sku FROM plan_values WHERE version_id = ${versionId} AND measure = ANY(${DEMAND_LAYERS}::text[]) AND ${skuBelow(request.node)}) k
            CROSS JOIN unnest(${periods}::text[]) AS p(period)
            ON CONFLICT DO NOTHING`.execute(trx)
        : await sql`
            DELETE FROM plan_locks WHERE version_id = ${versionId} AND measure = ${measure}
              AND period = ANY(${periods}::text[]) AND ${skuBelow(request.node)}`.execute(trx);
      return Number(result.numAffectedRows ?? 0);
    });
  }

  /** The version's edits, newest first, with whether each was undone (what an undo button needs). */
  async edits(versionId: number, limit = 50) {
    const rows = await sql<{
      id: number;
      measure: string;
      nodeKind: string;
      nodeCode: string | null;
      from: string;
      to: string;
      kind: string;
      amount: number | null;
      basis: string | null;
      reason: string;
      comment: string;
      cells: number;
      undoes: number | null;
      undoneBy: number | null;
      user: string;
      at: Date;
    }>`
      SELECT e.id, e.measure, e.node_kind AS "nodeKind", e.node_code AS "nodeCode", e.first_period AS "from", e.last_period AS "to",
             e.kind, e.amount, e.basis, e.reason, e.comment, e.cells, e.undoes, u2.id AS "undoneBy", u.username AS user,
             e.edited_at AS at
      FROM plan_edits e JOIN users u ON u.id = e.edited_by LEFT JOIN plan_edits u2 ON u2.undoes = e.id
      WHERE e.version_id = ${versionId} ORDER BY e.id DESC LIMIT ${limit}`.execute(this.database.db);
    return rows.rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  /**
   * Approves the consensus: the whole version is frozen (the database refuses any later change),
   * and in the base scenario the cycle's demand snapshot is taken in the same transaction.
   */
  async approveConsensus(versionId: number, user: User): Promise<void> {
    if (!canApproveConsensus(user.role))
      throw new AppError("forbidden", "only the demand planner approves the consensus");
    const version = await this.database.db
      .selectFrom("plan_versions")
      .select("status")
      .where("id", "=", versionId)
      .executeTakeFirst();
    if (!version) throw new AppError("not_found", `no plan version ${versionId}`);
    if (version.status !== "draft")
      throw new AppError("conflict", `plan version ${versionId} is ${version.status}, not a draft`);
    const consensus = await this.database.db
      .selectFrom("plan_values")
      .select("version_id")
      .where("version_id", "=", versionId)
      .where("measure", "=", "demand.consensus")
      .limit(1)
      .executeTakeFirst();
    if (!consensus)
      throw new AppError("bad_request", `plan version ${versionId} has no consensus to approve`);
    const at = this.now();
    const cycle = (await loadCompany(this.database))?.currentPeriod ?? at.toISOString().slice(0, 7);
    await this.database.db.transaction().execute(async (trx) => {
      await this.plans.approveIn(trx, versionId, user);
      await takeDemandSnapshot(trx, { versionId, userId: user.id, at, fallbackCycle: cycle });
    });
  }
}

/** The spread of one typed edit over a node's leaf cells (shared with the batch paste). */
export function spreadEdit(cells: readonly LeafCell[], edit: DemandEditAmount): SpreadResult {
  const current = cells.map((c) => c.value ?? 0);
  const locked = cells.map((c) => c.locked);
  const basis = cells.map((c) => c.basis);
  if (edit.kind === "revenue")
    return spreadRevenue({ current, locked, basis, prices: cells.map((c) => c.price), revenue: edit.amount });
  const target = editTarget(edit, sum(current));
  if (!target.ok) return target;
  return spreadTotal({ current, locked, basis, target: target.target });
}

/**
 * The writes a spread makes: cells whose value changed. An empty cell that the spread leaves at 0
 * stays empty — in an override layer an empty cell means "no opinion", a 0 would mean "no demand".
 */
export function changedCells(cells: readonly LeafCell[], values: readonly number[]): CellWrite[] {
  const writes: CellWrite[] = [];
  cells.forEach((cell, i) => {
    const next = values[i]!;
    if (cell.value === next || (cell.value === null && next === 0)) return;
    const { sku, location, segment, period } = cell;
    writes.push({ sku, location, segment, period, oldValue: cell.value, newValue: next });
  });
  return writes;
}

export function requireReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new AppError("bad_request", "a plan change needs a reason");
  return trimmed;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
