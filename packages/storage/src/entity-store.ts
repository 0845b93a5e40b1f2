// Reads the entity tables described by the catalogue: counts, search-and-page browsing, key sets
// for import validation, and ordered batches for export. Identifiers come from the catalogue, never
// from the request, and values always travel as parameters.

import type { CellValue, EntityDef } from "@fulcrum/domain";
import { rowKey } from "@fulcrum/domain";
import pg from "pg";

export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;
export type EntityRow = Record<string, CellValue>;

const id = (name: string) => pg.escapeIdentifier(name);

export async function countRows(q: Queryable, entity: EntityDef): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${id(entity.name)}`);
  return rows[0]?.n ?? 0;
}

export interface BrowseQuery {
  readonly search?: string;
  readonly offset: number;
  readonly limit: number;
  readonly sort?: string;
  readonly dir?: "asc" | "desc";
}

export async function browseRows(
  q: Queryable,
  entity: EntityDef,
  query: BrowseQuery,
): Promise<{ total: number; rows: EntityRow[] }> {
  const params: unknown[] = [];
  let where = "";
  const search = query.search?.trim();
  if (search) {
    params.push(`%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    const searchable = entity.columns.filter((c) => ["code", "text", "enum"].includes(c.type.kind));
    where = `WHERE ${searchable.map((c) => `${id(c.name)} ILIKE $1`).join(" OR ")}`;
  }
  const sortColumn = entity.columns.find((c) => c.name === query.sort)?.name;
  const direction = query.dir === "desc" ? "DESC" : "ASC";
  const order = [
    ...(sortColumn ? [`${id(sortColumn)} ${direction} NULLS LAST`] : []),
    ...entity.key.map((k) => id(k)),
  ].join(", ");
  const table = id(entity.name);
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} ${where}`, params);
  const page = await q.query<EntityRow>(
    `SELECT ${selectList(entity)} FROM ${table} ${where} ORDER BY ${order} LIMIT ${Math.trunc(query.limit)} OFFSET ${Math.trunc(query.offset)}`,
    params,
  );
  return { total: total.rows[0]?.n ?? 0, rows: page.rows };
}

/** The single-column keys of an entity, for checking references in an import. */
export async function loadKeySet(q: Queryable, entity: EntityDef): Promise<Set<string>> {
  const keyColumn = entity.key[0];
  if (entity.key.length !== 1 || !keyColumn) throw new Error(`${entity.name} has a composite key`);
  const { rows } = await q.query<{ k: string }>({
    text: `SELECT ${id(keyColumn)} AS k FROM ${id(entity.name)}`,
    rowMode: "array",
  } as pg.QueryConfig);
  return new Set((rows as unknown as [string][]).map((r) => r[0]));
}

/** Stored edges of an entity with an acyclic rule, keyed like the import validator keys rows. */
export async function loadEdges(
  q: Queryable,
  entity: EntityDef,
): Promise<Map<string, readonly [string, string]>> {
  const rule = entity.rules?.find((r) => r.kind === "acyclic");
  const edges = new Map<string, readonly [string, string]>();
  if (rule?.kind !== "acyclic") return edges;
  const { rows } = await q.query<EntityRow>(
    `SELECT ${selectList(entity)} FROM ${id(entity.name)} WHERE ${id(rule.to)} IS NOT NULL`,
  );
  for (const row of rows) edges.set(rowKey(entity, row), [String(row[rule.from]), String(row[rule.to])]);
  return edges;
}

/** Every row in key order, in batches, so an export of millions of rows never sits in memory. */
export async function* streamRows(
  q: Queryable,
  entity: EntityDef,
  batchSize = 5000,
): AsyncGenerator<EntityRow[]> {
  const keys = entity.key.map((k) => id(k));
  let after: unknown[] | null = null;
  for (;;) {
    // Keyset paging; COALESCE makes nullable key columns comparable.
    const keyExpr = entity.key.map((k) => keyExpression(entity, k));
    const where: string = after
      ? `WHERE (${keyExpr.join(", ")}) > (${keyExpr.map((_, i) => `$${i + 1}`).join(", ")})`
      : "";
    const { rows }: { rows: EntityRow[] } = await q.query<EntityRow>(
      `SELECT ${selectList(entity)} FROM ${id(entity.name)} ${where} ORDER BY ${keyExpr.join(", ")} LIMIT ${batchSize}`,
      after ?? [],
    );
    if (rows.length === 0) return;
    yield rows;
    const last: EntityRow = rows[rows.length - 1]!;
    after = entity.key.map((k): unknown => last[k] ?? keyNullValue(entity, k));
    if (rows.length < batchSize || keys.length === 0) return;
  }
}

function keyExpression(entity: EntityDef, column: string): string {
  const def = entity.columns.find((c) => c.name === column)!;
  return def.required ? id(column) : `COALESCE(${id(column)}, '')`;
}

function keyNullValue(entity: EntityDef, column: string): unknown {
  return entity.columns.find((c) => c.name === column)?.required ? null : "";
}

/** Selects every catalogue column; dates come back as ISO text via the pg type parser. */
export function selectList(entity: EntityDef): string {
  return entity.columns.map((c) => id(c.name)).join(", ");
}
