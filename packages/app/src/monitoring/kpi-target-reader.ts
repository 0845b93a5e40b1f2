// The KPI targets the monitoring exceptions judge against, read straight from the append-only
// kpi_targets log: the newest entry per (KPI, scope) is in force, and a subject's target is the
// first in force along its scopes (a segment's own, else the company's), else the stated default.

import { kpiDefinition } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { sqlRows } from "../data/sql-rows";

const EXCEPTION_KPIS = ["forecast_bias", "plan_attainment", "otif"] as const;

/** The targets used when nobody has set one: the KPI catalogue's defaults, as the scorecard shows. */
export const DEFAULT_KPI_TARGETS = Object.fromEntries(
  EXCEPTION_KPIS.map((code) => [code, kpiDefinition(code)!.defaultTarget]),
) as Record<(typeof EXCEPTION_KPIS)[number], number>;

export type ExceptionKpi = keyof typeof DEFAULT_KPI_TARGETS;

export interface KpiTargetBook {
  /** The target in force for the first of `scopes` that has one ("company" is always tried last). */
  target(kpi: ExceptionKpi, ...scopes: string[]): number;
}

/** A book over the targets in force, as "kpi\u0000scope" → target. */
export function targetBook(inForce: ReadonlyMap<string, number>): KpiTargetBook {
  return {
    target(kpi, ...scopes) {
      for (const scope of [...scopes, "company"]) {
        const target = inForce.get(`${kpi}\u0000${scope}`);
        if (target !== undefined) return target;
      }
      return DEFAULT_KPI_TARGETS[kpi];
    },
  };
}

export async function readKpiTargets(database: Database): Promise<KpiTargetBook> {
  const rows = await sqlRows(database.db)<{ kpi: string; scope: string; target: number }>(sql`
    SELECT DISTINCT ON (kpi, scope) kpi, scope, target FROM kpi_targets
    WHERE kpi = ANY(${Object.keys(DEFAULT_KPI_TARGETS)}::text[])
    ORDER BY kpi, scope, id DESC`);
  return targetBook(new Map(rows.map((r) => [`${r.kpi}\u0000${r.scope}`, r.target])));
}
