// The `fulcrum` command line: the same application layer as the HTTP API.

import { DEFAULT_FORECAST_RUN, DEFAULT_SUPPLY_RUN, FORECAST_LEVELS, SUPPLY_STRATEGIES } from "@fulcrum/app";
import { Command } from "commander";
import { approveStage, showCycle } from "./commands/cycle";
import { exportEntity, importFiles, loadDemo, migrate, setCompany } from "./commands/data";
import { forecast, worker } from "./commands/forecast";
import { cancelPromise, type PromiseOptions, promise, promiseRisks } from "./commands/promise";
import { start } from "./commands/start";
import { supply } from "./commands/supply";
import { resolveConfig } from "./config";
import { reportFailure } from "./exit-codes";

const program = new Command("fulcrum")
  .description("Fulcrum — open-source Sales & Operations Planning")
  .option(
    "--data-dir <dir>",
    "folder of the embedded PostgreSQL (default .fulcrum/pgdata; ignored when DATABASE_URL is set)",
  )
  .showHelpAfterError();

const config = () => resolveConfig(program.opts());
const run = (action: () => Promise<void>) => action().catch((error) => process.exit(reportFailure(error)));

program
  .command("start")
  .description(
    "start the server; on a new workspace load the demo company (--demo) or create the first administrator",
  )
  .option("--demo", "load the demo company when the workspace is empty", false)
  .option("--port <port>", "HTTP port (default 4010, or $PORT)")
  .option("--host <host>", "interface to listen on (default 127.0.0.1)")
  .option("--no-open", "do not open a browser")
  .option("--no-worker", "do not run queued jobs in this process (leave them to `fulcrum worker`)")
  .action((options: { demo: boolean; open: boolean; worker: boolean; port?: string; host?: string }) =>
    run(() => start(resolveConfig({ ...program.opts(), ...options }), options)),
  );

program
  .command("import")
  .description(
    "import CSV or Excel files, all or nothing per file; the entity comes from the file name unless --entity is given",
  )
  .argument("<files...>")
  .option("--entity <name>", "entity the files hold (e.g. items, sales_history)")
  .action((files: string[], options: { entity?: string }) =>
    run(() => importFiles(config(), files, options.entity)),
  );

program
  .command("export")
  .description("export an entity to a .csv or .xlsx file in import format")
  .argument("<entity>")
  .argument("<file>")
  .action((entity: string, file: string) => run(() => exportEntity(config(), entity, file)));

program
  .command("demo")
  .description("load the generated demo company into an empty workspace")
  .option("--seed <n>", "random seed", "42")
  .option("--skus <n>", "number of finished SKUs", "150")
  .action((options: { seed: string; skus: string }) =>
    run(() => loadDemo(config(), { seed: Number(options.seed), skus: Number(options.skus) })),
  );

program
  .command("forecast")
  .description("statistical forecast for every finished SKU into a new draft demand-plan version")
  .option("--horizon <months>", "months to forecast", String(DEFAULT_FORECAST_RUN.horizon))
  .option("--history <months>", "months of history to learn from", String(DEFAULT_FORECAST_RUN.historyMonths))
  .option(
    "--level <level>",
    `forecast level: ${FORECAST_LEVELS.join(", ")} (SKU, per ship-from location, per customer segment)`,
    DEFAULT_FORECAST_RUN.level,
  )
  .option("--scenario <id>", "scenario whose demand plan gets the new version (default: the base plan)")
  .option("--queue", "queue the run for `fulcrum worker` processes instead of running it here", false)
  .action((options: { horizon: string; history: string; level: string; scenario?: string; queue: boolean }) =>
    run(() => forecast(config(), options)),
  );

program
  .command("supply")
  .description("plan supply for the base scenario's latest demand plan into a new draft supply-plan version")
  .option(
    "--strategy <strategy>",
    `${SUPPLY_STRATEGIES.join(", ")} (the optimiser, or a heuristic)`,
    DEFAULT_SUPPLY_RUN.strategy,
  )
  .option("--horizon <months>", "months to plan", String(DEFAULT_SUPPLY_RUN.horizon))
  .option(
    "--time-limit <seconds>",
    "longest the optimiser may search",
    String(DEFAULT_SUPPLY_RUN.timeLimitSeconds),
  )
  .option("--queue", "queue the run for `fulcrum worker` processes instead of running it here", false)
  .action((options: { strategy: string; horizon: string; timeLimit: string; queue: boolean }) =>
    run(() => supply(config(), options)),
  );

program
  .command("worker")
  .description(
    "process queued jobs (forecast and supply runs); start several, on any machine that reaches the database",
  )
  .action(() => run(() => worker(config())));

program
  .command("company")
  .description("show or change the company settings: name, currency and the current cycle month")
  .option("--name <name>", "company name")
  .option("--currency <code>", "ISO currency code, e.g. EUR")
  .option("--minor-digits <n>", "decimals of the currency (2 for EUR, 0 for JPY)")
  .option("--period <YYYY-MM>", "current S&OP cycle month")
  .action((options: { name?: string; currency?: string; minorDigits?: string; period?: string }) =>
    run(() => setCompany(config(), options)),
  );

const cycle = program
  .command("cycle")
  .description("show where the current S&OP cycle stands: each stage, its owners and who approved it")
  .action(() => run(() => showCycle(config())));

cycle
  .command("approve")
  .description(
    "approve the cycle's current stage as its owner (password in FULCRUM_PASSWORD); the cycle moves to the next stage",
  )
  .argument("<stage>", "data_gathering, demand_review, supply_review or alignment")
  .requiredOption("--as <username>", "the approving user")
  .option("--comment <text>", "why, for the approval log")
  .action((stage: string, options: { as: string; comment?: string }) =>
    run(() => approveStage(config(), stage, options)),
  );

program
  .command("promise")
  .description(
    "show a SKU-location's available-to-promise; with --quantity, --period and --segment quote a request; with --accept record it",
  )
  .argument("<sku>", "the item")
  .argument("<location>", "the location it ships from")
  .option("--quantity <units>", "units the customer asks for")
  .option("--period <YYYY-MM>", "the delivery month asked for")
  .option("--segment <code>", "the customer's segment")
  .option("--customer <code>", "the customer")
  .option("--accept", "record the promise (password in FULCRUM_PASSWORD)")
  .option("--ctp", "with --accept: make what ATP lacks from spare capacity and material")
  .option("--as <username>", "the promising user")
  .action((sku: string, location: string, options: PromiseOptions) =>
    run(() => promise(config(), sku, location, options)),
  );

program
  .command("promise-cancel")
  .description("cancel an accepted promise, giving its units back (password in FULCRUM_PASSWORD)")
  .argument("<id>", "the promise number")
  .requiredOption("--reason <text>", "why it is cancelled")
  .requiredOption("--as <username>", "the cancelling user")
  .action((id: string, options: { reason: string; as: string }) =>
    run(() => cancelPromise(config(), id, options)),
  );

program
  .command("promise-risks")
  .description(
    "list the accepted promises the committed plan no longer meets; with --check also notify their sales users",
  )
  .option(
    "--check",
    "notify each promise's sales user, once per promise and plan (password in FULCRUM_PASSWORD)",
  )
  .option("--as <username>", "the user running the check")
  .action((options: { check?: boolean; as?: string }) => run(() => promiseRisks(config(), options)));

program
  .command("migrate")
  .description("bring the database schema up to date")
  .action(() => run(() => migrate(config())));

await program.parseAsync();
