// The product hierarchy as a planner browses it: nodes level by level, the path from the top to any
// node, and the monthly sales history of everything below a node, over closed months. Demand is dated by the month the
// customer asked for delivery (requested date) — what they wanted, not what we managed to ship.

import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { AppError } from "../errors";

export type NodeKind = "group" | "item";

export interface HierarchyNode {
  readonly kind: NodeKind;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly children: number;
}

export interface HistoryPoint {
  readonly period: string;
  readonly orderedQty: number;
  readonly deliveredQty: number;
  readonly cancelledQty: number;
  /** Delivered quantity × realised price, in currency minor units. */
  readonly revenue: number;
}

export class HierarchyService {
  constructor(private readonly database: Database) {}

  async nodes(parent?: string): Promise<HierarchyNode[]> {
    const groups = await sql<HierarchyNode>`
      SELECT 'group' AS kind, g.code, g.name, g.level,
             (SELECT count(*) FROM product_groups c WHERE c.parent_code = g.code)::int
           + (SELECT count(*) FROM items i WHERE i.group_code = g.code)::int AS children
      FROM product_groups g
      WHERE g.parent_code IS NOT DISTINCT FROM ${parent ?? null}
      ORDER BY g.name`.execute(this.database.db);
    if (parent === undefined) return groups.rows;
    const items = await sql<HierarchyNode>`
      SELECT 'item' AS kind, sku AS code, name, 'sku' AS level, 0 AS children
      FROM items WHERE group_code = ${parent} ORDER BY sku`.execute(this.database.db);
    return [...groups.rows, ...items.rows];
  }

  async path(code: string): Promise<Omit<HierarchyNode, "children">[]> {
    const item = await sql<{ sku: string; name: string; group_code: string | null }>`
      SELECT sku, name, group_code FROM items WHERE sku = ${code}`.execute(this.database.db);
    const start = item.rows[0]?.group_code ?? code;
    const groups = await sql<{ code: string; name: string; level: string; depth: number }>`
      WITH RECURSIVE up AS (
        SELECT code, name, level, parent_code, 0 AS depth FROM product_groups WHERE code = ${start}
        UNION ALL
        SELECT g.code, g.name, g.level, g.parent_code, up.depth + 1 FROM product_groups g JOIN up ON g.code = up.parent_code
      ) SELECT code, name, level, depth FROM up ORDER BY depth DESC`.execute(this.database.db);
    if (groups.rows.length === 0 && !item.rows[0])
      throw new AppError("not_found", `no product group or item ${code}`);
    const path: Omit<HierarchyNode, "children">[] = groups.rows.map((g) => ({
      kind: "group",
      code: g.code,
      name: g.name,
      level: g.level,
    }));
    const it = item.rows[0];
    if (it) path.push({ kind: "item", code: it.sku, name: it.name, level: "sku" });
    return path;
  }

  /** Monthly history under a node (or the whole company), zero-filled across the history span. */
  async history(node?: {
    code: string;
    kind: NodeKind;
  }): Promise<{ code: string | null; name: string; series: HistoryPoint[] }> {
    const db = this.database.db;
    let name = "All products";
    let skuFilter = sql`TRUE`;
    if (node?.kind === "item") {
      const item = await sql<{ name: string }>`SELECT name FROM items WHERE sku = ${node.code}`.execute(db);
      if (!item.rows[0]) throw new AppError("not_found", `no item ${node.code}`);
      name = item.rows[0].name;
      skuFilter = sql`h.sku = ${node.code}`;
    } else if (node?.kind === "group") {
      const group = await sql<{
        name: string;
      }>`SELECT name FROM product_groups WHERE code = ${node.code}`.execute(db);
      if (!group.rows[0]) throw new AppError("not_found", `no product group ${node.code}`);
      name = group.rows[0].name;
      skuFilter = sql`h.sku IN (${skusInGroup(node.code)})`;
    }
    // Only closed months: the current month is still filling up and would read as a collapse.
    const company = await db.selectFrom("company").select("current_period").executeTakeFirst();
    const cutoff = company ? `${company.current_period}-01` : "infinity";
    const result = await sql<HistoryPoint>`
      WITH span AS (
        SELECT date_trunc('month', min(requested_date)) AS first, date_trunc('month', max(requested_date)) AS last
        FROM sales_history WHERE requested_date < ${cutoff}::date
      ),
      months AS (SELECT generate_series(span.first, span.last, interval '1 month') AS month FROM span),
      sums AS (
        SELECT date_trunc('month', h.requested_date) AS month, sum(h.requested_qty) AS ordered, sum(h.delivered_qty) AS delivered,
               sum(h.cancelled_qty) AS cancelled, sum(h.delivered_qty * COALESCE(h.unit_price, 0)) AS revenue
        FROM sales_history h WHERE ${skuFilter} AND h.requested_date < ${cutoff}::date GROUP BY 1
      )
      SELECT to_char(m.month, 'YYYY-MM') AS period, COALESCE(s.ordered, 0) AS "orderedQty", COALESCE(s.delivered, 0) AS "deliveredQty",
             COALESCE(s.cancelled, 0) AS "cancelledQty", round(COALESCE(s.revenue, 0))::bigint AS revenue
      FROM months m LEFT JOIN sums s ON s.month = m.month ORDER BY m.month`.execute(db);
    return { code: node?.code ?? null, name, series: result.rows };
  }
}

/** A subquery for the SKUs anywhere below a product group, at any depth. */
export function skusInGroup(code: string) {
  return sql<{ sku: string }>`
    WITH RECURSIVE down AS (
      SELECT code FROM product_groups WHERE code = ${code}
      UNION ALL SELECT g.code FROM product_groups g JOIN down ON g.parent_code = down.code
    ) SELECT i.sku FROM items i JOIN down ON i.group_code = down.code`;
}
