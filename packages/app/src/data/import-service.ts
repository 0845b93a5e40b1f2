// The import use case: validate a whole file against the catalogue and the stored data, and write
// it only if every row is good — all or nothing, in one transaction. Rows stream from the file into
// PostgreSQL while they validate; the first bad row stops the writing and the transaction is rolled
// back at the end, after the whole file has been checked so the report lists every problem.

import type { Readable } from "node:stream";
import {
  type Currency,
  type EntityDef,
  findEntity,
  type ImportIssue,
  ImportValidator,
} from "@fulcrum/domain";
import { type Database, EntityWriter, loadEdges, loadKeySet } from "@fulcrum/storage";
import { AppError } from "../errors";
import { type FileFormat, type FileRow, formatOf, openXlsx, readCsv } from "./file-readers";

export interface ImportRequest {
  readonly entity: string;
  readonly fileName: string;
  readonly content: Buffer | Readable;
  readonly userId: number | null;
}

export interface ImportSummary {
  readonly status: "imported";
  readonly entity: string;
  readonly fileName: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

export class ImportService {
  constructor(
    private readonly database: Database,
    private readonly currency: () => Promise<Currency>,
    private readonly now: () => Date,
  ) {}

  /** Imports one file; throws AppError("invalid_import") with every issue when any row is bad. */
  async importFile(request: ImportRequest): Promise<ImportSummary> {
    const entity = findEntity(request.entity);
    if (!entity) throw new AppError("bad_request", `no entity named ${request.entity}`);
    const startedAt = this.now();
    const format = formatOf(request.fileName);
    if (!format) {
      return this.reject(
        request,
        entity,
        "csv",
        startedAt,
        fileProblem(request, "is not a .csv or .xlsx file"),
      );
    }
    const file = await this.open(request, entity, format);
    if ("problem" in file) {
      return this.reject(request, entity, format, startedAt, fileProblem(request, file.problem));
    }
    const validator = new ImportValidator(entity, {
      file: request.fileName,
      ...(file.sheet ? { sheet: file.sheet } : {}),
      currency: await this.currency(),
      existingKeys: await this.referenceKeys(entity),
      existingEdges: await loadEdges(this.database.pool, entity),
    });

    const client = await this.database.pool.connect();
    let writer: EntityWriter | undefined;
    try {
      await client.query("BEGIN");
      // One import per entity at a time: the writer decides between direct and staged COPY.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`fulcrum.import.${entity.name}`]);
      writer = await EntityWriter.open(client, entity);
      let sawHeader = false;
      for await (const { row, cells } of file.rows) {
        if (!sawHeader) {
          if (cells.every((c) => c.trim() === "")) continue;
          sawHeader = true;
          if (!validator.header(cells)) break;
          continue;
        }
        const typed = validator.row(cells, row);
        if (typed && validator.ok) await writer.write(typed);
      }
      if (!sawHeader) throw fileProblem(request, "is empty: the first row must name the columns", file.sheet);
      validator.finish();
      if (!validator.ok) throw new Rejection(validator.rowCount, validator.issues, validator.issueCount);
      const counts = await writer.finish();
      await client.query(
        `INSERT INTO import_runs (entity, file_name, format, status, rows, inserted, updated, unchanged, user_id, started_at)
         VALUES ($1, $2, $3, 'imported', $4, $5, $6, $7, $8, $9)`,
        [
          entity.name,
          request.fileName,
          format,
          counts.rows,
          counts.inserted,
          counts.updated,
          counts.unchanged,
          request.userId,
          startedAt,
        ],
      );
      await client.query("COMMIT");
      return { status: "imported", entity: entity.name, fileName: request.fileName, ...counts };
    } catch (error) {
      writer?.abort();
      await client.query("ROLLBACK").catch(() => {});
      if (error instanceof Rejection) return this.reject(request, entity, format, startedAt, error);
      throw error;
    } finally {
      client.release();
    }
  }

  private async open(
    request: ImportRequest,
    entity: EntityDef,
    format: FileFormat,
  ): Promise<{ sheet?: string; rows: AsyncIterable<FileRow> } | { problem: string }> {
    if (format === "csv") return { rows: readCsv(request.content) };
    const buffer = Buffer.isBuffer(request.content) ? request.content : await collect(request.content);
    try {
      return await openXlsx(buffer, entity.name);
    } catch {
      return { problem: "is not a readable Excel (.xlsx) workbook" };
    }
  }

  /** Key sets of every entity this one references, loaded once per import. */
  private async referenceKeys(entity: EntityDef): Promise<(name: string) => ReadonlySet<string>> {
    const names = new Set(entity.columns.flatMap((c) => (c.references ? [c.references.entity] : [])));
    const sets = new Map<string, Set<string>>();
    for (const name of names) sets.set(name, await loadKeySet(this.database.pool, findEntity(name)!));
    return (name) => sets.get(name) ?? new Set();
  }

  /** Records the rejected run (after the rollback, so it survives) and reports every issue. */
  private async reject(
    request: ImportRequest,
    entity: EntityDef,
    format: FileFormat,
    startedAt: Date,
    { rows, issues, issueCount }: Rejection,
  ): Promise<never> {
    await this.database.db
      .insertInto("import_runs")
      .values({
        entity: entity.name,
        file_name: request.fileName,
        format,
        status: "rejected",
        rows,
        issue_count: issueCount,
        issues: JSON.stringify(issues.slice(0, 100)),
        user_id: request.userId,
        started_at: startedAt,
      })
      .execute();
    const problems = issueCount === 1 ? "1 problem" : `${issueCount} problems`;
    throw new AppError("invalid_import", `${request.fileName} has ${problems}; nothing was imported`, {
      issues,
      issueCount,
      entity: entity.name,
      fileName: request.fileName,
    });
  }
}

/** The problems that stop an import; thrown inside the transaction so it rolls back. */
class Rejection {
  constructor(
    readonly rows: number,
    readonly issues: readonly ImportIssue[],
    readonly issueCount = issues.length,
  ) {}
}

function fileProblem(request: ImportRequest, message: string, sheet?: string): Rejection {
  return new Rejection(0, [{ file: request.fileName, ...(sheet ? { sheet } : {}), row: 0, message }]);
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
