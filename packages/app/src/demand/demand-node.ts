// Where in the product hierarchy a demand edit or grid row sits: the whole company, a product
// group at any level, or one SKU. Everything below a node is a set of SKUs; this file says which.

import type { Schema } from "@fulcrum/storage";
import { type Kysely, sql } from "kysely";
import { AppError } from "../errors";
import { skusInGroup } from "../hierarchy/hierarchy-service";

export type DemandNode =
  | { readonly kind: "all" }
  | { readonly kind: "group"; readonly code: string }
  | { readonly kind: "item"; readonly code: string };

/** The node from the API's optional `node` and `nodeKind`: no code means every product. */
export function demandNode(code: string | undefined, kind: "group" | "item" | undefined): DemandNode {
  if (!code) return { kind: "all" };
  return { kind: kind ?? "group", code };
}

/** A SQL condition on a `sku` column: the SKU lies below the node. */
export function skuBelow(node: DemandNode, column = sql.ref("sku")) {
  if (node.kind === "all") return sql<boolean>`TRUE`;
  if (node.kind === "item") return sql<boolean>`${column} = ${node.code}`;
  return sql<boolean>`${column} IN (${skusInGroup(node.code)})`;
}

/** The node's display name and level; not_found when the code names nothing. */
export async function describeNode(
  db: Kysely<Schema>,
  node: DemandNode,
): Promise<{ name: string; level: string }> {
  if (node.kind === "all") return { name: "All products", level: "company" };
  const found =
    node.kind === "item"
      ? await sql<{
          name: string;
          level: string;
        }>`SELECT name, 'sku' AS level FROM items WHERE sku = ${node.code}`.execute(db)
      : await sql<{
          name: string;
          level: string;
        }>`SELECT name, level FROM product_groups WHERE code = ${node.code}`.execute(db);
  const row = found.rows[0];
  if (!row)
    throw new AppError("not_found", `no ${node.kind === "item" ? "item" : "product group"} ${node.code}`);
  return row;
}

/** Whether the node names an item or product group that exists (the whole company always does). */
export async function demandNodeExists(db: Kysely<Schema>, node: DemandNode): Promise<boolean> {
  if (node.kind === "all") return true;
  const found =
    node.kind === "item"
      ? await sql`SELECT 1 FROM items WHERE sku = ${node.code}`.execute(db)
      : await sql`SELECT 1 FROM product_groups WHERE code = ${node.code}`.execute(db);
  return found.rows.length > 0;
}
