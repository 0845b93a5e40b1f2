// Writes validated rows of one entity inside the caller's transaction. Rows stream into PostgreSQL
// with COPY; into an empty table they go straight in, otherwise through a temporary staging table
// merged with one INSERT … ON CONFLICT that touches only rows whose values changed — which is why
// re-importing the same file changes nothing.

import type { Writable } from "node:stream";
import type { CellValue, EntityDef } from "@fulcrum/domain";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export interface WriteCounts {
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

const id = (name: string) => pg.escapeIdentifier(name);
const STAGING = "fulcrum_staging";
const CHUNK_ROWS = 2000;

export class EntityWriter {
  private rows = 0;
  private buffer: string[] = [];
  private readonly done: Promise<void>;

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly entity: EntityDef,
    private readonly direct: boolean,
    private readonly stream: Writable,
  ) {
    this.done = new Promise((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    this.done.catch(() => {}); // observed in finish(); avoids an unhandled rejection on abort
  }

  /** Starts a COPY for the entity. The client must already be inside a transaction. */
  static async open(client: pg.PoolClient, entity: EntityDef): Promise<EntityWriter> {
    const empty = (await client.query(`SELECT 1 FROM ${id(entity.name)} LIMIT 1`)).rowCount === 0;
    let target = id(entity.name);
    if (!empty) {
      await client.query(`CREATE TEMP TABLE ${STAGING} (LIKE ${id(entity.name)}) ON COMMIT DROP`);
      target = STAGING;
    }
    const columns = entity.columns.map((c) => id(c.name)).join(", ");
    const stream = client.query(copyFrom(`COPY ${target} (${columns}) FROM STDIN WITH (FORMAT csv)`));
    return new EntityWriter(client, entity, empty, stream);
  }

  /** Queues one row; resolves once the COPY stream has room for more. */
  async write(row: Readonly<Record<string, CellValue>>): Promise<void> {
    this.rows++;
    this.buffer.push(this.entity.columns.map((c) => csvValue(row[c.name] ?? null)).join(","));
    if (this.buffer.length >= CHUNK_ROWS) await this.flush();
  }

  /** Ends the COPY and merges the rows into the entity's table. */
  async finish(): Promise<WriteCounts> {
    await this.flush();
    this.stream.end();
    await this.done;
    if (this.direct) return { rows: this.rows, inserted: this.rows, updated: 0, unchanged: 0 };
    const { inserted, updated } = await this.merge();
    return { rows: this.rows, inserted, updated, unchanged: this.rows - inserted - updated };
  }

  /** Stops the COPY; the caller rolls the transaction back. */
  abort(): void {
    this.stream.destroy(new Error("import aborted"));
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = `${this.buffer.join("\n")}\n`;
    this.buffer = [];
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", resolve));
  }

  private async merge(): Promise<{ inserted: number; updated: number }> {
    const e = this.entity;
    const columns = e.columns.map((c) => id(c.name));
    const others = e.columns.filter((c) => !e.key.includes(c.name)).map((c) => id(c.name));
    const onConflict =
      others.length === 0
        ? "DO NOTHING"
        : `DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}
           WHERE (${others.map((c) => `t.${c}`).join(", ")}) IS DISTINCT FROM (${others.map((c) => `EXCLUDED.${c}`).join(", ")})`;
    const { rows } = await this.client.query<{ inserted: number; updated: number }>(`
      WITH merged AS (
        INSERT INTO ${id(e.name)} AS t (${columns.join(", ")})
        SELECT ${columns.join(", ")} FROM ${STAGING}
        ON CONFLICT (${e.key.map(id).join(", ")}) ${onConflict}
        RETURNING (xmax = 0) AS fresh
      )
      SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM merged`);
    return rows[0] ?? { inserted: 0, updated: 0 };
  }
}

/** One value in PostgreSQL's CSV COPY format: an unquoted empty field is NULL, "" is empty text. */
export function csvValue(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (value === "" || /[",\n\r]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}
