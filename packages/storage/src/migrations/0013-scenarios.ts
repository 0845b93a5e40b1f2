// What-if scenarios, copy-on-write. A scenario stores only what it changes: typed changes (a
// demand change, a capacity loss, a price move…) and, once re-planned, versions that overlay their
// parent's: a version with `overlay_of` holds only the cells that differ, and `plan_cells(v)` reads
// the version as a whole — its own cells over its parent's, recursively. Dozens of scenarios then
// cost a few rows each instead of a copy of the plan.
//
// The committed plan of a cycle is flattened into versions of its own (no overlay, so nothing a
// later edit of a parent does can reach it) and frozen: versions in `committed` status, and the
// committed_plans row itself, can never change again.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE scenarios
      ADD COLUMN deleted_at timestamptz,
      ADD COLUMN deleted_by integer REFERENCES users;

    ALTER TABLE plan_versions ADD COLUMN overlay_of integer REFERENCES plan_versions;
    CREATE INDEX plan_versions_overlay_of ON plan_versions (overlay_of);

    CREATE FUNCTION plan_cells(v integer)
      RETURNS TABLE (measure text, sku text, location text, segment text, period text, value double precision)
      LANGUAGE sql STABLE AS $$
        WITH RECURSIVE chain(id, depth) AS (
          SELECT v, 0
          UNION ALL
          SELECT pv.overlay_of, chain.depth + 1
          FROM chain JOIN plan_versions pv ON pv.id = chain.id
          WHERE pv.overlay_of IS NOT NULL
        )
        SELECT DISTINCT ON (c.measure, c.sku, c.location, c.segment, c.period)
               c.measure, c.sku, c.location, c.segment, c.period, c.value
        FROM chain JOIN plan_values c ON c.version_id = chain.id
        ORDER BY c.measure, c.sku, c.location, c.segment, c.period, chain.depth
      $$;

    -- A version that was approved or committed never goes back; a committed one never changes.
    CREATE FUNCTION fulcrum_guard_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
          RAISE EXCEPTION 'plan version % is %, and cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.status = 'committed' THEN
        RAISE EXCEPTION 'plan version % is committed, and cannot change', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      IF OLD.status = 'approved' AND NEW.status = 'draft' THEN
        RAISE EXCEPTION 'plan version % is approved, and cannot go back to draft', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.overlay_of IS DISTINCT FROM OLD.overlay_of AND OLD.status <> 'draft' THEN
        RAISE EXCEPTION 'plan version % is %, and its parent cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER plan_versions_guard BEFORE UPDATE OR DELETE ON plan_versions
      FOR EACH ROW EXECUTE FUNCTION fulcrum_guard_plan_version();

    CREATE TABLE scenario_changes (
      id bigserial PRIMARY KEY,
      scenario_id integer NOT NULL REFERENCES scenarios,
      kind text NOT NULL CHECK (kind IN ('demand', 'promotion', 'price', 'launch', 'capacity', 'supplier', 'inventory_target', 'cost')),
      -- The change's parameters, validated by the app (scenario-change.ts) before they are written.
      spec jsonb NOT NULL,
      summary text NOT NULL,
      reason text NOT NULL,
      comment text NOT NULL DEFAULT '',
      created_by integer NOT NULL REFERENCES users,
      created_at timestamptz NOT NULL DEFAULT now(),
      withdrawn_by integer REFERENCES users,
      withdrawn_at timestamptz
    );
    CREATE INDEX scenario_changes_scenario ON scenario_changes (scenario_id, id);

    -- A change is never rewritten; it can only be withdrawn, once.
    CREATE FUNCTION fulcrum_guard_scenario_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR OLD.withdrawn_at IS NOT NULL
         OR (to_jsonb(NEW) - 'withdrawn_by' - 'withdrawn_at') <> (to_jsonb(OLD) - 'withdrawn_by' - 'withdrawn_at') THEN
        RAISE EXCEPTION 'scenario change % can only be withdrawn, once', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER scenario_changes_guard BEFORE UPDATE OR DELETE ON scenario_changes
      FOR EACH ROW EXECUTE FUNCTION fulcrum_guard_scenario_change();

    -- Re-planning a scenario: demand → inventory targets → supply optimiser → finance, as one job.
    CREATE TABLE scenario_runs (
      id serial PRIMARY KEY,
      scenario_id integer NOT NULL REFERENCES scenarios,
      phase text NOT NULL CHECK (phase IN ('demand', 'supply', 'finance', 'done')),
      status text NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
      demand_version_id integer REFERENCES plan_versions,
      supply_run_id integer REFERENCES supply_runs,
      -- The changes planned with, so a result can be told stale when the scenario changes after it.
      change_ids bigint[] NOT NULL,
      -- The financial plan by month and product group, read whole by the comparison.
      finance jsonb,
      -- Rows the scenario's versions added (its copy-on-write cost).
      stored_cells integer,
      error text,
      job_id text,
      requested_by integer REFERENCES users,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX scenario_runs_scenario ON scenario_runs (scenario_id, id);

    CREATE TABLE committed_plans (
      id serial PRIMARY KEY,
      cycle_period text NOT NULL UNIQUE REFERENCES cycles,
      scenario_id integer NOT NULL REFERENCES scenarios,
      -- The run whose plan was committed: a scenario's re-plan, or the base plan's own supply run.
      supply_run_id integer NOT NULL REFERENCES supply_runs,
      scenario_run_id integer REFERENCES scenario_runs,
      demand_version_id integer NOT NULL REFERENCES plan_versions,
      supply_version_id integer NOT NULL REFERENCES plan_versions,
      finance jsonb NOT NULL,
      supply_summary jsonb NOT NULL,
      rationale text NOT NULL,
      committed_by integer NOT NULL REFERENCES users,
      committed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TRIGGER committed_plans_append_only BEFORE UPDATE OR DELETE ON committed_plans
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();`.execute(db);
}
