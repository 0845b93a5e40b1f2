// The supplier collaboration use cases. A supplier user sees the projected requirements for its
// own parts from the latest finished supply run of the base scenario, with the capacity and lead
// time in force per period, and confirms or counter-proposes them; the supply planner sees what
// changed. Everything a supplier can reach is filtered by the supplier its user speaks for.

import { addPeriods, type PeriodKey, periodRange } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { User } from "../auth/auth-service";
import { AppError } from "../errors";
import { DEFAULT_SUPPLY_RUN } from "../supply/supply-service";
import type { WorkspaceService } from "../workspace/workspace-service";
import { checkResponses, type ResponseInput } from "./response-input";
import {
  type ResponseStatus,
  responseChanges,
  responsesInForce,
  type SupplierResponseChange,
} from "./supplier-responses";

export interface PartPeriod {
  readonly period: string;
  /** Units the plan asks to receive in the period, over all plants (0 when none). */
  readonly requested: number;
  /** When the order for it is placed, by the plan's lead time; null without a requirement. */
  readonly orderPeriod: string | null;
  /** Capacity in force: the last response's, else the imported one (null = unlimited). */
  readonly capacity: number | null;
  readonly leadTimeDays: number;
  /** Where the figures in force come from. */
  readonly source: "imported" | ResponseStatus;
  readonly comment: string;
  readonly respondedAt: string | null;
}

export interface SupplierPart {
  readonly sku: string;
  readonly name: string;
  readonly importedCapacity: number | null;
  readonly importedLeadTimeDays: number;
  readonly periods: readonly PartPeriod[];
}

export interface SupplierRequirementsView {
  readonly supplier: { readonly code: string; readonly name: string };
  /** The run the requirements come from; null before any supply run finished. */
  readonly run: { readonly id: number; readonly strategy: string; readonly finishedAt: string | null } | null;
  readonly periods: readonly string[];
  readonly parts: readonly SupplierPart[];
}

/** Most responses the planner's list shows. */
const CHANGES_SHOWN = 500;

