// Bad financial input is reported as issues naming the record, so no NaN or fractional cent ever
// reaches a margin or a cash position.

import type { FinancialPlanInput, GroupPath } from "./financial-plan-input";

export interface FinancialIssue {
  /** The list the record is in, e.g. "skus", "budgets". */
  readonly entity: string;
  /** The record's key, e.g. "SKU-1/sales/RETAIL". */
  readonly key: string;
  readonly message: string;
}

/** Key of a group path inside the engine and in issues: the names joined by " > " ("" = total). */
export function groupKey(path: GroupPath): string {
  return path.join(" > ");
}

/** Issues that make the input unusable; empty when a financial plan can be computed. */
export function validateFinancialPlanInput(input: FinancialPlanInput): FinancialIssue[] {
  const issues: FinancialIssue[] = [];
  const issue = (entity: string, key: string, message: string) => issues.push({ entity, key, message });
  const T = input.periods.length;
  const horizon = new Set<string>(input.periods);
  if (T === 0) issue("periods", "", "the horizon has no periods");
  if (horizon.size !== T) issue("periods", "", "a period appears twice");
  const money = (entity: string, key: string, name: string, value: number, signed = false) => {
    if (!Number.isSafeInteger(value) || (!signed && value < 0))
      issue(
        entity,
        key,
        `${name} is ${value}, not ${signed ? "an" : "a non-negative"} amount in minor units`,
      );
  };
  const lag = (entity: string, key: string, value: number) => {
    if (!Number.isInteger(value) || value < 0)
      issue(entity, key, `payment lag is ${value}, not a whole number of periods ≥ 0`);
  };
  const units = (entity: string, key: string, name: string, value: number) => {
    if (!Number.isFinite(value) || value < 0)
      issue(entity, key, `${name} is ${value}, not a non-negative number`);
  };
  const series = <V extends number>(
    entity: string,
    key: string,
    name: string,
    values: readonly V[],
    check: (entity: string, key: string, name: string, value: number) => void,
  ) => {
    if (values.length !== T) issue(entity, key, `${name} has ${values.length} values for ${T} periods`);
    for (const [t, v] of values.entries()) check(entity, key, `${name} in ${input.periods[t] ?? t + 1}`, v);
  };

  const terms = new Set<string>();
  for (const p of input.paymentTerms) {
    if (terms.has(p.segment)) issue("paymentTerms", p.segment, "segment has two payment terms");
    terms.add(p.segment);
    lag("paymentTerms", p.segment, p.receivablesLagPeriods);
  }

  const groups = new Set<string>([""]);
  const skus = new Set<string>();
  for (const s of input.skus) {
    if (skus.has(s.sku)) issue("skus", s.sku, "SKU appears twice");
    skus.add(s.sku);
    for (let level = 1; level <= s.group.length; level++) groups.add(groupKey(s.group.slice(0, level)));
    for (const part of ["material", "labour", "overhead"] as const)
      money("skus", s.sku, `standard ${part} cost`, s.standardCost[part]);
    for (const line of s.sales) {
      const key = `${s.sku}/sales/${line.segment}`;
      if (!terms.has(line.segment)) issue("skus", key, `segment ${line.segment} has no payment terms`);
      series("skus", key, "units", line.units, units);
      series("skus", key, "net price", line.netPrice, money);
    }
    series("skus", s.sku, "made", s.made, units);
    for (const p of s.purchases) {
      const key = `${s.sku}/purchases/${p.supplier}`;
      lag("skus", key, p.paymentLagPeriods);
      series("skus", key, "value", p.value, money);
    }
    series("skus", s.sku, "inventory value", s.inventoryValue, money);
  }

  if (input.openingReceivables !== undefined)
    money("openingReceivables", "", "opening receivables", input.openingReceivables);
  if (input.openingPayables !== undefined)
    money("openingPayables", "", "opening payables", input.openingPayables);
  if (input.openingCash !== undefined) money("openingCash", "", "opening cash", input.openingCash, true);

  const perGroupPeriod = (entity: string, rows: readonly { group: GroupPath; period: string }[]) => {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = `${groupKey(row.group)}/${row.period}`;
      if (!groups.has(groupKey(row.group))) issue(entity, key, "no SKU rolls up to this group");
      if (!horizon.has(row.period)) issue(entity, key, `period ${row.period} is outside the horizon`);
      if (seen.has(key)) issue(entity, key, "group and period appear twice");
      seen.add(key);
    }
  };
  perGroupPeriod("budgets", input.budgets ?? []);
  for (const b of input.budgets ?? []) {
    const key = `${groupKey(b.group)}/${b.period}`;
    if (b.units !== undefined) units("budgets", key, "budget units", b.units);
    if (b.revenue !== undefined) money("budgets", key, "budget revenue", b.revenue);
  }
  perGroupPeriod("marketSizes", input.marketSizes ?? []);
  for (const m of input.marketSizes ?? [])
    units("marketSizes", `${groupKey(m.group)}/${m.period}`, "market size", m.units);
  return issues;
}
