// Supply plan runs: which demand version a run planned, the supply version it wrote (none until it
// has stored one, and never when it failed), its progress through the phases, and the summary a
// supply review reads — costs, cash, shortages with causes, capacity use — kept as JSON because it
// is read whole and never queried inside.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE supply_runs (
      id serial PRIMARY KEY,
      scenario_id integer NOT NULL REFERENCES scenarios,
      demand_version_id integer REFERENCES plan_versions,
      version_id integer REFERENCES plan_versions,
      strategy text NOT NULL CHECK (strategy IN ('optimal', 'level', 'chase')),
      first_period text NOT NULL,
      horizon integer NOT NULL CHECK (horizon > 0),
      time_limit_seconds integer NOT NULL CHECK (time_limit_seconds > 0),
      status text NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
      phase text NOT NULL CHECK (phase IN ('assembling', 'solving', 'storing', 'done')),
      outcome text CHECK (outcome IN ('optimal', 'time-limit', 'heuristic', 'infeasible', 'invalid', 'unbounded', 'error')),
      total_cost bigint,
      summary jsonb,
      error text,
      issues jsonb,
      job_id text,
      requested_by integer REFERENCES users,
      started_at timestamptz NOT NULL,
      finished_at timestamptz
    );
    CREATE INDEX supply_runs_job ON supply_runs (job_id);`.execute(db);
}
