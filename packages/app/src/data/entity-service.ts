// The data browser's queries: the catalogue with row counts, and one page of an entity's rows.

import { ENTITIES, type EntityDef, findEntity } from "@fulcrum/domain";
import { type BrowseQuery, browseRows, countRows, type Database } from "@fulcrum/storage";
import { AppError } from "../errors";

export const MAX_PAGE = 500;

export class EntityService {
  constructor(private readonly database: Database) {}

  async catalogue(): Promise<(EntityDef & { rows: number })[]> {
    const out = [];
    for (const e of ENTITIES) out.push({ ...e, rows: await countRows(this.database.pool, e) });
    return out;
  }

  async rows(name: string, query: BrowseQuery) {
    const entity = findEntity(name);
    if (!entity) throw new AppError("not_found", `no entity named ${name}`);
    const limit = Math.min(Math.max(1, query.limit), MAX_PAGE);
    const offset = Math.max(0, query.offset);
    const page = await browseRows(this.database.pool, entity, { ...query, limit, offset });
    return { ...page, offset, limit };
  }
}
