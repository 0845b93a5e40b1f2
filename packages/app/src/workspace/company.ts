// The company's planning settings: name, currency, planning bucket and the current cycle month.

import type { Bucket, Currency, PeriodKey } from "@fulcrum/domain";
import type { Database } from "@fulcrum/storage";

export interface Company {
  readonly name: string;
  readonly currency: Currency;
  readonly bucket: Bucket;
  readonly currentPeriod: PeriodKey;
  readonly asOf: string;
  readonly demo: boolean;
}

export async function loadCompany(database: Database): Promise<Company | null> {
  const row = await database.db.selectFrom("company").selectAll().executeTakeFirst();
  if (!row) return null;
  return {
    name: row.name,
    currency: { code: row.currency_code, minorDigits: row.currency_minor_digits },
    bucket: row.bucket,
    currentPeriod: row.current_period as PeriodKey,
    asOf: row.as_of,
    demo: row.demo,
  };
}

export async function saveCompany(database: Database, company: Company): Promise<void> {
  const values = {
    name: company.name,
    currency_code: company.currency.code,
    currency_minor_digits: company.currency.minorDigits,
    bucket: company.bucket,
    current_period: company.currentPeriod,
    as_of: company.asOf,
    demo: company.demo,
  };
  await database.db
    .insertInto("company")
    .values(values)
    .onConflict((oc) => oc.column("id").doUpdateSet(values))
    .execute();
  await database.db
    .insertInto("cycles")
    .values({ period: company.currentPeriod, stage: "data_gathering" })
    .onConflict((oc) => oc.column("period").doNothing())
    .execute();
}

/** A new, non-demo workspace starts with these settings; `fulcrum company` changes them. */
export function defaultCompany(today: Date): Company {
  const asOf = today.toISOString().slice(0, 10);
  return {
    name: "My company",
    currency: { code: "EUR", minorDigits: 2 },
    bucket: "month",
    currentPeriod: asOf.slice(0, 7) as PeriodKey,
    asOf,
    demo: false,
  };
}
