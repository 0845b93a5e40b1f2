// Plan cells stored a row per series, not a row per cell (ADR 0500, "The shape of the data").
//
// A series is one measure of one SKU × location × segment in one version: its periods and values
// as two parallel arrays, periods in order. A demand edit at the top of a 10,000-SKU hierarchy then
// rewrites 10,000 rows, not 240,000, and its audit is one row per series it changed (the periods,
// the old and the new values as arrays) instead of one per cell.
//
// Readers see what they saw before: `plan_values` and `plan_changes` are views with a row per cell,
// and `plan_values` takes inserts, updates and deletes of single cells through INSTEAD OF triggers
// (for small writes and scripts). Bulk writers go to `plan_series` set-based (plans/plan-writer.ts).
//
// A cell's change id is its change set's id × 1024 plus its place in the set, so ids stay unique,
// grow with time (a version's revision is still its largest change id) and a single cell's change
// can still be named, reverted and referred to. A set therefore holds at most 1,024 periods.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Periods strictly in order, so that a period is in a series at most once.
    CREATE FUNCTION fulcrum_periods_in_order(periods text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
      SELECT NOT EXISTS (
        SELECT 1 FROM unnest(periods) WITH ORDINALITY AS p(period, i)
        WHERE i > 1 AND period COLLATE "C" <= periods[i - 1] COLLATE "C")
    $$;

    -- Two series of the same key joined; a period in both is a duplicate cell, refused as the
    -- unique index on cells refused it.
    CREATE FUNCTION fulcrum_series_merge(
      old_periods text[], old_values double precision[], new_periods text[], new_values double precision[],
      OUT periods text[], OUT cell_values double precision[]
    ) LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
      IF old_periods && new_periods THEN
        RAISE EXCEPTION 'plan cell for % already exists', (SELECT min(p) FROM unnest(old_periods) p WHERE p = ANY(new_periods))
          USING ERRCODE = 'unique_violation';
      END IF;
      SELECT array_agg(p ORDER BY p COLLATE "C"), array_agg(v ORDER BY p COLLATE "C") INTO periods, cell_values
      FROM (SELECT * FROM unnest(old_periods, old_values) UNION ALL SELECT * FROM unnest(new_periods, new_values)) AS c(p, v);
    END $$;

    CREATE TABLE plan_series (
      version_id integer NOT NULL REFERENCES plan_versions,
      measure text NOT NULL,
      sku text NOT NULL REFERENCES items,
      location text REFERENCES locations,
      segment text REFERENCES segments,
      periods text[] NOT NULL,
      cell_values double precision[] NOT NULL,
      -- One value per period, in the plan's period format. Checked per row as plain expressions:
      -- a function call per row cost an edit of 10,000 series 0.2 s.
      CONSTRAINT plan_series_cells CHECK (
        cardinality(periods) BETWEEN 1 AND 1024
        AND cardinality(cell_values) = cardinality(periods)
        AND array_position(cell_values, NULL) IS NULL
        AND array_to_string(periods, ',', '?') ~ '^\\d{4}-(\\d{2}|W\\d{2})(,\\d{4}-(\\d{2}|W\\d{2}))*$')
    ) WITH (fillfactor = 50);
    -- Half of each page stays free so that an edit's new row versions fit beside the old ones
    -- (heap-only tuples that skip the index), as plan_values did (0015).
    CREATE UNIQUE INDEX plan_series_key ON plan_series (version_id, measure, sku, location, segment) NULLS NOT DISTINCT;

    INSERT INTO plan_series
    SELECT version_id, measure, sku, location, segment,
           array_agg(period ORDER BY period COLLATE "C"), array_agg(value ORDER BY period COLLATE "C")
    FROM plan_values GROUP BY version_id, measure, sku, location, segment;
    DROP TABLE plan_values;

    -- The draft guard of 0015, per statement, on the series.
    CREATE TRIGGER plan_series_guard_insert AFTER INSERT ON plan_series
      REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_guard_plan_value_statement();
    CREATE TRIGGER plan_series_guard_update AFTER UPDATE ON plan_series
      REFERENCING OLD TABLE AS old_values NEW TABLE AS new_values
      FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_guard_plan_value_statement();
    CREATE TRIGGER plan_series_guard_delete AFTER DELETE ON plan_series
      REFERENCING OLD TABLE AS old_values FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_guard_plan_value_statement();

    -- The order of a new series' periods, once per statement. An update keeps the order of the
    -- series it rewrites: the app's writer merges in order (plans/plan-writer.ts), as the view's
    -- trigger below does.
    CREATE FUNCTION fulcrum_check_series_order() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      bad record;
    BEGIN
      SELECT version_id, measure, sku INTO bad FROM new_values WHERE NOT fulcrum_periods_in_order(periods) LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'plan series % of % in version % has its periods out of order or twice', bad.measure, bad.sku, bad.version_id
          USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_series_cells';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER plan_series_order AFTER INSERT ON plan_series
      REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_check_series_order();

    CREATE VIEW plan_values AS
      SELECT s.version_id, s.measure, s.sku, s.location, s.segment, c.period, c.value
      FROM plan_series s CROSS JOIN LATERAL unnest(s.periods, s.cell_values) AS c(period, value);

    CREATE FUNCTION fulcrum_write_plan_value() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      found_at integer;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO plan_series AS s VALUES
          (NEW.version_id, NEW.measure, NEW.sku, NEW.location, NEW.segment, ARRAY[NEW.period], ARRAY[NEW.value])
        ON CONFLICT (version_id, measure, sku, location, segment) DO UPDATE
          SET (periods, cell_values) = (SELECT * FROM fulcrum_series_merge(s.periods, s.cell_values, EXCLUDED.periods, EXCLUDED.cell_values));
        RETURN NEW;
      END IF;
      IF TG_OP = 'UPDATE' AND (NEW.version_id, NEW.measure, NEW.sku, NEW.location, NEW.segment, NEW.period)
         IS DISTINCT FROM (OLD.version_id, OLD.measure, OLD.sku, OLD.location, OLD.segment, OLD.period) THEN
        RAISE EXCEPTION 'a plan cell keeps its key; delete it and insert another' USING ERRCODE = 'check_violation';
      END IF;
      SELECT array_position(periods, OLD.period) INTO found_at FROM plan_series
      WHERE version_id = OLD.version_id AND measure = OLD.measure AND sku = OLD.sku
        AND location IS NOT DISTINCT FROM OLD.location AND segment IS NOT DISTINCT FROM OLD.segment;
      IF TG_OP = 'UPDATE' THEN
        UPDATE plan_series SET cell_values[found_at] = NEW.value
        WHERE version_id = OLD.version_id AND measure = OLD.measure AND sku = OLD.sku
          AND location IS NOT DISTINCT FROM OLD.location AND segment IS NOT DISTINCT FROM OLD.segment;
        RETURN NEW;
      END IF;
      DELETE FROM plan_series
      WHERE version_id = OLD.version_id AND measure = OLD.measure AND sku = OLD.sku
        AND location IS NOT DISTINCT FROM OLD.location AND segment IS NOT DISTINCT FROM OLD.segment
        AND cardinality(periods) = 1;
      UPDATE plan_series
      SET periods = periods[:found_at - 1] || periods[found_at + 1:],
          cell_values = cell_values[:found_at - 1] || cell_values[found_at + 1:]
      WHERE version_id = OLD.version_id AND measure = OLD.measure AND sku = OLD.sku
        AND location IS NOT DISTINCT FROM OLD.location AND segment IS NOT DISTINCT FROM OLD.segment
        AND cardinality(periods) > 1;
      RETURN OLD;
    END $$;
    CREATE TRIGGER plan_values_write INSTEAD OF INSERT OR UPDATE OR DELETE ON plan_values
      FOR EACH ROW EXECUTE FUNCTION fulcrum_write_plan_value();

    -- The audit: one row per series a write changed. old_values holds null where the cell did not
    -- exist, new_values null where it was removed; reverts, when given, the change id each cell's
    -- write puts back.
    CREATE TABLE plan_change_sets (
      id bigserial PRIMARY KEY,
      version_id integer NOT NULL,
      measure text NOT NULL,
      sku text NOT NULL,
      location text,
      segment text,
      periods text[] NOT NULL,
      old_values double precision[] NOT NULL,
      new_values double precision[] NOT NULL,
      reverts bigint[],
      reason text NOT NULL,
      comment text NOT NULL DEFAULT '',
      changed_by integer NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      edit_id bigint,
      CONSTRAINT plan_change_sets_cells CHECK (
        cardinality(periods) BETWEEN 1 AND 1024
        AND cardinality(old_values) = cardinality(periods) AND cardinality(new_values) = cardinality(periods)
        AND (reverts IS NULL OR cardinality(reverts) = cardinality(periods)))
    );
    INSERT INTO plan_change_sets (id, version_id, measure, sku, location, segment, periods, old_values, new_values,
                                  reverts, reason, comment, changed_by, changed_at, edit_id)
    SELECT id, version_id, measure, sku, location, segment, ARRAY[period], ARRAY[old_value], ARRAY[new_value],
           CASE WHEN reverts IS NULL THEN NULL ELSE ARRAY[reverts::bigint * 1024] END, reason, comment, changed_by, changed_at, edit_id
    FROM plan_changes;
    SELECT setval(pg_get_serial_sequence('plan_change_sets', 'id'), greatest(1, (SELECT max(id) FROM plan_change_sets)));
    DROP TABLE plan_changes;
    CREATE INDEX plan_change_sets_version ON plan_change_sets (version_id, id);
    CREATE INDEX plan_change_sets_series ON plan_change_sets (version_id, measure, sku, id);
    CREATE INDEX plan_change_sets_edit ON plan_change_sets (edit_id);
    CREATE TRIGGER plan_change_sets_append_only BEFORE UPDATE OR DELETE ON plan_change_sets
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE VIEW plan_changes AS
      SELECT s.id * 1024 + c.i - 1 AS id, s.id AS set_id, s.version_id, s.measure, s.sku, s.location, s.segment,
             c.period, c.old_value, c.new_value, s.reason, s.comment, c.reverts, s.changed_by, s.changed_at, s.edit_id
      FROM plan_change_sets s
      CROSS JOIN LATERAL unnest(s.periods, s.old_values, s.new_values, coalesce(s.reverts, array_fill(NULL::bigint, ARRAY[cardinality(s.periods)])))
        WITH ORDINALITY AS c(period, old_value, new_value, reverts, i);

    -- A single cell's audit row, for scripts: a change set of one. Rows are never changed or removed.
    CREATE FUNCTION fulcrum_write_plan_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      set_id bigint;
    BEGIN
      INSERT INTO plan_change_sets (version_id, measure, sku, location, segment, periods, old_values, new_values,
                                    reverts, reason, comment, changed_by, changed_at, edit_id)
      VALUES (NEW.version_id, NEW.measure, NEW.sku, NEW.location, NEW.segment, ARRAY[NEW.period], ARRAY[NEW.old_value],
              ARRAY[NEW.new_value], CASE WHEN NEW.reverts IS NOT NULL THEN ARRAY[NEW.reverts] END, NEW.reason,
              coalesce(NEW.comment, ''), NEW.changed_by, coalesce(NEW.changed_at, now()), NEW.edit_id)
      RETURNING id INTO set_id;
      NEW.id := set_id * 1024;
      NEW.set_id := set_id;
      RETURN NEW;
    END $$;
    CREATE TRIGGER plan_changes_write INSTEAD OF INSERT ON plan_changes
      FOR EACH ROW EXECUTE FUNCTION fulcrum_write_plan_change();
    CREATE TRIGGER plan_changes_append_only INSTEAD OF UPDATE OR DELETE ON plan_changes
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    -- The references of 0015, checked once per statement over the sets.
    CREATE OR REPLACE FUNCTION fulcrum_check_plan_change_references() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      missing text;
    BEGIN
      SELECT CASE WHEN v.id IS NULL THEN 'plan version ' || t.version_id
                  WHEN u.id IS NULL THEN 'user ' || t.changed_by
                  ELSE 'plan edit ' || t.edit_id END
      INTO missing
      FROM (SELECT DISTINCT version_id, changed_by, edit_id FROM new_changes) t
      LEFT JOIN plan_versions v ON v.id = t.version_id
      LEFT JOIN users u ON u.id = t.changed_by
      LEFT JOIN plan_edits e ON e.id = t.edit_id
      WHERE v.id IS NULL OR u.id IS NULL OR (t.edit_id IS NOT NULL AND e.id IS NULL)
      LIMIT 1;
      IF missing IS NULL THEN
        SELECT 'plan change ' || r.change INTO missing
        FROM (SELECT DISTINCT unnest(reverts) AS change FROM new_changes) r
        LEFT JOIN plan_change_sets s ON s.id = r.change / 1024
        WHERE r.change IS NOT NULL AND (s.id IS NULL OR r.change % 1024 >= cardinality(s.periods))
        LIMIT 1;
      END IF;
      IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'plan_changes refers to % that does not exist', missing USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER plan_change_sets_references AFTER INSERT ON plan_change_sets
      REFERENCING NEW TABLE AS new_changes FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_check_plan_change_references();

    CREATE OR REPLACE FUNCTION fulcrum_keep_audited_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM plan_change_sets WHERE version_id = OLD.id) THEN
        RAISE EXCEPTION 'plan version % has audit records and cannot be removed', OLD.id
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN COALESCE(NEW, OLD);
    END $$;
    CREATE OR REPLACE FUNCTION fulcrum_keep_audited_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM plan_change_sets WHERE changed_by = OLD.id) THEN
        RAISE EXCEPTION 'user % has audit records and cannot be removed', OLD.id
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN COALESCE(NEW, OLD);
    END $$;
`.execute(db);
}
