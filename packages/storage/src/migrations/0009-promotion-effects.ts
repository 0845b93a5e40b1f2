// Promotions and transitions in the demand plan (ADR 0501): what a promotion does besides its
// uplift percentage — extra units, the share taken from sister SKUs, the dip after it — and edits
// of kind promotion / transition, which the "apply promotions and transitions" use case records.
// A forecast model also keeps the history periods it cleansed (outliers, promotions) with their
// months, so a planner can see what the model did not learn from.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE promotions
      ADD COLUMN uplift_units double precision CHECK (uplift_units >= 0),
      ADD COLUMN cannibalisation_pct double precision CHECK (cannibalisation_pct BETWEEN 0 AND 100),
      ADD COLUMN post_dip_pct double precision CHECK (post_dip_pct BETWEEN 0 AND 100);

    ALTER TABLE plan_edits DROP CONSTRAINT plan_edits_kind_check;
    ALTER TABLE plan_edits ADD CONSTRAINT plan_edits_kind_check
      CHECK (kind IN ('total', 'delta', 'percent', 'revenue', 'consensus', 'undo', 'promotion', 'transition'));

    ALTER TABLE forecast_models ADD COLUMN cleansing jsonb NOT NULL DEFAULT '[]';`.execute(db);
}
