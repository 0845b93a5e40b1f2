// Forecast runs at a chosen level (SKU, SKU × ship-from location, SKU × customer segment), followed
// while they run, and explained per series afterwards: the chosen method's backtest accuracy and its
// in-sample fitted values.
//
// Fitted values live here, as one JSON array per series, rather than as a `demand.statistical.fitted`
// measure in plan_values: they describe the model over past months, they are not a plan quantity
// anyone edits, approves or totals. In plan_values they would put history periods into a demand
// version (its grid, its audit trail, its totals), and the first periods a method cannot fit (null)
// have no place in a NOT NULL value column.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE forecast_runs
      ADD COLUMN level text NOT NULL DEFAULT 'sku' CHECK (level IN ('sku', 'sku-location', 'sku-segment')),
      ADD COLUMN status text NOT NULL DEFAULT 'finished' CHECK (status IN ('running', 'finished', 'failed')),
      ADD COLUMN done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
      ADD COLUMN total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
      ADD COLUMN job_id text,
      ADD COLUMN error text,
      ALTER COLUMN finished_at DROP NOT NULL;
    UPDATE forecast_runs SET done = series, total = series;
    CREATE INDEX forecast_runs_job ON forecast_runs (job_id) WHERE job_id IS NOT NULL;

    ALTER TABLE forecast_models
      DROP CONSTRAINT forecast_models_pkey,
      ADD COLUMN location text REFERENCES locations,
      ADD COLUMN segment text REFERENCES segments,
      ADD COLUMN history_start text,
      ADD COLUMN fitted jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN backtest_mae double precision,
      ADD COLUMN backtest_rmse double precision,
      ADD COLUMN backtest_bias double precision,
      ADD COLUMN backtest_mase double precision,
      ADD COLUMN mean_demand double precision;
    CREATE UNIQUE INDEX forecast_models_key ON forecast_models (run_id, sku, location, segment) NULLS NOT DISTINCT;`.execute(
    db,
  );
}
