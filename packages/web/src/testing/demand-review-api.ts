// The API a demand review page test answers: one draft demand version (id 3) of the November 2026
// cycle, its top level and one family (FAM-A) opened, and no edits or promotions unless a test adds
// them.

import type { DemandGrid, DemandGridRow } from "../api/demand";
import { DANA, WORKSPACE } from "./fixtures";
import { stubApi } from "./render";

export const DEMAND_VERSIONS = {
  versions: [
    {
      id: 3,
      scenarioId: 1,
      scenario: "Base plan",
      kind: "demand",
      number: 1,
      label: "",
      status: "draft",
      cyclePeriod: "2026-11",
    },
  ],
};

/**
 * A grid row with its consensus for November and December 2026, the statistical forecast equal to
 * it unless given, and no sales, marketing or product input.
 */
export function gridRow(
  kind: DemandGridRow["kind"],
  code: string | null,
  name: string,
  consensus: readonly number[],
  options: { children?: number; locked?: readonly boolean[]; statistical?: readonly number[] } = {},
): DemandGridRow {
  return {
    kind,
    code,
    name,
    level: kind === "item" ? "sku" : "family",
    children: options.children ?? 0,
    layers: {
      "demand.statistical": options.statistical ?? consensus,
      "demand.sales": consensus.map(() => null),
      "demand.marketing": consensus.map(() => null),
      "demand.product": consensus.map(() => null),
      "demand.consensus": consensus,
    },
    locked: { "demand.consensus": options.locked ?? consensus.map(() => false) },
  };
}

/** The version's grid of November and December 2026 by month, at revision 7. */
export function demandGrid(rows: DemandGridRow[], status = "draft"): DemandGrid {
  return {
    versionId: 3,
    status,
    revision: 7,
    grain: "month",
    periods: ["2026-11", "2026-12"],
    buckets: [
      { bucket: "2026-11", from: "2026-11", to: "2026-11" },
      { bucket: "2026-12", from: "2026-12", to: "2026-12" },
    ],
    rows,
  };
}

export function stubDemandReview(
  grids: { readonly top: DemandGrid; readonly family: DemandGrid },
  options: { readonly me?: unknown; readonly promotionPeriods?: readonly string[] } = {},
  extra: Record<string, unknown> = {},
) {
  return stubApi({
    "GET /api/auth/me": options.me ?? DANA,
    "GET /api/workspace": WORKSPACE,
    "GET /api/plans/versions": DEMAND_VERSIONS,
    "GET /api/plans/versions/3/demand?from=2026-11&grain=month": grids.top,
    "GET /api/plans/versions/3/demand?node=FAM-A&nodeKind=group&from=2026-11&grain=month": grids.family,
    "GET /api/plans/versions/3/edits": { edits: [] },
    "GET /api/plans/versions/3/promotions": {
      versionId: 3,
      periods: options.promotionPeriods ?? [],
      promotions: [],
      transitions: [],
    },
    ...extra,
  });
}
