// Promotions and transitions in a demand version: the calendar with each promotion's computed
// effect (units and revenue) and each transition's ramp, and "apply promotions and transitions",
// which rewrites the marketing and product cells they own after new promotions were imported —
// as audited edits of kind promotion / transition, leaving cells a person changed or locked.

import { type PeriodKey, parsePeriod } from "@fulcrum/domain";
import { type CellKey, cellId, promotionRevenue } from "@fulcrum/engines";
import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import type { CellWrite } from "../plans/plan-writer";
import { lockDraftDemandVersion, requireLayerRight, revisionOf } from "./demand-layers";
import { recordEdit } from "./edit-record";
import { loadPriceBook, pricesOn, promotionPrice } from "./promotion-data";
import { computeAdjustments } from "./promotion-effects";

export interface PromotionCalendarEntry {
  readonly code: string;
  readonly name: string;
  readonly sku: string | null;
  readonly group: string | null;
  readonly segment: string | null;
  readonly start: string;
  readonly end: string;
  readonly upliftPct: number;
  readonly upliftUnits: number | null;
  readonly discountPct: number;
  readonly cannibalisationPct: number | null;
  readonly postDipPct: number | null;
  readonly months: { period: string; share: number }[];
  readonly dipPeriod: string | null;
  /** Computed over the version's horizon, in units, and revenue in minor units. */
  readonly effect: {
    readonly baseline: number;
    readonly uplift: number;
    readonly cannibalised: number;
    readonly dip: number;
    readonly revenue: number;
    readonly incrementalRevenue: number;
  };
}

export interface TransitionCalendarEntry {
  readonly kind: "launch" | "phase_out" | "supersession";
  readonly sku: string;
  readonly predecessor: string | null;
  readonly months: { period: string; factor: number }[];
  readonly before: number;
  readonly after: number;
}

export interface PromotionCalendar {
  readonly versionId: number;
  readonly periods: string[];
  readonly promotions: PromotionCalendarEntry[];
  readonly transitions: TransitionCalendarEntry[];
}

export interface ApplyResult {
  readonly edits: { editId: number; measure: string; reason: string; changed: number }[];
  readonly revision: number;
}

const LAYERS = ["demand.marketing", "demand.product"] as const;
/** Float noise below this is not a change worth an audit row. */
const TOLERANCE = 1e-6;

