// The demand review grid: a node of the product hierarchy and its children as rows, each with the
// total of every demand layer per month (or quarter, or year) and whether its cells are locked.
// The node's own row is its children added up by the engine's roll-up, so it always matches them.

import { addPeriods, type PeriodKey, parsePeriod } from "@fulcrum/domain";
import { rollUpHierarchy, rollUpPeriods, type TimeGrain, timeBucket } from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { AppError } from "../errors";
import type { HierarchyService } from "../hierarchy/hierarchy-service";
import { DEMAND_LAYERS, type DemandLayer, EDITABLE_LAYERS, periodsOf, revisionOf } from "./demand-layers";
import { type DemandNode, describeNode } from "./demand-node";

export interface DemandGridRow {
  readonly kind: "all" | "group" | "item";
  readonly code: string | null;
  readonly name: string;
  readonly level: string;
  /** Children below the row's node (0 for a SKU). */
  readonly children: number;
  /** Total per bucket for each layer; null where the layer holds nothing. */
  readonly layers: Record<DemandLayer, (number | null)[]>;
  /** Per editable layer and bucket: true when every SKU cell below is locked. */
  readonly locked: Record<string, boolean[]>;
}

export interface DemandGrid {
  readonly versionId: number;
  readonly status: string;
  /** Pass back as `expectedRevision` when editing. */
  readonly revision: number;
  readonly grain: TimeGrain;
  readonly periods: string[];
  /** The grid's columns: a month, quarter or year with the first and last month it covers. */
  readonly buckets: { readonly bucket: string; readonly from: string; readonly to: string }[];
  /** The node itself first, then its children (groups, then SKUs). */
  readonly rows: DemandGridRow[];
}

