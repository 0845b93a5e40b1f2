// A demand edit at the top of the hierarchy writes hundreds of thousands of plan cells and as many
// audit rows in one statement each. The row-level checks of 0001 then cost more than the writes:
// the draft guard read plan_versions once per cell, and the four foreign keys of plan_changes ran
// one lookup each per audit row. The same rules are checked here once per statement, over the
// statement's transition tables (ADR 0500, "Speed").

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Approved and committed versions stay immutable: any statement touching one of their values
    -- is refused, whichever rows it touched (old rows for UPDATE and DELETE, new ones for INSERT
    -- and UPDATE, so a value cannot be moved into or out of a frozen version either).
    CREATE FUNCTION fulcrum_guard_plan_value_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      v_id integer;
      v_status text;
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT v.id, v.status INTO v_id, v_status
        FROM (SELECT DISTINCT version_id FROM new_values) t JOIN plan_versions v ON v.id = t.version_id
        WHERE v.status <> 'draft' LIMIT 1;
      END IF;
      IF v_id IS NULL AND TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT v.id, v.status INTO v_id, v_status
        FROM (SELECT DISTINCT version_id FROM old_values) t JOIN plan_versions v ON v.id = t.version_id
        WHERE v.status <> 'draft' LIMIT 1;
      END IF;
      IF v_id IS NOT NULL THEN
        RAISE EXCEPTION 'plan version % is %, and its values cannot change', v_id, v_status
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END $$;
    DROP TRIGGER plan_values_guard ON plan_values;
    CREATE TRIGGER plan_values_guard_insert AFTER INSERT ON plan_values
      REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_guard_plan_value_statement();
    CREATE TRIGGER plan_values_guard_update AFTER UPDATE ON plan_values
      REFERENCING OLD TABLE AS old_values NEW TABLE AS new_values
      FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_guard_plan_value_statement();
    CREATE TRIGGER plan_values_guard_delete AFTER DELETE ON plan_values
      REFERENCING OLD TABLE AS old_values FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_guard_plan_value_statement();

    -- The audit rows' references, checked once per statement instead of by four per-row foreign
    -- keys. The referenced rows cannot go away afterwards: plan_changes and plan_edits are
    -- append-only, and versions and users with audit rows refuse deletion (below).
    ALTER TABLE plan_changes
      DROP CONSTRAINT plan_changes_version_id_fkey,
      DROP CONSTRAINT plan_changes_changed_by_fkey,
      DROP CONSTRAINT plan_changes_edit_id_fkey,
      DROP CONSTRAINT plan_changes_reverts_fkey;
    CREATE FUNCTION fulcrum_check_plan_change_references() RETURNS trigger LANGUAGE plpgsql AS $$
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
        SELECT 'plan change ' || n.reverts INTO missing FROM new_changes n
        WHERE n.reverts IS NOT NULL AND NOT EXISTS (SELECT 1 FROM plan_changes c WHERE c.id = n.reverts)
        LIMIT 1;
      END IF;
      IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'plan_changes refers to % that does not exist', missing USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER plan_changes_references AFTER INSERT ON plan_changes
      REFERENCING NEW TABLE AS new_changes FOR EACH STATEMENT EXECUTE FUNCTION fulcrum_check_plan_change_references();

    CREATE FUNCTION fulcrum_keep_audited_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM plan_changes WHERE version_id = OLD.id) THEN
        RAISE EXCEPTION 'plan version % has audit records and cannot be removed', OLD.id
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN COALESCE(NEW, OLD);
    END $$;
    CREATE TRIGGER plan_versions_keep_audited BEFORE DELETE OR UPDATE OF id ON plan_versions
      FOR EACH ROW EXECUTE FUNCTION fulcrum_keep_audited_version();
    CREATE FUNCTION fulcrum_keep_audited_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM plan_changes WHERE changed_by = OLD.id) THEN
        RAISE EXCEPTION 'user % has audit records and cannot be removed', OLD.id
          USING ERRCODE = 'foreign_key_violation';
      END IF;
      RETURN COALESCE(NEW, OLD);
    END $$;
    CREATE TRIGGER users_keep_audited BEFORE DELETE OR UPDATE OF id ON users
      FOR EACH ROW EXECUTE FUNCTION fulcrum_keep_audited_user();

    -- An edit rewrites every cell of a page at once; with half of each page kept free the new
    -- row versions fit beside the old ones (heap-only tuples), so the update skips the six-column
    -- unique index. Pages written from now on get the room; existing ones as they are rewritten.
    ALTER TABLE plan_values SET (fillfactor = 50);

    -- Nothing reads the audit by (version, time): the history, the revision and the conflict check
    -- all go by (version, id), which plan_changes_version_id covers.
    DROP INDEX plan_changes_version;`.execute(db);
}
