// What order promising needs after a promise is made: cancelling it (who, when, why — the row
// keeps its request and lines, only its status and the cancellation are set, once), promises made
// from spare capacity and material (capable-to-promise: a line says whether it comes from ATP or
// is to be made, and the hours and components it holds are reserved rows that an accepted promise
// keeps and a cancelled one releases), and in-app notifications, one per promise at risk and
// committed plan, so checking twice never tells the account's sales user twice. Open orders get an
// index by SKU-location, which every quote reads.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE promises
      ADD COLUMN cancelled_by integer REFERENCES users,
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancel_reason text,
      ADD CONSTRAINT promises_cancellation CHECK (
        (status = 'cancelled') = (cancelled_by IS NOT NULL AND cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)
      );

    -- A promise changes once, from accepted to cancelled, and nothing else of it changes; it is never deleted.
    CREATE FUNCTION fulcrum_promise_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'promises are never deleted; cancel the promise instead';
      END IF;
      IF OLD.status <> 'accepted' OR NEW.status <> 'cancelled'
         OR (to_jsonb(NEW) - 'status' - 'cancelled_by' - 'cancelled_at' - 'cancel_reason')
            IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'cancelled_by' - 'cancelled_at' - 'cancel_reason') THEN
        RAISE EXCEPTION 'a promise can only be cancelled, once';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER promises_guard BEFORE UPDATE OR DELETE ON promises
      FOR EACH ROW EXECUTE FUNCTION fulcrum_promise_guard();

    ALTER TABLE promise_lines
      ADD COLUMN source text NOT NULL DEFAULT 'atp' CHECK (source IN ('atp', 'ctp')),
      DROP CONSTRAINT promise_lines_pkey,
      ADD PRIMARY KEY (promise_id, period, source);

    CREATE TABLE promise_reservations (
      promise_id integer NOT NULL REFERENCES promises,
      kind text NOT NULL CHECK (kind IN ('capacity', 'material')),
      -- The resource (capacity, in hours) or the component SKU (material, in units).
      code text NOT NULL,
      -- The plant the hours or the components are at.
      location text NOT NULL REFERENCES locations,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      quantity double precision NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (promise_id, kind, code, location, period)
    );
    CREATE INDEX promise_reservations_code ON promise_reservations (kind, code, location);
    CREATE TRIGGER promise_reservations_append_only BEFORE UPDATE OR DELETE ON promise_reservations
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE TABLE notifications (
      id serial PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users,
      kind text NOT NULL CHECK (kind IN ('promise_at_risk')),
      promise_id integer NOT NULL REFERENCES promises,
      committed_plan_id integer NOT NULL REFERENCES committed_plans,
      message text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      UNIQUE (kind, promise_id, committed_plan_id)
    );
    CREATE INDEX notifications_user ON notifications (user_id, id);

    -- Every quote and acceptance nets the SKU-location's open orders.
    CREATE INDEX open_orders_sku_location ON open_orders (sku, location);`.execute(db);
}
