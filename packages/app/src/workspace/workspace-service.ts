// The cycle overview: company settings, where the current cycle stands, how complete the data is,
// what history covers, and the latest imports.

import { type CycleStage, ENTITIES, type EntityDef, parsePeriod, stageTrack } from "@fulcrum/domain";
import { countRows, type Database } from "@fulcrum/storage";
import { sql } from "kysely";
import { AppError } from "../errors";
import { type Company, defaultCompany, loadCompany, saveCompany } from "./company";

export interface ImportRun {
  readonly id: number;
  readonly entity: string;
  readonly fileName: string;
  readonly status: "imported" | "rejected";
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly issueCount: number;
  readonly user: string | null;
  readonly at: string;
}

export class WorkspaceService {
  constructor(private readonly database: Database) {}

  async company(): Promise<Company> {
    const company = await loadCompany(this.database);
    if (!company)
      throw new AppError(
        "conflict",
        "the workspace has no company yet: run `fulcrum demo` or import your data",
      );
    return company;
  }

  /** Creates the default company settings on a new workspace; returns whether it did. */
  async ensureCompany(today: Date): Promise<boolean> {
    if (await loadCompany(this.database)) return false;
    await saveCompany(this.database, defaultCompany(today));
    return true;
  }

  /** Changes the company's settings; a new current period opens that cycle. */
  async updateCompany(changes: Partial<Omit<Company, "demo">>): Promise<Company> {
    const company = { ...(await this.company()), ...changes };
    if (!/^[A-Z]{3}$/.test(company.currency.code))
      throw new AppError("bad_request", "a currency is a three-letter ISO code");
    if (!parsePeriod(company.currentPeriod))
      throw new AppError("bad_request", `${company.currentPeriod} is not a period`);
    await saveCompany(this.database, company);
    return company;
  }

  async overview() {
    const company = await this.company();
    const cycle = await this.database.db
      .selectFrom("cycles")
      .select(["period", "stage"])
      .where("period", "=", company.currentPeriod)
      .executeTakeFirst();
    const stage = (cycle?.stage ?? "data_gathering") as CycleStage;
    return {
      company,
      cycle: { period: company.currentPeriod, stage, stages: stageTrack(stage) },
      entities: await this.entityCounts(),
      history: await this.historyCoverage(),
      recentImports: await this.imports(10),
    };
  }

  async entityCounts(): Promise<(Pick<EntityDef, "name" | "label" | "area"> & { rows: number })[]> {
    const counts = [];
    for (const e of ENTITIES)
      counts.push({
        name: e.name,
        label: e.label,
        area: e.area,
        rows: await countRows(this.database.pool, e),
      });
    return counts;
  }

  async imports(limit = 50): Promise<ImportRun[]> {
    const rows = await this.database.db
      .selectFrom("import_runs")
      .leftJoin("users", "users.id", "import_runs.user_id")
      .select([
        "import_runs.id",
        "entity",
        "file_name",
        "status",
        "rows",
        "inserted",
        "updated",
        "unchanged",
        "issue_count",
        "users.username",
        "finished_at",
      ])
      .orderBy("import_runs.id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      entity: r.entity,
      fileName: r.file_name,
      status: r.status,
      rows: r.rows,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      issueCount: r.issue_count,
      user: r.username,
      at: r.finished_at.toISOString(),
    }));
  }

  private async historyCoverage() {
    const row = await sql<{
      first: string | null;
      last: string | null;
      lines: number;
      delivered: number | null;
    }>`
      SELECT to_char(min(requested_date), 'YYYY-MM') AS first, to_char(max(requested_date), 'YYYY-MM') AS last,
             count(*)::int AS lines, sum(delivered_qty) AS delivered
      FROM sales_history WHERE requested_date < (SELECT (current_period || '-01')::date FROM company)`.execute(
      this.database.db,
    );
    const r = row.rows[0];
    return {
      firstPeriod: r?.first ?? null,
      lastPeriod: r?.last ?? null,
      orderLines: r?.lines ?? 0,
      deliveredUnits: r?.delivered ?? 0,
    };
  }
}
