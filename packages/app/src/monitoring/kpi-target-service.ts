// The scorecard's targets: an append-only log per KPI and scope, the newest entry in force. A
// target names a KPI of the catalogue and a scope the company holds (a segment, product group,
// location or resource), so a typo cannot create a target nothing reads; who set it, when, and the
// value it replaced stay readable.

import { canSetKpiTargets } from "@fulcrum/domain";
import { isKpiCode, KPI_CATALOGUE, type KpiCode } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { User } from "../auth/auth-service";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";

export interface KpiTarget {
  readonly id: number;
  readonly kpi: string;
  readonly scope: string;
  readonly target: number;
  readonly note: string;
  readonly setBy: string;
  readonly setAt: string;
}

/** Where each scope kind's codes live. */
const SCOPE_TABLES = {
  segment: "segments",
  group: "product_groups",
  location: "locations",
  resource: "resources",
} as const;

export class KpiTargetService {
  constructor(private readonly database: Database) {}

  /** The KPIs targets may be set for, with their definitions and default targets. */
  catalogue() {
    return KPI_CATALOGUE;
  }

  /** The targets in force, newest per (KPI, scope), ordered as the catalogue. */
  async inForce(): Promise<KpiTarget[]> {
    const rows = await this.rows(sql`
      SELECT DISTINCT ON (t.kpi, t.scope) t.id, t.kpi, t.scope, t.target, t.note, u.display_name AS "setBy", t.set_at AS "setAt"
      FROM kpi_targets t JOIN users u ON u.id = t.set_by
      ORDER BY t.kpi, t.scope, t.id DESC`);
    const order = new Map(KPI_CATALOGUE.map((k, i) => [k.code as string, i]));
    return rows.sort(
      (a, b) => (order.get(a.kpi) ?? 99) - (order.get(b.kpi) ?? 99) || a.scope.localeCompare(b.scope),
    );
  }

  /** Every target ever set for the KPI (and scope, when given), newest first. */
  async history(kpi: string, scope?: string): Promise<KpiTarget[]> {
    return this.rows(sql`
      SELECT t.id, t.kpi, t.scope, t.target, t.note, u.display_name AS "setBy", t.set_at AS "setAt"
      FROM kpi_targets t JOIN users u ON u.id = t.set_by
      WHERE t.kpi = ${kpi} ${scope === undefined ? sql`` : sql`AND t.scope = ${scope}`}
      ORDER BY t.id DESC`);
  }

  /** The target in force for the KPI and scope: the scope's own, else the company's, else the default. */
  async targetFor(
    kpi: KpiCode,
    scope = "company",
  ): Promise<{ readonly target: number; readonly source: string }> {
    const all = await this.inForce();
    return resolveTarget(all, kpi, scope);
  }

  /** Sets a target (appending to the log); refused for roles that may not and for unknown codes. */
  async set(
    input: { readonly kpi: string; readonly scope?: string; readonly target: number; readonly note?: string },
    user: User,
  ): Promise<KpiTarget> {
    if (!canSetKpiTargets(user.role))
      throw new AppError(
        "forbidden",
        "only the planners, finance, the executive team and administrators set KPI targets",
      );
    if (!isKpiCode(input.kpi))
      throw new AppError("invalid_data", `kpi: ${input.kpi} is not a KPI of the scorecard`, { field: "kpi" });
    if (!Number.isFinite(input.target))
      throw new AppError("invalid_data", "target: must be a number", { field: "target" });
    const scope = (input.scope ?? "company").trim();
    await this.checkScope(scope);
    const row = await this.database.db
      .insertInto("kpi_targets")
      .values({
        kpi: input.kpi,
        scope,
        target: input.target,
        note: (input.note ?? "").trim(),
        set_by: user.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return (await this.history(input.kpi, scope)).find((t) => t.id === row.id)!;
  }

  private async checkScope(scope: string): Promise<void> {
    if (scope === "company") return;
    const [kind, code] = [scope.slice(0, scope.indexOf(":")), scope.slice(scope.indexOf(":") + 1)];
    const table = SCOPE_TABLES[kind as keyof typeof SCOPE_TABLES];
    if (!scope.includes(":") || !table || code.length === 0)
      throw new AppError(
        "invalid_data",
        `scope: ${scope} is not company, segment:CODE, group:CODE, location:CODE or resource:CODE`,
        { field: "scope" },
      );
    const found = await sqlRows(this.database.db)<{ code: string }>(
      sql`SELECT code FROM ${sql.table(table)} WHERE code = ${code}`,
    );
    if (found.length === 0)
      throw new AppError("invalid_data", `scope: no ${kind} ${code}`, { field: "scope" });
  }

  private async rows(query: ReturnType<typeof sql>): Promise<KpiTarget[]> {
    const rows = await sqlRows(this.database.db)<{
      id: number;
      kpi: string;
      scope: string;
      target: number;
      note: string;
      setBy: string;
      setAt: Date;
    }>(query);
    return rows.map((r) => ({ ...r, setAt: r.setAt.toISOString() }));
  }
}

/** The scope's own target, else the company's, else the catalogue's default. */
export function resolveTarget(
  inForce: readonly Pick<KpiTarget, "kpi" | "scope" | "target">[],
  kpi: KpiCode,
  scope: string,
): { readonly target: number; readonly source: string } {
  const own = inForce.find((t) => t.kpi === kpi && t.scope === scope);
  if (own) return { target: own.target, source: scope };
  const company = inForce.find((t) => t.kpi === kpi && t.scope === "company");
  if (company) return { target: company.target, source: "company" };
  return { target: KPI_CATALOGUE.find((k) => k.code === kpi)!.defaultTarget, source: "default" };
}
