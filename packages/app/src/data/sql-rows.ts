// Reads typed rows of a raw SQL query: the services' set-based reads are written as SQL (unnest,
// DISTINCT ON, FILTER) that the query builder does not express, and all read them the same way.

import type { Schema } from "@fulcrum/storage";
import type { Kysely, RawBuilder } from "kysely";

/** A reader bound to a database: `query<Row>(sql\`…\`)` resolves with the rows typed as Row. */
export function sqlRows(db: Kysely<Schema>) {
  return async <R>(text: RawBuilder<unknown>): Promise<R[]> => (await text.execute(db)).rows as R[];
}
