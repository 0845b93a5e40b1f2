// Versioned plans and their audit trail. A version is created from scratch or copied from another;
// every change to a value in a draft records who made it, when, old → new, and why; any change can
// be reverted (itself an audited change); approval freezes a version for good (the database
// enforces it).

import { addPeriods, type PeriodKey, parsePeriod } from "@fulcrum/domain";
import type { Database, Schema } from "@fulcrum/storage";
import { type Kysely, sql, type Transaction } from "kysely";
import type { User } from "../auth/auth-service";
import { requireLayerRight } from "../demand/demand-layers";
import { AppError } from "../errors";
import { type PlanGrid, readPlanGrid } from "./plan-grid";
import { CHANGE_SET_STRIDE, writeCells } from "./plan-writer";

export type PlanKind = "demand" | "supply" | "inventory";

/** The measures a plan version holds; the prefix names the plan kind. */
export const PLAN_MEASURES = [
  "demand.statistical",
  "demand.statistical.p10",
  "demand.statistical.p90",
  "demand.sales",
  "demand.marketing",
  "demand.product",
  "demand.consensus",
  "supply.production",
  "supply.purchases",
  "supply.scheduled_receipts",
  "supply.transfers",
  "supply.shipments",
  "supply.consumption",
  "supply.served",
  "supply.backlog",
  "supply.lost_sales",
  "inventory.projected",
  "inventory.safety_stock",
  "inventory.target",
  "finance.revenue",
  "finance.cogs",
  "finance.inventory_value",
  "finance.lost_revenue",
] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

export interface PlanCell {
  readonly measure: PlanMeasure;
  readonly sku: string;
  readonly location: string | null;
  readonly segment: string | null;
  readonly period: string;
}

export interface PlanChange extends PlanCell {
  /** The new value; null removes the cell. */
  readonly value: number | null;
}

export interface PlanVersion {
  readonly id: number;
  readonly scenarioId: number;
  readonly kind: PlanKind;
  readonly number: number;
  readonly status: "draft" | "approved" | "committed";
}

export interface NewVersion {
  readonly scenarioId: number;
  readonly kind: PlanKind;
  readonly label?: string;
  readonly basedOn?: number;
  /** Copy-on-write: the new version will hold only the cells that differ from this version's. */
  readonly overlayOf?: number;
  readonly cyclePeriod?: string;
  readonly user: Pick<User, "id"> | null;
}

export class PlanService {
  constructor(
    private readonly database: Database,
    private readonly now: () => Date,
  ) {}

  /** `scenarioId` when that scenario exists (not found otherwise), else the base scenario. */
  async scenarioOrBase(scenarioId: number | undefined, user: Pick<User, "id"> | null): Promise<number> {
    if (scenarioId === undefined) return this.baseScenario(user);
    const found = await this.database.db
      .selectFrom("scenarios")
      .select("id")
      .where("id", "=", scenarioId)
      .executeTakeFirst();
    if (!found) throw new AppError("not_found", `no scenario ${scenarioId}`);
    return found.id;
  }

