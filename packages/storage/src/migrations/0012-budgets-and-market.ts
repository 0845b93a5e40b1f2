// The budget (annual operating plan) per product group and month, and market sizes for market
// share: the figures the unit and revenue plan is compared with.

import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE budgets (
      group_code text NOT NULL REFERENCES product_groups,
      period text NOT NULL,
      quantity double precision NOT NULL CHECK (quantity >= 0),
      revenue bigint NOT NULL CHECK (revenue >= 0),
      PRIMARY KEY (group_code, period)
    );
    CREATE TABLE market_sizes (
      group_code text NOT NULL REFERENCES product_groups,
      period text NOT NULL,
      quantity double precision NOT NULL CHECK (quantity >= 0),
      PRIMARY KEY (group_code, period)
    );`.execute(db);
}
