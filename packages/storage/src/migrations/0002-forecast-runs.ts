// Statistical forecast runs: which plan version a run wrote, and per SKU the model chosen with the
// backtest scoreboard that explains the choice, so every override can later be measured against it.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE forecast_runs (
      id serial PRIMARY KEY,
      version_id integer NOT NULL REFERENCES plan_versions,
      first_period text NOT NULL,
      horizon integer NOT NULL CHECK (horizon > 0),
      series integer NOT NULL,
      requested_by integer REFERENCES users,
      started_at timestamptz NOT NULL,
      finished_at timestamptz NOT NULL
    );
    CREATE TABLE forecast_models (
      run_id integer NOT NULL REFERENCES forecast_runs,
      sku text NOT NULL REFERENCES items,
      method text NOT NULL,
      model text NOT NULL,
      demand_class text NOT NULL,
      scoreboard jsonb NOT NULL,
      notes jsonb NOT NULL,
      PRIMARY KEY (run_id, sku)
    );`.execute(db);
}
