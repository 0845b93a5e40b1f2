// Who acknowledged a monitoring exception and what was done about it. Exceptions themselves are
// computed from actuals on every read, so only the people's part is stored, keyed by the
// exception's stable key. The log is append-only: a later entry supersedes an earlier one as the
// exception's state, and every entry stays readable with who wrote it and when.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE exception_acknowledgements (
      id serial PRIMARY KEY,
      -- The exception's key, e.g. 'forecast-bias:SKU-12:2026-10' (kind:subject:month).
      exception_key text NOT NULL CHECK (exception_key <> ''),
      -- The cycle whose list showed it when it was acknowledged.
      cycle_period text NOT NULL,
      status text NOT NULL DEFAULT 'acknowledged' CHECK (status IN ('acknowledged', 'resolved', 'dismissed')),
      -- What was done: required, so an acknowledgement always says something.
      action text NOT NULL CHECK (btrim(action) <> ''),
      acknowledged_by integer NOT NULL REFERENCES users,
      acknowledged_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX exception_acknowledgements_key ON exception_acknowledgements (exception_key, id);
    CREATE TRIGGER exception_acknowledgements_append_only BEFORE UPDATE OR DELETE ON exception_acknowledgements
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();`.execute(db);
}
