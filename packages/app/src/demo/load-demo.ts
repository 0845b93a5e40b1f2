// Loads the generated demo company into an empty workspace through the same writer imports use,
// in one transaction, with one demo user per S&OP role and the base scenario.

import { type DemoCompany, defaultDemoCompany } from "@fulcrum/demo";
import { ENTITIES, type PeriodKey } from "@fulcrum/domain";
import { type Database, EntityWriter } from "@fulcrum/storage";
import type { AuthService } from "../auth/auth-service";
import { AppError } from "../errors";
import type { PlanService } from "../plans/plan-service";
import { saveCompany } from "../workspace/company";

export interface DemoLoadResult {
  readonly company: string;
  readonly rows: Record<string, number>;
}

export async function loadDemoCompany(
  database: Database,
  services: { auth: AuthService; plans: PlanService },
  options: { seed?: number; skuCount?: number; asOf?: string } = {},
): Promise<DemoLoadResult> {
  const existing = await database.db.selectFrom("company").select("name").executeTakeFirst();
  if (existing)
    throw new AppError(
      "conflict",
      `the workspace already holds ${existing.name}; load the demo into an empty database`,
    );
  const demo: DemoCompany = defaultDemoCompany(options);
  const counts: Record<string, number> = {};
  const client = await database.pool.connect();
  try {
    await client.query("BEGIN");
    for (const entity of ENTITIES) {
      const rows = demo.rows[entity.name] ?? [];
      const writer = await EntityWriter.open(client, entity);
      for (const row of rows) await writer.write(row);
      const result = await writer.finish();
      counts[entity.name] = result.rows;
      await client.query(
        `INSERT INTO import_runs (entity, file_name, format, status, rows, inserted, started_at) VALUES ($1, $2, 'generated', 'imported', $3, $3, now())`,
        [entity.name, `demo company (seed ${options.seed ?? 42})`, result.rows],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await saveCompany(database, {
    ...demo.company,
    currentPeriod: demo.company.currentPeriod as PeriodKey,
    demo: true,
  });
  await services.auth.createDemoUsers();
  await services.plans.baseScenario(null);
  return { company: demo.company.name, rows: counts };
}
