// Comments on a place in the plan — the company, a product group or a SKU, optionally narrowed to a
// version, a period and a layer — with replies and @mentions. A discussion is evidence of why the
// plan is what it is, so comments are append-only like the audit trail; a mention may only be
// marked read (a trigger says so, whatever client writes), which is what each user's inbox needs.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE comments (
      id bigserial PRIMARY KEY,
      version_id integer REFERENCES plan_versions,
      node_kind text NOT NULL CHECK (node_kind IN ('all', 'group', 'item')),
      node_code text,
      period text CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      measure text,
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
      author_id integer NOT NULL REFERENCES users,
      created_at timestamptz NOT NULL DEFAULT now(),
      parent_id bigint REFERENCES comments,
      CHECK ((node_kind = 'all') = (node_code IS NULL))
    );
    CREATE INDEX comments_place ON comments (node_kind, node_code, id);
    CREATE INDEX comments_version ON comments (version_id, id);
    CREATE TRIGGER comments_append_only BEFORE UPDATE OR DELETE ON comments
      FOR EACH ROW EXECUTE FUNCTION fulcrum_append_only();

    CREATE TABLE comment_mentions (
      comment_id bigint NOT NULL REFERENCES comments,
      user_id integer NOT NULL REFERENCES users,
      read_at timestamptz,
      PRIMARY KEY (comment_id, user_id)
    );
    CREATE INDEX comment_mentions_inbox ON comment_mentions (user_id, comment_id);

    CREATE FUNCTION fulcrum_mention_read_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'comment_mentions are kept; mark them read instead' USING ERRCODE = 'check_violation';
      END IF;
      IF NEW.comment_id <> OLD.comment_id OR NEW.user_id <> OLD.user_id
         OR OLD.read_at IS NOT NULL OR NEW.read_at IS NULL THEN
        RAISE EXCEPTION 'a comment mention may only be marked read, once' USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER comment_mentions_read_only BEFORE UPDATE OR DELETE ON comment_mentions
      FOR EACH ROW EXECUTE FUNCTION fulcrum_mention_read_only();`.execute(db);
}
