// The promotions and transitions of a demand version, computed from its statistical layer: what
// the engines make of the calendar (demandAdjustments), and the run's first write of the
// marketing and product layers. A re-run by a planner goes through promotion-service.ts instead,
// which records it as audited edits.

import type { PeriodKey } from "@fulcrum/domain";
import { type DemandAdjustments, type DemandCell, demandAdjustments } from "@fulcrum/engines";
import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import { loadProductTree } from "../forecasting/forecast-hierarchy";
import { insertCellColumns } from "../plans/plan-writer";
import { loadPromotions, loadSegmentShares, loadTransitions, type PromotionRow } from "./promotion-data";

export interface VersionAdjustments extends DemandAdjustments {
  readonly periods: readonly PeriodKey[];
  readonly calendar: readonly PromotionRow[];
  readonly segmentShares: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Reads the version's statistical layer (its horizon is the months it covers), the promotions,
 * transitions, product tree and segment mix, and returns what the engines make of them.
 * `currentPeriod` dates the segment mix (the 12 closed months before it); the version's first
 * forecast month when omitted; it also counts a launch's own months of history.
 */
export async function computeAdjustments(
  db: Kysely<Schema>,
  versionId: number,
  currentPeriod?: PeriodKey,
): Promise<VersionAdjustments> {
  const statistical = await sql<DemandCell>`
    SELECT sku, location, segment, period, value FROM plan_values
    WHERE version_id = ${versionId} AND measure = 'demand.statistical'`.execute(db);
  const periods = [...new Set(statistical.rows.map((c) => c.period))].sort() as PeriodKey[];
  const calendar = await loadPromotions(db);
  const asOf = currentPeriod ?? periods[0];
  const segmentShares = asOf ? await loadSegmentShares(db, asOf) : new Map();
  const adjustments = demandAdjustments({
    statistical: statistical.rows,
    periods,
    promotions: calendar,
    transitions: asOf ? await loadTransitions(db, asOf) : [],
    products: await loadProductTree(db),
    segmentShares,
  });
  return { ...adjustments, periods, calendar, segmentShares };
}

/** The forecast run's write: the new version's marketing and product cells, as it creates them. */
export async function writeRunAdjustments(
  trx: Kysely<Schema>,
  versionId: number,
  currentPeriod: PeriodKey,
): Promise<{ marketing: number; product: number }> {
  const { marketing, product } = await computeAdjustments(trx, versionId, currentPeriod);
  const cells = [
    ...marketing.map((c) => ({ ...c, measure: "demand.marketing" })),
    ...product.map((c) => ({ ...c, measure: "demand.product" })),
  ];
  await insertCellColumns(trx, versionId, {
    measure: cells.map((c) => c.measure),
    sku: cells.map((c) => c.sku),
    location: cells.map((c) => c.location),
    segment: cells.map((c) => c.segment),
    period: cells.map((c) => c.period),
    value: cells.map((c) => c.value),
  });
  return { marketing: marketing.length, product: product.length };
}
