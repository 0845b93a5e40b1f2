// Snapshots of the demand plan as it was approved in each cycle: every layer per SKU and month,
// with who last changed each cell, copied when the demand review approves the consensus. Forecast
// accuracy and forecast value added are measured on these — on what was really planned, at the
// lag it was planned — never on a version edited since. Both tables are append-only.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE demand_snapshots (
      id serial PRIMARY KEY,
      cycle_period text NOT NULL,
      version_id integer NOT NULL REFERENCES plan_versions,
      taken_by integer REFERENCES users,
      taken_at timestamptz NOT NULL
    );
    CREATE INDEX demand_snapshots_cycle ON demand_snapshots (cycle_period, id);
    CREATE TRIGGER demand_snapshots_append_only BEFORE UPDATE OR DELETE ON demand_snapshots
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE TABLE demand_snapshot_values (
      snapshot_id integer NOT NULL REFERENCES demand_snapshots,
      layer text NOT NULL CHECK (layer IN ('statistical', 'sales', 'marketing', 'product', 'consensus')),
      sku text NOT NULL REFERENCES items,
      period text NOT NULL,
      value double precision NOT NULL,
      editor integer REFERENCES users,
      PRIMARY KEY (snapshot_id, layer, sku, period)
    );
    CREATE TRIGGER demand_snapshot_values_append_only BEFORE UPDATE OR DELETE ON demand_snapshot_values
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();`.execute(db);
}
