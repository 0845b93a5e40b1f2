// The actuals the last S&OP stage measures the committed plan on, beside the sales history and
// production actuals already kept: the date each order line was promised for, supplier receipts
// against their promised dates, and what a period really cost (realised unit costs and the
// expedite, overtime and subcontract spend). Each customer can name its account manager, the sales
// user told first when a promise is at risk. KPI targets are an append-only log: the newest entry
// for a (KPI, scope) is in force, and every earlier target can be read back with who set it.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE customers ADD COLUMN account_manager text;
    ALTER TABLE sales_history ADD COLUMN promised_date date;

    CREATE TABLE supplier_receipts (
      po_id text NOT NULL,
      line integer NOT NULL,
      supplier text NOT NULL REFERENCES suppliers,
      sku text NOT NULL REFERENCES items,
      location text NOT NULL REFERENCES locations,
      order_date date NOT NULL,
      promised_date date NOT NULL,
      promised_qty double precision NOT NULL CHECK (promised_qty >= 0),
      received_date date,
      received_qty double precision NOT NULL CHECK (received_qty >= 0),
      PRIMARY KEY (po_id, line)
    );
    CREATE INDEX supplier_receipts_supplier ON supplier_receipts (supplier, promised_date);

    CREATE TABLE cost_actuals (
      period text NOT NULL,
      location text NOT NULL REFERENCES locations,
      kind text NOT NULL CHECK (kind IN ('unit_cost', 'expedite', 'overtime', 'subcontract')),
      sku text REFERENCES items,
      amount bigint NOT NULL CHECK (amount >= 0),
      CHECK (kind <> 'unit_cost' OR sku IS NOT NULL)
    );
    CREATE UNIQUE INDEX cost_actuals_key ON cost_actuals (period, location, kind, sku) NULLS NOT DISTINCT;

    CREATE TABLE kpi_targets (
      id serial PRIMARY KEY,
      -- A KPI code from the scorecard's catalogue (checked by the application, which owns the list).
      kpi text NOT NULL,
      -- What the target is for: 'company', or 'segment:CODE', 'group:CODE', 'location:CODE', 'resource:CODE'.
      scope text NOT NULL DEFAULT 'company',
      target double precision NOT NULL,
      note text NOT NULL DEFAULT '',
      set_by integer NOT NULL REFERENCES users,
      set_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX kpi_targets_key ON kpi_targets (kpi, scope, id);
    CREATE TRIGGER kpi_targets_append_only BEFORE UPDATE OR DELETE ON kpi_targets
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();`.execute(db);
}