export class SupplierPortalService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly now: () => Date,
  ) {}

  /** The supplier user's own parts × the horizon's periods: requested, and what is in force. */
  async requirements(user: User): Promise<SupplierRequirementsView> {
    const code = supplierOf(user);
    const db = this.database.db;
    const supplier = await this.supplier(code);
    const run = await this.latestRun();
    const periods = await this.horizon(run);
    const first = periods[0]!;
    const last = periods.at(-1)!;
    const parts = (
      await sql<{ sku: string; name: string; capacity: number | null; leadTimeDays: number }>`
        SELECT i.sku, it.name, i.capacity_per_period AS capacity, i.lead_time_days AS "leadTimeDays"
        FROM supplier_items i JOIN items it ON it.sku = i.sku
        WHERE i.supplier = ${code} ORDER BY i.sku`.execute(db)
    ).rows;
    const asked = await this.requested(run, code);
    const inForce = new Map(
      (await responsesInForce(db, first, last, code)).map((r) => [`${r.sku}\u0000${r.period}`, r]),
    );
    return {
      supplier,
      run: run && { id: run.id, strategy: run.strategy, finishedAt: run.finishedAt },
      periods,
      parts: parts.map((p) => ({
        sku: p.sku,
        name: p.name,
        importedCapacity: p.capacity,
        importedLeadTimeDays: p.leadTimeDays,
        periods: periods.map((period): PartPeriod => {
          const key = `${p.sku}\u0000${period}`;
          const r = inForce.get(key);
          return {
            period,
            requested: asked.get(key)?.quantity ?? 0,
            orderPeriod: asked.get(key)?.orderPeriod ?? null,
            capacity: r ? r.capacity : p.capacity,
            leadTimeDays: r ? r.leadTimeDays : p.leadTimeDays,
            source: r ? r.status : "imported",
            comment: r?.comment ?? "",
            respondedAt: r?.respondedAt ?? null,
          };
        }),
      })),
    };
  }

  /**
   * Records confirmations and counter-proposals, all or none, against the latest run's
   * requirements; the next supply run plans with them. Returns how many were saved.
   */
  async respond(user: User, rows: readonly ResponseInput[]): Promise<{ saved: number }> {
    const code = supplierOf(user);
    const db = this.database.db;
    const run = await this.latestRun();
    const periods = await this.horizon(run);
    const skus = new Set(
      (
        await sql<{ sku: string }>`SELECT sku FROM supplier_items WHERE supplier = ${code}`.execute(db)
      ).rows.map((r) => r.sku),
    );
    checkResponses(rows, { supplier: code, skus, periods });
    const requested = await this.requested(run, code);
    const at = this.now();
    await db
      .insertInto("supplier_responses")
      .values(
        rows.map((r) => ({
          supplier: code,
          sku: r.sku,
          period: r.period,
          requested_quantity: requested.get(`${r.sku}\u0000${r.period}`)?.quantity ?? 0,
          confirmed_capacity: r.capacity,
          confirmed_lead_time_days: r.leadTimeDays,
          status: r.status,
          comment: (r.comment ?? "").trim(),
          run_id: run?.id ?? null,
          version_id: run?.versionId ?? null,
          responded_by: user.id,
          responded_at: at,
        })),
      )
      .execute();
    return { saved: rows.length };
  }

  /** The planner's "what changed": every response, newest first, old → new. */
  async changes(): Promise<SupplierResponseChange[]> {
    return responseChanges(this.database.db, CHANGES_SHOWN);
  }

  /** The run's requirements from one supplier per SKU and period, summed over plants. */
  private async requested(run: { id: number } | null, supplier: string) {
    if (!run) return new Map<string, { quantity: number; orderPeriod: string }>();
    const { rows } = await sql<{ sku: string; period: string; quantity: number; orderPeriod: string }>`
      SELECT sku, period, sum(quantity)::float8 AS quantity, min(order_period) AS "orderPeriod"
      FROM supply_requirements WHERE run_id = ${run.id} AND supplier = ${supplier}
      GROUP BY sku, period`.execute(this.database.db);
    return new Map(rows.map((r) => [`${r.sku}\u0000${r.period}`, r]));
  }

  private async supplier(code: string) {
    const row = (
      await sql<{
        code: string;
        name: string;
      }>`SELECT code, name FROM suppliers WHERE code = ${code}`.execute(this.database.db)
    ).rows[0];
    if (!row) throw new AppError("not_found", `supplier ${code} is no longer in the data`);
    return row;
  }

  /** The latest finished supply run of the base scenario (the scenario without a parent). */
  private async latestRun() {
    const row = await this.database.db
      .selectFrom("supply_runs")
      .innerJoin("scenarios", "scenarios.id", "supply_runs.scenario_id")
      .select([
        "supply_runs.id",
        "supply_runs.version_id",
        "supply_runs.strategy",
        "supply_runs.first_period",
        "supply_runs.horizon",
        "supply_runs.finished_at",
      ])
      .where("scenarios.parent_id", "is", null)
      .where("supply_runs.status", "=", "finished")
      .orderBy("supply_runs.id", "desc")
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          versionId: row.version_id,
          strategy: row.strategy,
          firstPeriod: row.first_period as PeriodKey,
          horizon: row.horizon,
          finishedAt: row.finished_at?.toISOString() ?? null,
        }
      : null;
  }

  /** The run's periods; before any run, the default horizon from the current period. */
  private async horizon(run: { firstPeriod: PeriodKey; horizon: number } | null): Promise<PeriodKey[]> {
    const first = run?.firstPeriod ?? (await this.workspace.company()).currentPeriod;
    const count = run?.horizon ?? DEFAULT_SUPPLY_RUN.horizon;
    return periodRange(first, addPeriods(first, count - 1));
  }
}

function supplierOf(user: User): string {
  if (user.role !== "supplier" || user.supplierCode === null)
    throw new AppError("forbidden", "only a supplier's own users use the supplier portal");
  return user.supplierCode;
}
