// Order promising. A promise is what sales told a customer: the request (SKU, location, quantity,
// period, segment) and the lines promised against it (period, quantity), made by a user at a time,
// against the committed plan in force. Promises are what later requests net against, so the lines
// are rows that can be summed; they are append-only. Allocations keep a segment's share of ATP for
// it until its cut-off; each change is a new row (who, when), the latest per segment in force, so
// every earlier allocation can be read back.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE atp_allocations (
      id serial PRIMARY KEY,
      segment text NOT NULL REFERENCES segments,
      share numeric(5, 4) NOT NULL CHECK (share >= 0 AND share <= 1),
      cutoff_periods integer NOT NULL CHECK (cutoff_periods BETWEEN 0 AND 24),
      set_by integer NOT NULL REFERENCES users,
      set_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX atp_allocations_segment ON atp_allocations (segment, id);
    CREATE TRIGGER atp_allocations_append_only BEFORE UPDATE OR DELETE ON atp_allocations
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE TABLE promises (
      id serial PRIMARY KEY,
      sku text NOT NULL REFERENCES items,
      location text NOT NULL REFERENCES locations,
      segment text NOT NULL REFERENCES segments,
      customer text REFERENCES customers,
      quantity integer NOT NULL CHECK (quantity > 0),
      requested_period text NOT NULL CHECK (requested_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      kind text NOT NULL CHECK (kind IN ('full', 'partial', 'later', 'none')),
      committed_plan_id integer NOT NULL REFERENCES committed_plans,
      status text NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'cancelled')),
      created_by integer NOT NULL REFERENCES users,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX promises_sku_location ON promises (sku, location, id);

    CREATE TABLE promise_lines (
      promise_id integer NOT NULL REFERENCES promises,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      quantity integer NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (promise_id, period)
    );
    CREATE TRIGGER promise_lines_append_only BEFORE UPDATE OR DELETE ON promise_lines
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();`.execute(db);
}
