// The API a demand review page test answers: one draft demand version (id 3) of the November 2026
// cycle, its top level and one family (FAM-A) opened, and no edits or promotions unless a test adds
// them.

import type { DemandGrid } from "../api/demand";
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