  /** The base scenario every company starts with; created on first use. */
  async baseScenario(user: Pick<User, "id"> | null): Promise<number> {
    const db = this.database.db;
    const found = await db
      .selectFrom("scenarios")
      .select("id")
      .where("parent_id", "is", null)
      .orderBy("id")
      .executeTakeFirst();
    if (found) return found.id;
    const row = await db
      .insertInto("scenarios")
      .values({
        name: "Base plan",
        description: "The plan of record",
        parent_id: null,
        created_by: user?.id ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A new draft version, optionally a copy of another version's values. */
  async createVersion(input: NewVersion): Promise<PlanVersion> {
    return this.database.db.transaction().execute((trx) => this.createVersionIn(trx, input));
  }

  /** `createVersion` inside the caller's transaction, so a version and its values appear together. */
  async createVersionIn(trx: Transaction<Schema>, input: NewVersion): Promise<PlanVersion> {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`fulcrum.version.${input.scenarioId}.${input.kind}`}))`.execute(
      trx,
    );
    const last = await trx
      .selectFrom("plan_versions")
      .select((eb) => eb.fn.max("number").as("n"))
      .where("scenario_id", "=", input.scenarioId)
      .where("kind", "=", input.kind)
      .executeTakeFirst();
    const version = await trx
      .insertInto("plan_versions")
      .values({
        scenario_id: input.scenarioId,
        kind: input.kind,
        number: (last?.n ?? 0) + 1,
        label: input.label ?? "",
        based_on: input.basedOn ?? input.overlayOf ?? null,
        overlay_of: input.overlayOf ?? null,
        cycle_period: input.cyclePeriod ?? null,
        created_by: input.user?.id ?? null,
        approved_by: null,
        approved_at: null,
      })
      .returning(["id", "scenario_id", "kind", "number", "status"])
      .executeTakeFirstOrThrow();
    if (input.basedOn !== undefined) {
      await sql`INSERT INTO plan_series (version_id, measure, sku, location, segment, periods, cell_values)
                SELECT ${version.id}, measure, sku, location, segment, periods, cell_values FROM plan_series
                WHERE version_id = ${input.basedOn}`.execute(trx);
    }
    return {
      id: version.id,
      scenarioId: version.scenario_id,
      kind: version.kind,
      number: version.number,
      status: version.status,
    };
  }

  /** Applies changes to a draft version, recording each in the audit trail with the reason. */
  async change(
    versionId: number,
    changes: readonly PlanChange[],
    user: User,
    reason: string,
    comment = "",
    reverts: number | null = null,
  ): Promise<number> {
    if (!reason.trim()) throw new AppError("bad_request", "a plan change needs a reason");
    for (const c of changes) {
      // Demand layers belong to their functions, whichever endpoint the change comes through.
      if (c.measure.startsWith("demand.")) requireLayerRight(user.role, c.measure);
      if (!parsePeriod(c.period)) throw new AppError("bad_request", `${c.period} is not a period`);
      if (c.value !== null && (!Number.isFinite(c.value) || c.value < 0))
        throw new AppError("bad_request", `${c.value} is not a valid plan quantity`);
    }
    return this.database.db.transaction().execute(async (trx) => {
      const version = await trx
        .selectFrom("plan_versions")
        .select(["status"])
        .where("id", "=", versionId)
        .forUpdate()
        .executeTakeFirst();
      if (!version) throw new AppError("not_found", `no plan version ${versionId}`);
      if (version.status !== "draft")
        throw new AppError("conflict", `plan version ${versionId} is ${version.status} and cannot change`);
      // One write per measure; each cell's audit row records the value the database held.
      let recorded = 0;
      for (const measure of new Set(changes.map((c) => c.measure))) {
        const { changed } = await writeCells(
          trx,
          { versionId, measure, editId: null, userId: user.id, at: this.now(), reason, comment },
          changes
            .filter((c) => c.measure === measure)
            .map((c) => ({ ...c, oldValue: null, newValue: c.value, reverts })),
        );
        recorded += changed;
      }
      return recorded;
    });
  }

  /** Undoes one recorded change by writing its old value back, as a new audited change. */
  async revert(changeId: number, user: User): Promise<void> {
    const change = await this.database.db
      .selectFrom("plan_changes")
      .selectAll()
      // The set first, so the lookup goes by the sets' key instead of through every cell.
      .where("set_id", "=", String(Math.floor(changeId / CHANGE_SET_STRIDE)))
      .where("id", "=", String(changeId))
      .executeTakeFirst();
    if (!change) throw new AppError("not_found", `no plan change ${changeId}`);
    await this.change(
      change.version_id,
      [
        {
          measure: change.measure as PlanMeasure,
          sku: change.sku,
          location: change.location,
          segment: change.segment,
          period: change.period,
          value: change.old_value,
        },
      ],
      user,
      "revert",
      `reverts change ${changeId}`,
      changeId,
    );
  }

  async versions() {
    return this.database.db
      .selectFrom("plan_versions")
      .innerJoin("scenarios", "scenarios.id", "plan_versions.scenario_id")
      .select([
        "plan_versions.id",
        "scenario_id as scenarioId",
        "scenarios.name as scenario",
        "kind",
        "number",
        "label",
        "status",
        "cycle_period as cyclePeriod",
        "overlay_of as overlayOf",
      ])
      .orderBy("plan_versions.id", "desc")
      .execute();
  }

  /** One measure of a version as a grid; the period range defaults to 24 periods from `from`. */
  async grid(query: {
    versionId: number;
    measure: PlanMeasure;
    from: string;
    to?: string;
    offset: number;
    limit: number;
    search?: string;
  }): Promise<PlanGrid> {
    const from = parsePeriod(query.from);
    const to = query.to ? parsePeriod(query.to) : from && addPeriods(from, 23);
    if (!from || !to) throw new AppError("bad_request", "from and to must be periods (YYYY-MM or YYYY-Www)");
    const exists = await this.database.db
      .selectFrom("plan_versions")
      .select("id")
      .where("id", "=", query.versionId)
      .executeTakeFirst();
    if (!exists) throw new AppError("not_found", `no plan version ${query.versionId}`);
    return readPlanGrid(this.database, { ...query, from: from as PeriodKey, to });
  }

  async history(versionId: number) {
    return this.database.db
      .selectFrom("plan_changes")
      .innerJoin("users", "users.id", "plan_changes.changed_by")
      .select([
        "plan_changes.id",
        "measure",
        "sku",
        "location",
        "segment",
        "period",
        "old_value",
        "new_value",
        "reason",
        "comment",
        "users.username",
        "changed_at",
      ])
      .where("version_id", "=", versionId)
      .orderBy("plan_changes.id")
      .execute();
  }

  async approve(versionId: number, user: User): Promise<void> {
    await this.approveIn(this.database.db, versionId, user);
  }

  /** Approves a draft inside the caller's transaction. */
  async approveIn(trx: Kysely<Schema>, versionId: number, user: User): Promise<void> {
    const result = await trx
      .updateTable("plan_versions")
      .set({ status: "approved", approved_by: user.id, approved_at: this.now() })
      .where("id", "=", versionId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new AppError("conflict", `plan version ${versionId} is not a draft`);
  }
}
