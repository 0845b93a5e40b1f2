// The snapshot a cycle's demand review leaves behind: when the consensus of the base scenario is
// approved, every layer of the version is copied per SKU and month (summed over locations and
// segments) with the person who last changed each cell, so that accuracy and forecast value added
// are later measured on what was really planned (migration 0010).

import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";

/** The layers a snapshot keeps, by their plan measure. */
export const SNAPSHOT_LAYERS = {
  "demand.statistical": "statistical",
  "demand.sales": "sales",
  "demand.marketing": "marketing",
  "demand.product": "product",
  "demand.consensus": "consensus",
} as const;

/**
 * Copies the version into a new snapshot of its cycle, when it belongs to the base scenario (other
 * scenarios are what-ifs, not what was planned). Returns the snapshot's id, or null when none was
 * taken.
 */
export async function takeDemandSnapshot(
  trx: Kysely<Schema>,
  input: {
    readonly versionId: number;
    readonly userId: number;
    readonly at: Date;
    readonly fallbackCycle: string;
  },
): Promise<number | null> {
  const version = await trx
    .selectFrom("plan_versions as v")
    .innerJoin("scenarios as s", "s.id", "v.scenario_id")
    .select(["v.cycle_period", "s.parent_id"])
    .where("v.id", "=", input.versionId)
    .executeTakeFirstOrThrow();
  if (version.parent_id !== null) return null;
  const { id } = await trx
    .insertInto("demand_snapshots")
    .values({
      cycle_period: version.cycle_period ?? input.fallbackCycle,
      version_id: input.versionId,
      taken_by: input.userId,
      taken_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const layer = sql.raw(
    `CASE v.measure ${Object.entries(SNAPSHOT_LAYERS)
      .map(([measure, name]) => `WHEN '${measure}' THEN '${name}'`)
      .join(" ")} END`,
  );
  // The last editor of each SKU-month, found in one pass over the version's changes.
  await sql`
    WITH editor AS (
      SELECT DISTINCT ON (measure, sku, period) measure, sku, period, changed_by
      FROM plan_changes
      WHERE version_id = ${input.versionId} AND measure IN (${sql.join(Object.keys(SNAPSHOT_LAYERS))})
      ORDER BY measure, sku, period, id DESC),
    cell AS (
      SELECT measure, sku, period, sum(value) AS value FROM plan_values
      WHERE version_id = ${input.versionId} AND measure IN (${sql.join(Object.keys(SNAPSHOT_LAYERS))})
      GROUP BY measure, sku, period)
    INSERT INTO demand_snapshot_values (snapshot_id, layer, sku, period, value, editor)
    SELECT ${id}, ${layer}, v.sku, v.period, v.value, e.changed_by
    FROM cell v LEFT JOIN editor e ON e.measure = v.measure AND e.sku = v.sku AND e.period = v.period`.execute(
    trx,
  );
  return id;
}
