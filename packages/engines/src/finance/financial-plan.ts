// The financial plan of a unit plan: revenue, cost of goods sold at standard cost, gross margin,
// inventory, receivables, payables, working capital and operating cash, per SKU, per group of the
// product hierarchy and in total — one set of figures that the S&OP meeting reads in money.
//
// Rounding happens in exactly three places, each to the minor unit with Math.round (every rounded
// amount is non-negative, so halves go up):
//   1. a sales line's revenue per period: round(units × net price);
//   2. a SKU's COGS per period and cost element: round(units sold × standard cost element);
//   3. a SKU's labour and overhead paid per period: round(units made × standard cost element).
// Everything else is a sum or difference of those integers (purchases and inventory values come
// in as Money), so margin = revenue − COGS exactly in every period and group, horizon totals are
// the sums of their periods, a group is the sum of its SKUs, and cash flow sums to the change in
// cash. Percentages and shares are unrounded ratios.

import type { Money, PeriodKey } from "@fulcrum/domain";
import type { FinancialPlanInput, FinancialSku, GroupPath } from "./financial-plan-input";
import { groupKey, validateFinancialPlanInput } from "./validate-financial-plan";

export interface CostOfGoodsSold {
  readonly material: Money;
  readonly labour: Money;
  readonly overhead: Money;
  readonly total: Money;
}

export interface CashOut {
  /** Purchases paid (after their payment lag); in the total also the opening payables. */
  readonly material: Money;
  readonly labour: Money;
  readonly overhead: Money;
  readonly total: Money;
}

export interface BudgetComparison {
  readonly units: number | null;
  readonly revenue: Money | null;
  /** Units sold − budget units (positive = ahead of budget); null without a unit budget. */
  readonly unitsGap: number | null;
  /** Revenue − budget revenue; null without a revenue budget. */
  readonly revenueGap: Money | null;
}

export interface FinancialFigures {
  readonly unitsSold: number;
  readonly revenue: Money;
  /** Units sold × standard cost, per element. */
  readonly cogs: CostOfGoodsSold;
  /** Revenue − COGS. */
  readonly grossMargin: Money;
  /** 100 × gross margin ÷ revenue; null without revenue. */
  readonly grossMarginPercent: number | null;
  /** Closing balances of the period (for the horizon: of its last period). */
  readonly inventoryValue: Money;
  readonly receivables: Money;
  readonly payables: Money;
  /** Inventory + receivables − payables. */
  readonly workingCapital: Money;
  readonly cashIn: Money;
  readonly cashOut: CashOut;
  /** Cash in − cash out. */
  readonly operatingCashFlow: Money;
  /** Opening cash (total only) + operating cash flow up to and including the period. */
  readonly cumulativeCash: Money;
  /** Against the group's budget; all null for SKUs and groups without one. */
  readonly budget: BudgetComparison;
  readonly marketSize: number | null;
  /** Units sold ÷ market size (a fraction); null without a (positive) market size. */
  readonly marketShare: number | null;
}

export interface FinancialPeriodFigures extends FinancialFigures {
  readonly period: PeriodKey;
}

/** Figures per period, and for the horizon: flows summed, balances at its end. */
export interface FinancialSeries {
  readonly byPeriod: readonly FinancialPeriodFigures[];
  readonly horizon: FinancialFigures;
}

export interface FinancialSkuPlan extends FinancialSeries {
  readonly sku: string;
  readonly group: GroupPath;
}

export interface FinancialGroupPlan extends FinancialSeries {
  readonly path: GroupPath;
  /** `path.join(" > ")`, e.g. "BEVERAGES > JUICES". */
  readonly key: string;
  /** Depth in the hierarchy: 1 for a top-level group. */
  readonly level: number;
  readonly skus: readonly string[];
}

export interface FinancialPlan {
  readonly periods: readonly PeriodKey[];
  readonly skus: readonly FinancialSkuPlan[];
  /** Every prefix of every SKU's group path, in order of first appearance. */
  readonly groups: readonly FinancialGroupPlan[];
  /** All SKUs plus the opening receivables, payables and cash. */
  readonly total: FinancialSeries;
}

/** The integer flows and balances of one SKU, group or the total; everything else derives. */
interface Ledger {
  readonly unitsSold: number[];
  readonly revenue: number[];
  readonly cogsMaterial: number[];
  readonly cogsLabour: number[];
  readonly cogsOverhead: number[];
  readonly inventoryValue: number[];
  readonly receivables: number[];
  readonly payables: number[];
  readonly cashIn: number[];
  readonly paidMaterial: number[];
  readonly paidLabour: number[];
  readonly paidOverhead: number[];
}

type LedgerField = keyof Ledger;

interface Benchmarks {
  readonly budgetUnits: (number | null)[];
  readonly budgetRevenue: (number | null)[];
  readonly marketSize: (number | null)[];
}

/**
 * The financial plan of `input` (see the module header for rounding and docs/financial-plan.md for
 * each definition). A sale in period t with receivables lag L is receivable at the end of t … t+L−1
 * and cash in t+L; a purchase with payment lag L likewise is payable, then paid. Labour and
 * overhead are paid when incurred, i.e. when the units are made. Receipts and payments falling
 * after the horizon stay in the closing receivables and payables.
 *
 * @throws when the input has issues (`validateFinancialPlanInput` first to report them).
 */
