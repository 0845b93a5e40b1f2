// ABC–XYZ segmentation of the finished SKUs over the last twelve closed months — ABC by revenue or
// by margin, XYZ by the variability of monthly demand — for the whole company or within one
// customer segment, and service-level targets set per class and handed to inventory planning as
// service_level_targets rows, through the same validated, logged import as any file.

import { addPeriods, periodRange } from "@fulcrum/domain";
import {
  type AbcXyzClass,
  abcXyzMatrix,
  classifyAbcXyz,
  DEFAULT_CLASS_SERVICE_LEVELS,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import type { ImportService } from "../data/import-service";
import { AppError } from "../errors";
import type { WorkspaceService } from "../workspace/workspace-service";

export type SegmentationValue = "revenue" | "margin";

export interface SegmentationRequest {
  readonly by?: SegmentationValue;
  /** Classify within one customer segment's demand; the whole company when omitted. */
  readonly segment?: string;
}

const MONTHS = 12;

export class DemandSegmentationService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly imports: ImportService,
  ) {}

  async classification(request: SegmentationRequest = {}) {
    const by = request.by ?? "revenue";
    const company = await this.workspace.company();
    const to = addPeriods(company.currentPeriod, -1);
    const from = addPeriods(to, -(MONTHS - 1));
    const months = periodRange(from, to);
    const segment = request.segment ?? null;
    if (segment !== null) {
      const known = await sql`SELECT 1 FROM segments WHERE code = ${segment}`.execute(this.database.db);
      if (known.rows.length === 0) throw new AppError("bad_request", `no segment ${segment}`);
    }
    const { rows } = await sql<{
      sku: string;
      name: string;
      family: string | null;
      period: string | null;
      requested: number | null;
      revenue: number | null;
      cost: number | null;
    }>`
      WITH price AS (
        SELECT DISTINCT ON (sku) sku, unit_price FROM prices
        WHERE segment IS NULL AND valid_from <= ${company.asOf}::date AND (valid_to IS NULL OR valid_to >= ${company.asOf}::date)
        ORDER BY sku, valid_from DESC),
      cost AS (
        SELECT sku, avg(c) AS unit_cost FROM (
          SELECT DISTINCT ON (sku, location) sku, material_cost + labour_cost + overhead_cost AS c FROM standard_costs
          WHERE valid_from <= ${company.asOf}::date AND (valid_to IS NULL OR valid_to >= ${company.asOf}::date)
          ORDER BY sku, location, valid_from DESC) AS s GROUP BY sku),
      lines AS (
        SELECT h.sku, to_char(h.requested_date, 'YYYY-MM') AS period, h.requested_qty, h.delivered_qty,
               coalesce(h.unit_price, p.unit_price, 0) AS unit_price
        FROM sales_history h JOIN customers c ON c.code = h.customer LEFT JOIN price p ON p.sku = h.sku
        WHERE h.requested_date >= ${`${from}-01`}::date AND h.requested_date < ${`${company.currentPeriod}-01`}::date
          AND (${segment}::text IS NULL OR c.segment = ${segment}))
      SELECT i.sku, i.name, i.group_code AS family, l.period,
             sum(l.requested_qty)::float8 AS requested,
             sum(l.delivered_qty * l.unit_price)::float8 AS revenue,
             sum(l.delivered_qty * coalesce(k.unit_cost, 0))::float8 AS cost
      FROM items i LEFT JOIN lines l ON l.sku = i.sku LEFT JOIN cost k ON k.sku = i.sku
      WHERE i.item_type = 'finished'
      GROUP BY i.sku, i.name, i.group_code, l.period`.execute(this.database.db);
    const skus = new Map<string, { name: string; family: string | null; value: number; demand: number[] }>();
    for (const r of rows) {
      const sku = skus.get(r.sku) ?? {
        name: r.name,
        family: r.family,
        value: 0,
        demand: new Array<number>(months.length).fill(0),
      };
      if (r.period !== null) {
        sku.value += (r.revenue ?? 0) - (by === "margin" ? (r.cost ?? 0) : 0);
        const t = months.indexOf(r.period as (typeof months)[number]);
        if (t >= 0) sku.demand[t]! += r.requested ?? 0;
      }
      skus.set(r.sku, sku);
    }
    const classified = classifyAbcXyz(
      [...skus].map(([key, s]) => ({ key, value: s.value, monthlyDemand: s.demand })),
    );
    const targets = await this.targetsInForce(segment);
    return {
      by,
      segment,
      from,
      to,
      items: classified.map((c) => ({
        ...c,
        value: Math.round(c.value),
        name: skus.get(c.key)!.name,
        family: skus.get(c.key)!.family,
        targetPct: targets.get(c.key) ?? targets.get("") ?? null,
      })),
      matrix: abcXyzMatrix(classified),
      defaultTargets: DEFAULT_CLASS_SERVICE_LEVELS,
    };
  }

  /**
   * Writes one service-level target per classified SKU from its class's target — for the segment
   * when one is given — as a generated service_level_targets file through the import, all or
   * nothing, so inventory planning's next supply run uses them.
   */
  async applyTargets(
    request: SegmentationRequest & {
      readonly targets: Readonly<Record<AbcXyzClass, number>>;
      readonly measure?: "cycle" | "fill_rate";
    },
    userId: number,
  ) {
    const { items, segment } = await this.classification(request);
    const measure = request.measure ?? "cycle";
    const csv = [
      "segment,sku,target_pct,measure",
      ...items.map((i) => `${segment ?? ""},${i.key},${request.targets[i.class]},${measure}`),
    ].join("\n");
    return this.imports.importFile({
      entity: "service_level_targets",
      fileName: `service-levels-by-abc-xyz${segment ? `-${segment}` : ""}.csv`,
      content: Buffer.from(csv),
      userId,
    });
  }

  /** The targets in force per SKU for the segment (or company-wide), "" for the default. */
  private async targetsInForce(segment: string | null): Promise<Map<string, number>> {
    const { rows } = await sql<{ sku: string | null; pct: number }>`
      SELECT sku, target_pct::float8 AS pct FROM service_level_targets
      WHERE segment IS NOT DISTINCT FROM ${segment}::text OR (segment IS NULL AND sku IS NULL)
      ORDER BY (segment IS NULL)`.execute(this.database.db);
    const map = new Map<string, number>();
    for (const r of rows) if (!map.has(r.sku ?? "")) map.set(r.sku ?? "", r.pct);
    return map;
  }
}