/** The grid below `node`; `to` defaults to 12 periods from `from`. */
export async function readDemandGrid(
  database: Database,
  hierarchy: HierarchyService,
  query: { versionId: number; node: DemandNode; from: string; to?: string; grain: TimeGrain },
): Promise<DemandGrid> {
  const db = database.db;
  const start = parsePeriod(query.from);
  const periods = periodsOf(query.from, query.to ?? (start ? addPeriods(start, 11) : undefined));
  const version = await db
    .selectFrom("plan_versions")
    .select(["status"])
    .where("id", "=", query.versionId)
    .executeTakeFirst();
  if (!version) throw new AppError("not_found", `no plan version ${query.versionId}`);
  const { node } = query;
  const self = await describeNode(db, node);
  const children =
    node.kind === "item" ? [] : await hierarchy.nodes(node.kind === "all" ? undefined : node.code);

  // Each SKU below the node, mapped to the row it adds up into: a child group or a SKU.
  const childGroups =
    node.kind === "all"
      ? sql`parent_code IS NULL`
      : node.kind === "group"
        ? sql`parent_code = ${node.code}`
        : sql`FALSE`;
  const childItems =
    node.kind === "group"
      ? sql`i.group_code = ${node.code}`
      : node.kind === "item"
        ? sql`i.sku = ${node.code}`
        : sql`FALSE`;
  const leaves = sql`
    WITH RECURSIVE down AS (
      SELECT code, code AS top FROM product_groups WHERE ${childGroups}
      UNION ALL SELECT g.code, down.top FROM product_groups g JOIN down ON g.parent_code = down.code
    )
    SELECT i.sku, 'group:' || d.top AS row FROM items i JOIN down d ON i.group_code = d.code
    UNION ALL SELECT i.sku, 'item:' || i.sku FROM items i WHERE ${childItems}`;
  const totals = await sql<{ row: string; measure: string; period: string; value: number }>`
    WITH leaf AS (${leaves})
    SELECT leaf.row, v.measure, v.period, sum(v.value) AS value
    FROM plan_values v JOIN leaf ON leaf.sku = v.sku
    WHERE v.version_id = ${query.versionId} AND v.measure = ANY(${DEMAND_LAYERS}::text[]) AND v.period = ANY(${periods}::text[])
    GROUP BY 1, 2, 3`.execute(db);
  // A row's month is locked when every SKU it plans has a lock there.
  const locks = await sql<{ row: string; measure: string; period: string }>`
    WITH leaf AS (${leaves}),
    planned AS (SELECT DISTINCT leaf.row, leaf.sku FROM plan_values v JOIN leaf ON leaf.sku = v.sku
                WHERE v.version_id = ${query.versionId} AND v.measure = ANY(${DEMAND_LAYERS}::text[])),
    sizes AS (SELECT row, count(*) AS n FROM planned GROUP BY row)
    SELECT planned.row, l.measure, l.period
    FROM plan_locks l JOIN planned ON planned.sku = l.sku JOIN sizes ON sizes.row = planned.row
    WHERE l.version_id = ${query.versionId} AND l.period = ANY(${periods}::text[])
    GROUP BY 1, 2, 3 HAVING count(*) = max(sizes.n)`.execute(db);

  const column = new Map(periods.map((p, i) => [p as string, i]));
  const series = new Map<string, (number | null)[]>();
  for (const t of totals.rows) {
    const key = `${t.row}|${t.measure}`;
    if (!series.has(key))
      series.set(
        key,
        periods.map(() => null),
      );
    series.get(key)![column.get(t.period)!] = t.value;
  }
  const lockedSet = new Set(locks.rows.map((l) => `${l.row}|${l.measure}|${l.period}`));
  const monthly = (row: string, measure: string) =>
    series.get(`${row}|${measure}`) ?? periods.map(() => null);
  const lockedMonths = (row: string, measure: string) =>
    periods.map((p) => lockedSet.has(`${row}|${measure}|${p}`));
  const bucketed = (values: (number | null)[]) => rollUpPeriods(periods, values, query.grain).values;
  // A bucket is locked when each of its months is: count the open months and look for none.
  const lockedBuckets = (flags: boolean[]) =>
    rollUpPeriods(
      periods,
      flags.map((f) => (f ? 0 : 1)),
      query.grain,
    ).values.map((open) => open === 0);

  const rowIds = node.kind === "item" ? [`item:${node.code}`] : children.map((c) => `${c.kind}:${c.code}`);
  const rowOf = (id: string, head: Omit<DemandGridRow, "layers" | "locked">): DemandGridRow => ({
    ...head,
    layers: Object.fromEntries(
      DEMAND_LAYERS.map((m) => [m, bucketed(monthly(id, m))]),
    ) as DemandGridRow["layers"],
    locked: Object.fromEntries(EDITABLE_LAYERS.map((m) => [m, lockedBuckets(lockedMonths(id, m))])),
  });
  const childRows = node.kind === "item" ? [] : children.map((c) => rowOf(`${c.kind}:${c.code}`, c));

  // The node's own row: its rows added up; a month stays empty when no row has a value there.
  const layers = {} as Record<DemandLayer, (number | null)[]>;
  for (const m of DEMAND_LAYERS) {
    const summed = rollUpHierarchy(
      [{ id: "node", parent: null }, ...rowIds.map((id) => ({ id, parent: "node" }))],
      new Map(rowIds.map((id) => [id, monthly(id, m).map((v) => v ?? 0)])),
      periods.length,
    ).get("node")!;
    layers[m] = bucketed(summed.map((v, i) => (rowIds.some((id) => monthly(id, m)[i] !== null) ? v : null)));
  }
  const locked = Object.fromEntries(
    EDITABLE_LAYERS.map((m) => [
      m,
      lockedBuckets(periods.map((_, i) => rowIds.length > 0 && rowIds.every((id) => lockedMonths(id, m)[i]))),
    ]),
  );
  const nodeRow: DemandGridRow = {
    kind: node.kind,
    code: node.kind === "all" ? null : node.code,
    name: self.name,
    level: self.level,
    children: children.length,
    layers,
    locked,
  };
  return {
    versionId: query.versionId,
    status: version.status,
    revision: await revisionOf(db, query.versionId),
    grain: query.grain,
    periods,
    buckets: bucketSpans(periods, query.grain),
    rows: [nodeRow, ...childRows],
  };
}

/** Each bucket of the grid with the months it spans, so an edit on a quarter covers its months. */
function bucketSpans(periods: readonly PeriodKey[], grain: TimeGrain): DemandGrid["buckets"] {
  const spans: { bucket: string; from: string; to: string }[] = [];
  for (const period of periods) {
    const bucket = timeBucket(period, grain);
    const last = spans.at(-1);
    if (last?.bucket === bucket) last.to = period;
    else spans.push({ bucket, from: period, to: period });
  }
  return spans;
}
