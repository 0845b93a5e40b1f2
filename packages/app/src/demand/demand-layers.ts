// The layers of a demand version and who may touch them. The statistical layer comes from the
// forecast run; sales, marketing and product add their knowledge; the consensus is what the
// company plans on (ADR 0500 spells out how the proposal combines them).

import { canEditDemandLayer, type PeriodKey, parsePeriod, periodRange, type Role } from "@fulcrum/domain";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import { AppError } from "../errors";
import { CHANGE_SET_STRIDE } from "../plans/plan-writer";

export const DEMAND_LAYERS = [
  "demand.statistical",
  "demand.sales",
  "demand.marketing",
  "demand.product",
  "demand.consensus",
] as const;
export type DemandLayer = (typeof DEMAND_LAYERS)[number];

/** The layers a person can edit at all (the statistical layer is the forecast's own). */
export const EDITABLE_LAYERS = [
  "demand.sales",
  "demand.marketing",
  "demand.product",
  "demand.consensus",
] as const;
export type EditableLayer = (typeof EDITABLE_LAYERS)[number];

export function requireLayerRight(role: Role, measure: string): void {
  if (!canEditDemandLayer(role, measure))
    throw new AppError("forbidden", `the ${role.replace("_", " ")} role cannot edit ${measure}`);
}

/** The periods from `from` to `to` (inclusive; `to` defaults to `from`), at most 60 of them. */
export function periodsOf(from: string, to: string | undefined): PeriodKey[] {
  const first = parsePeriod(from);
  const last = to === undefined ? first : parsePeriod(to);
  if (!first || !last) throw new AppError("bad_request", "from and to must be periods (YYYY-MM or YYYY-Www)");
  const periods = periodRange(first, last);
  if (periods.length === 0) throw new AppError("bad_request", `${to} comes before ${from}`);
  if (periods.length > 60) throw new AppError("bad_request", "a range covers at most 60 periods");
  return periods;
}

/** Locks the version row for the transaction and checks that it is a draft demand version. */
export async function lockDraftDemandVersion(trx: Kysely<Schema>, versionId: number): Promise<void> {
  const version = await trx
    .selectFrom("plan_versions")
    .select(["status", "kind"])
    .where("id", "=", versionId)
    .forUpdate()
    .executeTakeFirst();
  if (!version) throw new AppError("not_found", `no plan version ${versionId}`);
  if (version.kind !== "demand")
    throw new AppError("bad_request", `plan version ${versionId} is not a demand plan`);
  if (version.status !== "draft")
    throw new AppError("conflict", `plan version ${versionId} is ${version.status} and cannot change`);
}

/** The version's revision: the id of its latest recorded change (0 before any). */
export async function revisionOf(db: Kysely<Schema>, versionId: number): Promise<number> {
  // The latest change set's last cell, found by the index rather than by unnesting every set.
  const row = await sql<{ id: string }>`
    SELECT id * ${CHANGE_SET_STRIDE} + cardinality(periods) - 1 AS id FROM plan_change_sets
    WHERE version_id = ${versionId} ORDER BY id DESC LIMIT 1`.execute(db);
  return Number(row.rows[0]?.id ?? 0);
}
