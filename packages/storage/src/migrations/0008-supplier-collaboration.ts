// Supplier collaboration: the supplier role (a user tied to one supplier, who sees only its own
// parts), each supply run's purchase requirements per supplier line (the plan cells hold purchases
// per component and plant, not per supplier), the suppliers' responses to them — append-only, the
// latest per supplier, SKU and period being in force — and which responses each run planned with.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('demand_planner', 'sales', 'marketing', 'supply_planner', 'finance', 'executive', 'admin', 'supplier'));
    ALTER TABLE users ADD COLUMN supplier_code text REFERENCES suppliers;
    -- A supplier user speaks for exactly one supplier; nobody else speaks for any.
    ALTER TABLE users ADD CONSTRAINT users_supplier_code_check CHECK ((role = 'supplier') = (supplier_code IS NOT NULL));

    CREATE TABLE supply_requirements (
      run_id integer NOT NULL REFERENCES supply_runs ON DELETE CASCADE,
      supplier text NOT NULL,
      sku text NOT NULL,
      plant text NOT NULL,
      period text NOT NULL,
      quantity double precision NOT NULL CHECK (quantity >= 0),
      order_period text NOT NULL,
      PRIMARY KEY (run_id, supplier, sku, plant, period)
    );
    CREATE INDEX supply_requirements_supplier ON supply_requirements (supplier, run_id);

    CREATE TABLE supplier_responses (
      id bigserial PRIMARY KEY,
      supplier text NOT NULL REFERENCES suppliers,
      sku text NOT NULL REFERENCES items,
      period text NOT NULL,
      requested_quantity double precision NOT NULL CHECK (requested_quantity >= 0),
      confirmed_capacity double precision NOT NULL CHECK (confirmed_capacity >= 0),
      confirmed_lead_time_days integer NOT NULL CHECK (confirmed_lead_time_days >= 0),
      status text NOT NULL CHECK (status IN ('confirmed', 'counter')),
      comment text NOT NULL DEFAULT '',
      run_id integer REFERENCES supply_runs,
      version_id integer REFERENCES plan_versions,
      responded_by integer NOT NULL REFERENCES users,
      responded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX supplier_responses_key ON supplier_responses (supplier, sku, period, id DESC);
    CREATE TRIGGER supplier_responses_append_only BEFORE UPDATE OR DELETE ON supplier_responses
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE TABLE supply_run_responses (
      run_id integer NOT NULL REFERENCES supply_runs ON DELETE CASCADE,
      response_id bigint NOT NULL REFERENCES supplier_responses,
      PRIMARY KEY (run_id, response_id)
    );
    CREATE INDEX supply_run_responses_response ON supply_run_responses (response_id);`.execute(db);
}
