// The S&OP cycle's approvals and the executive decision log. Each stage of a cycle is approved once,
// by the role that owned it at the time (kept on the row: a user's role may change later), and the
// approval log is append-only. Decisions change as they are followed up (status, due date, owner),
// so each edit is a row in decision_changes (who, when, field, old → new), append-only too: any
// earlier state of a decision can be rebuilt from its current row and that history.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE cycle_stage_log ADD COLUMN role text;
    ALTER TABLE cycle_stage_log ADD CONSTRAINT cycle_stage_log_stage
      CHECK (stage IN ('data_gathering', 'demand_review', 'supply_review', 'alignment', 'executive'));
    CREATE UNIQUE INDEX cycle_stage_log_once ON cycle_stage_log (period, stage);
    CREATE TRIGGER cycle_stage_log_append_only BEFORE UPDATE OR DELETE ON cycle_stage_log
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE TABLE decisions (
      id serial PRIMARY KEY,
      cycle_period text NOT NULL REFERENCES cycles,
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
      rationale text NOT NULL DEFAULT '' CHECK (char_length(rationale) <= 4000),
      owner_id integer NOT NULL REFERENCES users,
      due_date date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
      scenario_id integer REFERENCES scenarios,
      created_by integer NOT NULL REFERENCES users,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX decisions_cycle ON decisions (cycle_period, id);

    CREATE TABLE decision_changes (
      id bigserial PRIMARY KEY,
      decision_id integer NOT NULL REFERENCES decisions,
      field text NOT NULL CHECK (field IN ('title', 'rationale', 'owner', 'due_date', 'status', 'scenario')),
      old_value text,
      new_value text,
      changed_by integer NOT NULL REFERENCES users,
      changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX decision_changes_decision ON decision_changes (decision_id, id);
    CREATE TRIGGER decision_changes_append_only BEFORE UPDATE OR DELETE ON decision_changes
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();`.execute(db);
}
