// The foundation schema: every S&OP input entity (one table each, mirroring the catalogue in
// @fulcrum/domain — a test checks they agree), users and sessions, import runs, the planning cycle,
// scenarios and versioned plans with their audit trail. Runs on PostgreSQL 15 and later.

import { type Kysely, sql } from "kysely";

const ENTITY_TABLES = `
CREATE TABLE units_of_measure (
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE product_groups (
  code text NOT NULL,
  name text NOT NULL,
  level text NOT NULL,
  parent_code text REFERENCES product_groups,
  PRIMARY KEY (code)
);
CREATE TABLE items (
  sku text NOT NULL,
  name text NOT NULL,
  item_type text NOT NULL CHECK (item_type IN ('finished', 'component', 'raw')),
  group_code text REFERENCES product_groups,
  uom text NOT NULL REFERENCES units_of_measure,
  status text NOT NULL CHECK (status IN ('active', 'new', 'phase_out', 'inactive')),
  unit_volume double precision CHECK (unit_volume >= 0),
  PRIMARY KEY (sku)
);
CREATE TABLE locations (
  code text NOT NULL,
  name text NOT NULL,
  location_type text NOT NULL CHECK (location_type IN ('plant', 'dc')),
  region text NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE segments (
  code text NOT NULL,
  name text NOT NULL,
  priority integer NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE customers (
  code text NOT NULL,
  name text NOT NULL,
  segment text NOT NULL REFERENCES segments,
  channel text NOT NULL,
  region text NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE sales_history (
  order_id text NOT NULL,
  line integer NOT NULL,
  sku text NOT NULL REFERENCES items,
  customer text NOT NULL REFERENCES customers,
  location text NOT NULL REFERENCES locations,
  order_date date NOT NULL,
  requested_date date NOT NULL,
  requested_qty double precision NOT NULL CHECK (requested_qty >= 0),
  delivered_date date,
  delivered_qty double precision NOT NULL CHECK (delivered_qty >= 0),
  cancelled_qty double precision NOT NULL CHECK (cancelled_qty >= 0),
  unit_price bigint CHECK (unit_price >= 0),
  PRIMARY KEY (order_id, line)
);
CREATE TABLE open_orders (
  order_id text NOT NULL,
  line integer NOT NULL,
  sku text NOT NULL REFERENCES items,
  customer text NOT NULL REFERENCES customers,
  location text NOT NULL REFERENCES locations,
  order_date date NOT NULL,
  requested_date date NOT NULL,
  quantity double precision NOT NULL CHECK (quantity >= 0),
  promised_date date,
  PRIMARY KEY (order_id, line)
);
CREATE TABLE inventory (
  sku text NOT NULL REFERENCES items,
  location text NOT NULL REFERENCES locations,
  snapshot_date date NOT NULL,
  on_hand double precision NOT NULL CHECK (on_hand >= 0),
  PRIMARY KEY (sku, location, snapshot_date)
);
CREATE TABLE prices (
  sku text NOT NULL REFERENCES items,
  segment text REFERENCES segments,
  valid_from date NOT NULL,
  valid_to date,
  unit_price bigint NOT NULL CHECK (unit_price >= 0)
);
CREATE UNIQUE INDEX prices_key ON prices (sku, segment, valid_from) NULLS NOT DISTINCT;
CREATE TABLE standard_costs (
  sku text NOT NULL REFERENCES items,
  location text NOT NULL REFERENCES locations,
  valid_from date NOT NULL,
  valid_to date,
  material_cost bigint NOT NULL CHECK (material_cost >= 0),
  labour_cost bigint NOT NULL CHECK (labour_cost >= 0),
  overhead_cost bigint NOT NULL CHECK (overhead_cost >= 0),
  PRIMARY KEY (sku, location, valid_from)
);
CREATE TABLE promotions (
  code text NOT NULL,
  name text NOT NULL,
  sku text REFERENCES items,
  group_code text REFERENCES product_groups,
  segment text REFERENCES segments,
  start_date date NOT NULL,
  end_date date NOT NULL,
  uplift_pct double precision NOT NULL,
  discount_pct double precision NOT NULL,
  PRIMARY KEY (code)
);
CREATE TABLE product_transitions (
  kind text NOT NULL CHECK (kind IN ('launch', 'phase_out', 'supersession')),
  sku text NOT NULL REFERENCES items,
  predecessor_sku text REFERENCES items,
  start_date date NOT NULL,
  end_date date NOT NULL,
  scale_pct double precision,
  PRIMARY KEY (kind, sku)
);
CREATE TABLE resources (
  code text NOT NULL,
  name text NOT NULL,
  location text NOT NULL REFERENCES locations,
  regular_cost_per_hour bigint NOT NULL CHECK (regular_cost_per_hour >= 0),
  overtime_cost_per_hour bigint NOT NULL CHECK (overtime_cost_per_hour >= 0),
  PRIMARY KEY (code)
);
CREATE TABLE resource_capacity (
  resource text NOT NULL REFERENCES resources,
  period text NOT NULL CHECK (period ~ '^\\d{4}-(\\d{2}|W\\d{2})$'),
  working_days integer NOT NULL,
  regular_hours double precision NOT NULL CHECK (regular_hours >= 0),
  overtime_hours double precision NOT NULL CHECK (overtime_hours >= 0),
  PRIMARY KEY (resource, period)
);
CREATE TABLE routings (
  sku text NOT NULL REFERENCES items,
  location text NOT NULL REFERENCES locations,
  resource text NOT NULL REFERENCES resources,
  step integer NOT NULL,
  hours_per_unit double precision NOT NULL CHECK (hours_per_unit >= 0),
  PRIMARY KEY (sku, location, resource)
);
CREATE TABLE bom (
  parent_sku text NOT NULL REFERENCES items,
  component_sku text NOT NULL REFERENCES items,
  qty_per double precision NOT NULL CHECK (qty_per >= 0),
  scrap_pct double precision,
  PRIMARY KEY (parent_sku, component_sku)
);
CREATE TABLE suppliers (
  code text NOT NULL,
  name text NOT NULL,
  payment_terms_days integer NOT NULL,
  country text,
  PRIMARY KEY (code)
);
CREATE TABLE supplier_items (
  supplier text NOT NULL REFERENCES suppliers,
  sku text NOT NULL REFERENCES items,
  lead_time_days integer NOT NULL,
  lead_time_sd_days double precision CHECK (lead_time_sd_days >= 0),
  min_order_qty double precision NOT NULL CHECK (min_order_qty >= 0),
  capacity_per_period double precision CHECK (capacity_per_period >= 0),
  unit_cost bigint NOT NULL CHECK (unit_cost >= 0),
  PRIMARY KEY (supplier, sku)
);
CREATE TABLE service_level_targets (
  segment text REFERENCES segments,
  sku text REFERENCES items,
  target_pct double precision NOT NULL,
  measure text NOT NULL CHECK (measure IN ('cycle', 'fill_rate'))
);
CREATE UNIQUE INDEX service_level_targets_key ON service_level_targets (segment, sku) NULLS NOT DISTINCT;
`;

