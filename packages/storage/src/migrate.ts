// Applies the migration set in order. Migrations are TypeScript modules listed here (not read from
// a folder at run time) so the set is fixed at build time and identical on every server.

import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as foundation from "./migrations/0001-foundation";
import * as forecastRuns from "./migrations/0002-forecast-runs";
import * as forecastLevels from "./migrations/0003-forecast-levels";
import * as forecastNodes from "./migrations/0004-forecast-nodes";
import * as supplyRuns from "./migrations/0005-supply-runs";
import * as demandEdits from "./migrations/0006-demand-edits";
import * as supplyInputs from "./migrations/0007-supply-inputs";
import * as supplierCollaboration from "./migrations/0008-supplier-collaboration";
import * as promotionEffects from "./migrations/0009-promotion-effects";
import * as demandSnapshots from "./migrations/0010-demand-snapshots";
import * as comments from "./migrations/0011-comments";
import * as budgetsAndMarket from "./migrations/0012-budgets-and-market";
import * as scenarios from "./migrations/0013-scenarios";
import * as cycleDecisions from "./migrations/0014-cycle-decisions";
import * as setBasedPlanGuards from "./migrations/0015-set-based-plan-guards";
import * as orderPromising from "./migrations/0016-order-promising";
import * as actualsAndTargets from "./migrations/0017-actuals-and-targets";
import * as exceptionAcknowledgements from "./migrations/0020-exception-acknowledgements";
import * as promiseCancellationAndNotifications from "./migrations/0021-promise-cancellation-and-notifications";
import * as planSeries from "./migrations/0022-plan-series";

const MIGRATIONS: Record<string, Migration> = {
  "0001-foundation": foundation,
  "0002-forecast-runs": forecastRuns,
  "0003-forecast-levels": forecastLevels,
  "0004-forecast-nodes": forecastNodes,
  "0005-supply-runs": supplyRuns,
  "0006-demand-edits": demandEdits,
  "0007-supply-inputs": supplyInputs,
  "0008-supplier-collaboration": supplierCollaboration,
  "0009-promotion-effects": promotionEffects,
  "0010-demand-snapshots": demandSnapshots,
  "0011-comments": comments,
  "0012-budgets-and-market": budgetsAndMarket,
  "0013-scenarios": scenarios,
  "0014-cycle-decisions": cycleDecisions,
  "0015-set-based-plan-guards": setBasedPlanGuards,
  "0016-order-promising": orderPromising,
  "0017-actuals-and-targets": actualsAndTargets,
  "0020-exception-acknowledgements": exceptionAcknowledgements,
  "0021-promise-cancellation-and-notifications": promiseCancellationAndNotifications,
  "0022-plan-series": planSeries,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
