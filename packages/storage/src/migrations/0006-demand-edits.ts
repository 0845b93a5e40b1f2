// Demand planning edits: an edit at any node of the product hierarchy becomes many cell changes,
// so the edit itself is recorded (what the planner typed, where, why) and each change points to it
// — that is what undo and the concurrency check work on. Locks hold cells still while a spread
// moves the rest; like values, they are frozen once the version is approved.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE plan_edits (
      id bigserial PRIMARY KEY,
      version_id integer NOT NULL REFERENCES plan_versions,
      measure text NOT NULL,
      node_kind text NOT NULL CHECK (node_kind IN ('all', 'group', 'item')),
      node_code text,
      first_period text NOT NULL,
      last_period text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('total', 'delta', 'percent', 'revenue', 'consensus', 'undo')),
      amount double precision,
      basis text,
      reason text NOT NULL,
      comment text NOT NULL DEFAULT '',
      undoes bigint REFERENCES plan_edits,
      cells integer NOT NULL,
      edited_by integer NOT NULL REFERENCES users,
      edited_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX plan_edits_version ON plan_edits (version_id, id);
    CREATE UNIQUE INDEX plan_edits_undone_once ON plan_edits (undoes);
    CREATE TRIGGER plan_edits_append_only BEFORE UPDATE OR DELETE ON plan_edits
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    ALTER TABLE plan_changes ADD COLUMN edit_id bigint REFERENCES plan_edits;
    CREATE INDEX plan_changes_edit ON plan_changes (edit_id);
    CREATE INDEX plan_changes_version_id ON plan_changes (version_id, id);

    CREATE TABLE plan_locks (
      version_id integer NOT NULL REFERENCES plan_versions,
      measure text NOT NULL,
      sku text NOT NULL REFERENCES items,
      period text NOT NULL,
      locked_by integer NOT NULL REFERENCES users,
      locked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (version_id, measure, sku, period)
    );
    CREATE TRIGGER plan_locks_guard BEFORE INSERT OR UPDATE OR DELETE ON plan_locks
      FOR EACH ROW EXECUTE FUNCTION fulcrum_guard_plan_values();`.execute(db);
}