export function financialPlan(input: FinancialPlanInput): FinancialPlan {
  const issues = validateFinancialPlanInput(input);
  if (issues.length > 0)
    throw new Error(
      `invalid financial plan input: ${issues.map((i) => `${i.entity} ${i.key}: ${i.message}`).join("; ")}`,
    );
  const T = input.periods.length;
  const lagOf = new Map(input.paymentTerms.map((p) => [p.segment, p.receivablesLagPeriods]));
  const benchmarks = benchmarksByGroup(input);
  const none: Benchmarks = {
    budgetUnits: input.periods.map(() => null),
    budgetRevenue: input.periods.map(() => null),
    marketSize: input.periods.map(() => null),
  };

  const groups = new Map<string, { path: GroupPath; skus: string[]; ledger: Ledger }>();
  const total = emptyLedger(T);
  const skus = input.skus.map((sku): FinancialSkuPlan => {
    const ledger = skuLedger(sku, T, lagOf);
    addInto(total, ledger);
    for (let level = 1; level <= sku.group.length; level++) {
      const path = sku.group.slice(0, level);
      const key = groupKey(path);
      let group = groups.get(key);
      if (!group) {
        group = { path, skus: [], ledger: emptyLedger(T) };
        groups.set(key, group);
      }
      group.skus.push(sku.sku);
      addInto(group.ledger, ledger);
    }
    return { sku: sku.sku, group: sku.group, ...figures(input.periods, ledger, none, 0) };
  });

  total.cashIn[0]! += input.openingReceivables ?? 0;
  total.paidMaterial[0]! += input.openingPayables ?? 0;
  return {
    periods: input.periods,
    skus,
    groups: [...groups].map(([key, g]) => ({
      path: g.path,
      key,
      level: g.path.length,
      skus: g.skus,
      ...figures(input.periods, g.ledger, benchmarks.get(key) ?? none, 0),
    })),
    total: figures(input.periods, total, benchmarks.get("") ?? none, input.openingCash ?? 0),
  };
}

function emptyLedger(T: number): Ledger {
  const zeros = () => Array.from({ length: T }, () => 0);
  return {
    unitsSold: zeros(),
    revenue: zeros(),
    cogsMaterial: zeros(),
    cogsLabour: zeros(),
    cogsOverhead: zeros(),
    inventoryValue: zeros(),
    receivables: zeros(),
    payables: zeros(),
    cashIn: zeros(),
    paidMaterial: zeros(),
    paidLabour: zeros(),
    paidOverhead: zeros(),
  };
}

function addInto(target: Ledger, source: Ledger): void {
  for (const field of Object.keys(target) as LedgerField[]) {
    source[field].forEach((v, t) => {
      target[field][t]! += v;
    });
  }
}

/**
 * Moves `amounts` (by period of origin) `lag` periods later into `settled`, and adds what is still
 * open at the end of each period to `open`: the amount of period s is open at the ends of s … s+L−1.
 */
function settleWithLag(amounts: readonly number[], lag: number, settled: number[], open: number[]): void {
  amounts.forEach((amount, s) => {
    if (s + lag < settled.length) settled[s + lag]! += amount;
    for (let t = s; t < Math.min(s + lag, open.length); t++) open[t]! += amount;
  });
}

function skuLedger(sku: FinancialSku, T: number, lagOf: ReadonlyMap<string, number>): Ledger {
  const ledger = emptyLedger(T);
  for (const line of sku.sales) {
    const revenue = line.units.map((q, t) => Math.round(q * line.netPrice[t]!));
    revenue.forEach((r, t) => {
      ledger.unitsSold[t]! += line.units[t]!;
      ledger.revenue[t]! += r;
    });
    settleWithLag(revenue, lagOf.get(line.segment)!, ledger.cashIn, ledger.receivables);
  }
  const cost = sku.standardCost;
  for (let t = 0; t < T; t++) {
    const sold = ledger.unitsSold[t]!;
    ledger.cogsMaterial[t] = Math.round(sold * cost.material);
    ledger.cogsLabour[t] = Math.round(sold * cost.labour);
    ledger.cogsOverhead[t] = Math.round(sold * cost.overhead);
    ledger.paidLabour[t] = Math.round(sku.made[t]! * cost.labour);
    ledger.paidOverhead[t] = Math.round(sku.made[t]! * cost.overhead);
    ledger.inventoryValue[t] = sku.inventoryValue[t]!;
  }
  for (const purchase of sku.purchases)
    settleWithLag(purchase.value, purchase.paymentLagPeriods, ledger.paidMaterial, ledger.payables);
  return ledger;
}