export class PromotionService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  /** The promotions that touch the version's horizon (or dip in it), with their effect, and the transitions. */
  async calendar(versionId: number): Promise<PromotionCalendar> {
    const db = this.database.db;
    const computed = await computeAdjustments(db, versionId, await this.currentPeriod(versionId));
    const horizon = new Set<string>(computed.periods);
    const book = await loadPriceBook(db);
    const promotions: PromotionCalendarEntry[] = [];
    for (const [i, p] of computed.calendar.entries()) {
      const effect = computed.promotions[i]!;
      const touches = effect.months.some((m) => horizon.has(m.period)) || horizon.has(effect.dipPeriod ?? "");
      if (!touches) continue;
      const revenue = promotionRevenue(effect, p.discountPct, (sku) =>
        promotionPrice(pricesOn(book.get(sku), p.start), p.segment, computed.segmentShares.get(sku)),
      );
      promotions.push({
        code: p.code,
        name: p.name,
        sku: p.sku,
        group: p.group,
        segment: p.segment,
        start: p.start,
        end: p.end,
        upliftPct: p.upliftPct,
        upliftUnits: p.upliftUnits,
        discountPct: p.discountPct,
        cannibalisationPct: p.cannibalisationPct,
        postDipPct: p.postDipPct,
        months: effect.months.map((m) => ({ ...m })),
        dipPeriod: effect.dipPeriod,
        effect: {
          baseline: effect.skus.reduce((a, s) => a + s.baseline, 0),
          uplift: effect.uplift,
          cannibalised: effect.cannibalised,
          dip: effect.dip,
          revenue: revenue.revenue,
          incrementalRevenue: revenue.incremental,
        },
      });
    }
    return {
      versionId,
      periods: [...computed.periods],
      promotions,
      transitions: computed.transitions.map((t) => ({
        kind: t.kind,
        sku: t.sku,
        predecessor: t.predecessor,
        months: t.months.map((m) => ({ ...m })),
        before: t.before,
        after: t.after,
      })),
    };
  }

  /**
   * Recomputes the marketing and product layers from the promotions and transitions and writes
   * the difference: one audited edit per layer and reason. Cells whose latest change was a
   * person's (not a promotion or transition edit), and locked cells, are left as they are.
   */
  async apply(versionId: number, user: User): Promise<ApplyResult> {
    for (const layer of LAYERS) requireLayerRight(user.role, layer);
    const currentPeriod = await this.currentPeriod(versionId);
    return this.database.db.transaction().execute(async (trx) => {
      await lockDraftDemandVersion(trx, versionId);
      const computed = await computeAdjustments(trx, versionId, currentPeriod);
      const kept = await keptCells(trx, versionId);
      const current = await sql<{
        measure: string;
        sku: string;
        location: string | null;
        segment: string | null;
        period: PeriodKey;
        value: number;
      }>`
        SELECT measure, sku, location, segment, period, value FROM plan_values
        WHERE version_id = ${versionId} AND measure = ANY(${LAYERS}::text[])`.execute(trx);
      const transitionSkus = new Set(computed.transitions.flatMap((t) => [t.sku, t.predecessor ?? t.sku]));
      const edits: ApplyResult["edits"][number][] = [];
      const at = this.now();
      for (const [measure, target] of [
        ["demand.marketing", computed.marketing],
        ["demand.product", computed.product],
      ] as const) {
        const wanted = new Map(target.map((c) => [cellId(c), c]));
        const groups = new Map<"promotion" | "transition", CellWrite[]>();
        const push = (reason: "promotion" | "transition", write: CellWrite) => {
          if (kept(measure, write)) return;
          const list = groups.get(reason);
          if (list) list.push(write);
          else groups.set(reason, [write]);
        };
        const seen = new Set<string>();
        for (const c of current.rows.filter((r) => r.measure === measure)) {
          const id = cellId(c);
          seen.add(id);
          const next = wanted.get(id);
          if (next && Math.abs(next.value - c.value) <= TOLERANCE) continue;
          const reason = next?.reason ?? (transitionSkus.has(c.sku) ? "transition" : "promotion");
          push(reason, { ...key(c), oldValue: c.value, newValue: next?.value ?? null });
        }
        for (const [id, c] of wanted)
          if (!seen.has(id)) push(c.reason, { ...key(c), oldValue: null, newValue: c.value });
        for (const [reason, writes] of groups) {
          const months = writes.map((w) => w.period).sort();
          const result = await recordEdit(
            trx,
            {
              versionId,
              measure,
              node: { kind: "all" },
              first: months[0]!,
              last: months.at(-1)!,
              kind: reason,
              amount: null,
              basis: null,
              reason,
              comment:
                reason === "promotion"
                  ? "promotions calendar applied: uplift, cannibalisation, post-promotion dip"
                  : "product transitions applied: launches, phase-outs, supersessions",
            },
            writes,
            user,
            at,
            writes.reduce((a, w) => a + (w.oldValue ?? 0), 0),
          );
          edits.push({ editId: result.editId, measure, reason, changed: result.changed });
        }
      }
      return { edits, revision: await revisionOf(trx, versionId) };
    });
  }

  /** The version's cycle month (what the segment mix is dated by); undefined when it has none. */
  private async currentPeriod(versionId: number): Promise<PeriodKey | undefined> {
    const version = await this.database.db
      .selectFrom("plan_versions")
      .select("cycle_period")
      .where("id", "=", versionId)
      .executeTakeFirst();
    if (!version) throw new AppError("not_found", `no plan version ${versionId}`);
    return (version.cycle_period ? parsePeriod(version.cycle_period) : null) ?? undefined;
  }
}

function key(c: { sku: string; location: string | null; segment: string | null; period: string }) {
  return { sku: c.sku, location: c.location, segment: c.segment, period: c.period };
}

/**
 * Whether a person owns a cell of a layer: its latest change in the version is not from a
 * promotion or transition edit (a typed edit, a cell-by-cell change), or the SKU-month is locked
 * in that layer (locks are per SKU × month × layer, whatever the cell's location or segment).
 */
async function keptCells(
  trx: Kysely<Schema>,
  versionId: number,
): Promise<
  (
    measure: string,
    cell: { sku: string; location: string | null; segment: string | null; period: string },
  ) => boolean
> {
  const rows = await sql<{
    measure: string;
    sku: string;
    location: string | null;
    segment: string | null;
    period: PeriodKey;
  }>`
    SELECT measure, sku, location, segment, period FROM (
      SELECT DISTINCT ON (c.measure, c.sku, c.location, c.segment, c.period)
             c.measure, c.sku, c.location, c.segment, c.period, e.kind
      FROM plan_changes c LEFT JOIN plan_edits e ON e.id = c.edit_id
      WHERE c.version_id = ${versionId} AND c.measure = ANY(${LAYERS}::text[])
      ORDER BY c.measure, c.sku, c.location, c.segment, c.period, c.id DESC
    ) latest WHERE kind IS NULL OR kind NOT IN ('promotion', 'transition')`.execute(trx);
  const edited = new Set(rows.rows.map((r) => `${r.measure}\u0000${cellId(r)}`));
  const locks = await trx
    .selectFrom("plan_locks")
    .select(["measure", "sku", "period"])
    .where("version_id", "=", versionId)
    .where("measure", "in", [...LAYERS])
    .execute();
  const locked = new Set(locks.map((l) => `${l.measure}\u0000${l.sku}\u0000${l.period}`));
  return (measure, cell) =>
    edited.has(`${measure}\u0000${cellId(cell as CellKey)}`) ||
    locked.has(`${measure}\u0000${cell.sku}\u0000${cell.period}`);
}
