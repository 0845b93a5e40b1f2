// What a scorecard is cut by: a product-hierarchy node, a customer segment, a location. Checked
// against the company's codes (a misspelt filter would otherwise show an empty, "perfect" month),
// and turned into the scope a target is looked up under.

import type { Database } from "@fulcrum/storage";
import { type RawBuilder, sql } from "kysely";
import { sqlRows } from "../data/sql-rows";
import { AppError } from "../errors";

export interface ScorecardFilter {
  /** A product group's code: only the SKUs below it. */
  readonly node?: string;
  readonly segment?: string;
  readonly location?: string;
}

/** Refuses a filter naming a code the company does not have. */
export async function checkFilter(database: Database, filter: ScorecardFilter): Promise<void> {
  const query = sqlRows(database.db);
  const check = async (name: string, table: string, code: string | undefined) => {
    if (code === undefined) return;
    const found = await query(sql`SELECT 1 FROM ${sql.table(table)} WHERE code = ${code}`);
    if (found.length === 0) throw new AppError("bad_request", `${name}: no ${name} ${code}`);
  };
  await check("node", "product_groups", filter.node);
  await check("segment", "segments", filter.segment);
  await check("location", "locations", filter.location);
}

/** The scope targets are read under: the narrowest filter set, else the company. */
export function filterScope(filter: ScorecardFilter): string {
  if (filter.location) return `location:${filter.location}`;
  if (filter.segment) return `segment:${filter.segment}`;
  if (filter.node) return `group:${filter.node}`;
  return "company";
}

export function isFiltered(filter: ScorecardFilter): boolean {
  return filter.node !== undefined || filter.segment !== undefined || filter.location !== undefined;
}

/** The SKUs below the node, for the measures cut in memory; undefined without a node filter. */
export async function skusUnder(
  database: Database,
  node: string | undefined,
): Promise<ReadonlySet<string> | undefined> {
  if (node === undefined) return undefined;
  const rows = await sqlRows(database.db)<{ sku: string }>(
    sql`SELECT sku FROM items WHERE ${skuBelow(sql`sku`, node)}`,
  );
  return new Set(rows.map((r) => r.sku));
}

/** `column IN (the SKUs below the node)`, or true without a node filter. */
export function skuBelow(column: RawBuilder<unknown>, node: string | undefined): RawBuilder<unknown> {
  if (node === undefined) return sql`true`;
  return sql`${column} IN (
    WITH RECURSIVE below AS (
      SELECT code FROM product_groups WHERE code = ${node}
      UNION ALL SELECT g.code FROM product_groups g JOIN below ON g.parent_code = below.code)
    SELECT sku FROM items WHERE group_code IN (SELECT code FROM below))`;
}

/** `column = location`, or true without a location filter. */
export function atLocation(column: RawBuilder<unknown>, location: string | undefined): RawBuilder<unknown> {
  return location === undefined ? sql`true` : sql`${column} = ${location}`;
}
