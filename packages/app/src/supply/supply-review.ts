// What the supply review page reads from a finished run's version besides its summary: the
// production plan by product family and SKU, and per finished SKU the projected stock against its
// safety stock and target (summed over locations), each as one value per period; and the names of
// the resources its heat map shows.

import type { Database } from "@fulcrum/storage";
import { sql } from "kysely";

export interface ProductionRow {
  readonly sku: string;
  readonly name: string;
  /** The SKU's product group, or its item type for components. */
  readonly family: string;
  readonly plant: string;
  readonly quantities: readonly number[];
}

export interface InventoryRow {
  readonly sku: string;
  readonly name: string;
  readonly projected: readonly number[];
  readonly safetyStock: readonly number[];
  readonly target: readonly number[];
}

export async function loadSupplyReview(
  database: Database,
  versionId: number,
  periods: readonly string[],
): Promise<{
  production: ProductionRow[];
  inventory: InventoryRow[];
  resourceNames: Record<string, string>;
}> {
  const column = new Map(periods.map((p, t) => [p, t]));
  const zeros = () => periods.map(() => 0);
  const production = await sql<{
    sku: string;
    name: string;
    family: string;
    plant: string;
    period: string;
    value: number;
  }>`
    SELECT v.sku, i.name, coalesce(g.name, initcap(i.item_type)) AS family, v.location AS plant, v.period, v.value
    FROM plan_cells(${versionId}) v JOIN items i ON i.sku = v.sku LEFT JOIN product_groups g ON g.code = i.group_code
    WHERE v.measure = 'supply.production'
    ORDER BY family, v.sku, v.location`.execute(database.db);
  const byProduct = new Map<string, ProductionRow & { quantities: number[] }>();
  for (const r of production.rows) {
    const key = `${r.sku}\u0000${r.plant}`;
    let row = byProduct.get(key);
    if (!row) {
      row = { sku: r.sku, name: r.name, family: r.family, plant: r.plant, quantities: zeros() };
      byProduct.set(key, row);
    }
    const t = column.get(r.period);
    if (t !== undefined) row.quantities[t] = r.value;
  }

  const stock = await sql<{ sku: string; name: string; measure: string; period: string; value: number }>`
    SELECT v.sku, i.name, v.measure, v.period, sum(v.value) AS value
    FROM plan_cells(${versionId}) v JOIN items i ON i.sku = v.sku
    WHERE i.item_type = 'finished'
      AND v.measure IN ('inventory.projected', 'inventory.safety_stock', 'inventory.target')
    GROUP BY v.sku, i.name, v.measure, v.period
    ORDER BY v.sku`.execute(database.db);
  const bySku = new Map<
    string,
    InventoryRow & { projected: number[]; safetyStock: number[]; target: number[] }
  >();
  const field = {
    "inventory.projected": "projected",
    "inventory.safety_stock": "safetyStock",
    "inventory.target": "target",
  } as const;
  for (const r of stock.rows) {
    let row = bySku.get(r.sku);
    if (!row) {
      row = { sku: r.sku, name: r.name, projected: zeros(), safetyStock: zeros(), target: zeros() };
      bySku.set(r.sku, row);
    }
    const t = column.get(r.period);
    if (t !== undefined) row[field[r.measure as keyof typeof field]][t] = r.value;
  }
  const resources = await sql<{ code: string; name: string }>`SELECT code, name FROM resources`.execute(
    database.db,
  );
  return {
    production: [...byProduct.values()],
    inventory: [...bySku.values()],
    resourceNames: Object.fromEntries(resources.rows.map((r) => [r.code, r.name])),
  };
}