function benchmarksByGroup(input: FinancialPlanInput): Map<string, Benchmarks> {
  const index = new Map(input.periods.map((p, t) => [p as string, t]));
  const byGroup = new Map<string, Benchmarks>();
  const of = (path: GroupPath) => {
    const key = groupKey(path);
    let b = byGroup.get(key);
    if (!b) {
      b = {
        budgetUnits: input.periods.map(() => null),
        budgetRevenue: input.periods.map(() => null),
        marketSize: input.periods.map(() => null),
      };
      byGroup.set(key, b);
    }
    return b;
  };
  for (const budget of input.budgets ?? []) {
    const t = index.get(budget.period)!;
    const b = of(budget.group);
    b.budgetUnits[t] = budget.units ?? null;
    b.budgetRevenue[t] = budget.revenue ?? null;
  }
  for (const m of input.marketSizes ?? []) of(m.group).marketSize[index.get(m.period)!] = m.units;
  return byGroup;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function figures(
  periods: readonly PeriodKey[],
  l: Ledger,
  bench: Benchmarks,
  openingCash: number,
): FinancialSeries {
  const make = (
    at: (series: readonly number[]) => number,
    balanceAt: (series: readonly number[]) => number,
    cumulativeCash: number,
    budgetUnits: number | null,
    budgetRevenue: number | null,
    unitsGap: number | null,
    revenueGap: number | null,
    marketSize: number | null,
    marketUnits: number,
  ): FinancialFigures => {
    const revenue = at(l.revenue);
    const material = at(l.cogsMaterial);
    const labour = at(l.cogsLabour);
    const overhead = at(l.cogsOverhead);
    const cogs = material + labour + overhead;
    const grossMargin = revenue - cogs;
    const inventoryValue = balanceAt(l.inventoryValue);
    const receivables = balanceAt(l.receivables);
    const payables = balanceAt(l.payables);
    const cashIn = at(l.cashIn);
    const paid = { material: at(l.paidMaterial), labour: at(l.paidLabour), overhead: at(l.paidOverhead) };
    const cashOut = paid.material + paid.labour + paid.overhead;
    return {
      unitsSold: at(l.unitsSold),
      revenue: revenue as Money,
      cogs: {
        material: material as Money,
        labour: labour as Money,
        overhead: overhead as Money,
        total: cogs as Money,
      },
      grossMargin: grossMargin as Money,
      grossMarginPercent: revenue !== 0 ? (100 * grossMargin) / revenue : null,
      inventoryValue: inventoryValue as Money,
      receivables: receivables as Money,
      payables: payables as Money,
      workingCapital: (inventoryValue + receivables - payables) as Money,
      cashIn: cashIn as Money,
      cashOut: {
        material: paid.material as Money,
        labour: paid.labour as Money,
        overhead: paid.overhead as Money,
        total: cashOut as Money,
      },
      operatingCashFlow: (cashIn - cashOut) as Money,
      cumulativeCash: cumulativeCash as Money,
      budget: {
        units: budgetUnits,
        revenue: budgetRevenue as Money | null,
        unitsGap,
        revenueGap: revenueGap as Money | null,
      },
      marketSize,
      marketShare: marketSize !== null && marketSize > 0 ? marketUnits / marketSize : null,
    };
  };

  let cash = openingCash;
  const byPeriod = periods.map((period, t): FinancialPeriodFigures => {
    const at = (series: readonly number[]) => series[t]!;
    cash += l.cashIn[t]! - l.paidMaterial[t]! - l.paidLabour[t]! - l.paidOverhead[t]!;
    const budgetUnits = bench.budgetUnits[t]!;
    const budgetRevenue = bench.budgetRevenue[t]!;
    return {
      period,
      ...make(
        at,
        at,
        cash,
        budgetUnits,
        budgetRevenue,
        budgetUnits === null ? null : l.unitsSold[t]! - budgetUnits,
        budgetRevenue === null ? null : l.revenue[t]! - budgetRevenue,
        bench.marketSize[t]!,
        l.unitsSold[t]!,
      ),
    };
  });

  // The horizon compares each benchmark over the periods that have it, so a budget for half the
  // year is not read as a shortfall in the other half.
  const withBenchmark = (values: readonly (number | null)[]) =>
    periods.map((_, t) => t).filter((t) => values[t] !== null);
  const unitBudgeted = withBenchmark(bench.budgetUnits);
  const revenueBudgeted = withBenchmark(bench.budgetRevenue);
  const sized = withBenchmark(bench.marketSize);
  const over = (ts: readonly number[], series: readonly (number | null)[]) =>
    ts.length === 0 ? null : ts.reduce((s, t) => s + series[t]!, 0);
  const budgetUnits = over(unitBudgeted, bench.budgetUnits);
  const budgetRevenue = over(revenueBudgeted, bench.budgetRevenue);
  const last = (series: readonly number[]) => series[series.length - 1]!;
  const horizon = make(
    sum,
    last,
    cash,
    budgetUnits,
    budgetRevenue,
    budgetUnits === null ? null : (over(unitBudgeted, l.unitsSold) ?? 0) - budgetUnits,
    budgetRevenue === null ? null : (over(revenueBudgeted, l.revenue) ?? 0) - budgetRevenue,
    over(sized, bench.marketSize),
    over(sized, l.unitsSold) ?? 0,
  );
  return { byPeriod, horizon };
}
