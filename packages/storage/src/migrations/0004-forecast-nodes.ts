// Forecasts above the forecast level: every product group, the whole company, and (for runs below
// SKU level) each SKU. Each node is forecast from its own aggregated history and the medians are
// reconciled so that every level adds up; a node's band comes from its own model. Leaves stay in
// plan_values as the demand version; these rows explain the levels above them.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE forecast_runs
      ADD COLUMN reconciliation text CHECK (reconciliation IN ('bottom-up', 'mint-shrink')),
      ADD COLUMN shrinkage double precision CHECK (shrinkage BETWEEN 0 AND 1);

    CREATE TABLE forecast_nodes (
      run_id integer NOT NULL REFERENCES forecast_runs ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('all', 'group', 'item')),
      code text NOT NULL,
      method text NOT NULL,
      model text NOT NULL,
      demand_class text NOT NULL,
      scoreboard jsonb NOT NULL,
      notes jsonb NOT NULL,
      history_start text NOT NULL,
      fitted jsonb NOT NULL,
      p10 double precision[] NOT NULL,
      p50 double precision[] NOT NULL,
      p90 double precision[] NOT NULL,
      PRIMARY KEY (run_id, kind, code)
    );`.execute(db);
}