const APPLICATION_TABLES = `
CREATE INDEX sales_history_sku_date ON sales_history (sku, order_date);
CREATE INDEX sales_history_customer ON sales_history (customer);
CREATE INDEX items_group ON items (group_code);
CREATE INDEX product_groups_parent ON product_groups (parent_code);

CREATE TABLE company (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL,
  currency_code text NOT NULL,
  currency_minor_digits integer NOT NULL CHECK (currency_minor_digits BETWEEN 0 AND 4),
  bucket text NOT NULL CHECK (bucket IN ('month', 'week')),
  current_period text NOT NULL,
  as_of date NOT NULL,
  demo boolean NOT NULL DEFAULT false
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('demand_planner', 'sales', 'marketing', 'supply_planner', 'finance', 'executive', 'admin')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE import_runs (
  id bigserial PRIMARY KEY,
  entity text NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx', 'generated')),
  status text NOT NULL CHECK (status IN ('imported', 'rejected')),
  rows integer NOT NULL,
  inserted integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  issue_count integer NOT NULL DEFAULT 0,
  issues jsonb NOT NULL DEFAULT '[]',
  user_id integer REFERENCES users,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cycles (
  period text PRIMARY KEY CHECK (period ~ '^\\d{4}-(\\d{2}|W\\d{2})$'),
  stage text NOT NULL CHECK (stage IN ('data_gathering', 'demand_review', 'supply_review', 'alignment', 'executive', 'committed')),
  opened_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cycle_stage_log (
  id bigserial PRIMARY KEY,
  period text NOT NULL REFERENCES cycles,
  stage text NOT NULL,
  approved_by integer NOT NULL REFERENCES users,
  approved_at timestamptz NOT NULL DEFAULT now(),
  comment text
);

CREATE TABLE scenarios (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT '',
  parent_id integer REFERENCES scenarios,
  created_by integer REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE plan_versions (
  id serial PRIMARY KEY,
  scenario_id integer NOT NULL REFERENCES scenarios,
  kind text NOT NULL CHECK (kind IN ('demand', 'supply', 'inventory')),
  number integer NOT NULL CHECK (number >= 1),
  label text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'committed')),
  based_on integer REFERENCES plan_versions,
  cycle_period text,
  created_by integer REFERENCES users,
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_by integer REFERENCES users,
  approved_at timestamptz,
  UNIQUE (scenario_id, kind, number)
);

-- One table holds every plan measure (demand layers, supply quantities, projected inventory), so
-- versioning, editing and the audit trail work the same for all of them.
CREATE TABLE plan_values (
  version_id integer NOT NULL REFERENCES plan_versions,
  measure text NOT NULL,
  sku text NOT NULL REFERENCES items,
  location text REFERENCES locations,
  segment text REFERENCES segments,
  period text NOT NULL CHECK (period ~ '^\\d{4}-(\\d{2}|W\\d{2})$'),
  value double precision NOT NULL
);
CREATE UNIQUE INDEX plan_values_key ON plan_values (version_id, measure, sku, location, segment, period) NULLS NOT DISTINCT;

CREATE TABLE plan_changes (
  id bigserial PRIMARY KEY,
  version_id integer NOT NULL REFERENCES plan_versions,
  measure text NOT NULL,
  sku text NOT NULL,
  location text,
  segment text,
  period text NOT NULL,
  old_value double precision,
  new_value double precision,
  reason text NOT NULL,
  comment text NOT NULL DEFAULT '',
  reverts integer REFERENCES plan_changes,
  changed_by integer NOT NULL REFERENCES users,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_changes_version ON plan_changes (version_id, changed_at);

-- Approved and committed versions are immutable, and the audit trail is append-only: enforced in
-- the database so that no code path, script or psql session can rewrite history.
CREATE FUNCTION fulcrum_guard_plan_values() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_status text;
BEGIN
  SELECT status INTO v_status FROM plan_versions WHERE id = COALESCE(NEW.version_id, OLD.version_id);
  IF v_status <> 'draft' THEN
    RAISE EXCEPTION 'plan version % is %, and its values cannot change', COALESCE(NEW.version_id, OLD.version_id), v_status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER plan_values_guard BEFORE INSERT OR UPDATE OR DELETE ON plan_values
  FOR EACH ROW EXECUTE FUNCTION fulcrum_guard_plan_values();

CREATE FUNCTION fulcrum_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER plan_changes_append_only BEFORE UPDATE OR DELETE ON plan_changes
  FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(ENTITY_TABLES).execute(db);
  await sql.raw(APPLICATION_TABLES).execute(db);
}
