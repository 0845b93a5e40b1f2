// The supply planner's inputs to the next run — firm production commitments, the frozen horizon,
// and capacity edits (an extra shift, more or less overtime) — kept as one append-only log per
// scenario: the newest entry for a (kind, subject, period) is in force, a null value withdraws it,
// and every entry says who, when, old → new and why, so any edit can be traced and reverted.
// Also the production actuals that plan attainment is measured on.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE supply_input_changes (
      id bigserial PRIMARY KEY,
      scenario_id integer NOT NULL REFERENCES scenarios,
      kind text NOT NULL CHECK (kind IN ('firm_production', 'regular_hours', 'overtime_hours', 'frozen_periods')),
      -- "SKU@PLANT" for firm production, the resource code for hours, '' for the frozen horizon.
      subject text NOT NULL,
      -- The period the entry is for; '' for the frozen horizon.
      period text NOT NULL,
      old_value double precision,
      new_value double precision CHECK (new_value IS NULL OR new_value >= 0),
      reason text NOT NULL,
      comment text NOT NULL DEFAULT '',
      reverts bigint REFERENCES supply_input_changes,
      changed_by integer NOT NULL REFERENCES users,
      changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX supply_input_changes_key ON supply_input_changes (scenario_id, kind, subject, period, id);
    CREATE TRIGGER supply_input_changes_append_only BEFORE UPDATE OR DELETE ON supply_input_changes
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE TABLE production_actuals (
      sku text NOT NULL REFERENCES items,
      location text NOT NULL REFERENCES locations,
      period text NOT NULL,
      quantity double precision NOT NULL,
      PRIMARY KEY (sku, location, period)
    );`.execute(db);
}
