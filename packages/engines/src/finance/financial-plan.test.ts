import type { Money, PeriodKey } from "@fulcrum/domain";
import { describe, expect, it } from "vitest";
import { type FinancialFigures, type FinancialSeries, financialPlan } from "./financial-plan";
import type { FinancialPlanInput, FinancialSku } from "./financial-plan-input";
import { validateFinancialPlanInput } from "./validate-financial-plan";

const m = (cents: number) => cents as Money;
const ms = (...cents: number[]) => cents.map(m);
const periods = ["2026-01", "2026-02", "2026-03"] as PeriodKey[];

// Two SKUs, three months, all amounts in cents.
// JUICE-1 (BEV > JUICE): standard cost 200 material + 100 labour + 50 overhead. Sold to RETAIL
//   (paid one month later) 10 / 20 / 30 units at 10.00 / 10.00 / 9.00 (March promotion).
//   Made 20 a month; material bought from S1 for 40.00 a month, paid one month later.
// WATER-1 (BEV > WATER): standard cost 50 + 30 + 20. RETAIL 100 a month at 1.50; ONLINE (cash on
//   sale, lag 0) 0 / 10 / 20 at 2.00. Made 200 / 0 / 100; bought from S2 100.00 / 0 / 50.00 paid
//   on receipt (lag 0).
const juice: FinancialSku = {
  sku: "JUICE-1",
  group: ["BEV", "JUICE"],
  standardCost: { material: m(200), labour: m(100), overhead: m(50) },
  sales: [{ segment: "RETAIL", units: [10, 20, 30], netPrice: ms(1000, 1000, 900) }],
  made: [20, 20, 20],
  purchases: [{ supplier: "S1", paymentLagPeriods: 1, value: ms(4000, 4000, 4000) }],
  inventoryValue: ms(3500, 3500, 0),
};
const water: FinancialSku = {
  sku: "WATER-1",
  group: ["BEV", "WATER"],
  standardCost: { material: m(50), labour: m(30), overhead: m(20) },
  sales: [
    { segment: "RETAIL", units: [100, 100, 100], netPrice: ms(150, 150, 150) },
    { segment: "ONLINE", units: [0, 10, 20], netPrice: ms(200, 200, 200) },
  ],
  made: [200, 0, 100],
  purchases: [{ supplier: "S2", paymentLagPeriods: 0, value: ms(10000, 0, 5000) }],
  inventoryValue: ms(9000, 7900, 6700),
};
const handInput: FinancialPlanInput = {
  periods,
  skus: [juice, water],
  paymentTerms: [
    { segment: "RETAIL", receivablesLagPeriods: 1 },
    { segment: "ONLINE", receivablesLagPeriods: 0 },
  ],
  openingReceivables: m(5000),
  openingPayables: m(3000),
  openingCash: m(100000),
  budgets: [
    { group: ["BEV", "JUICE"], period: periods[0]!, units: 12, revenue: m(11000) },
    { group: ["BEV", "JUICE"], period: periods[1]!, units: 20 },
  ],
  marketSizes: periods.map((period) => ({ group: ["BEV"], period, units: 1000 })),
};

const column = <K extends keyof FinancialFigures>(series: FinancialSeries, key: K) =>
  series.byPeriod.map((f) => f[key]);

describe("financialPlan on a hand-computed case", () => {
  const plan = financialPlan(handInput);
  const [juicePlan, waterPlan] = plan.skus;
  const group = (key: string) => plan.groups.find((g) => g.key === key)!;

  it("takes revenue, COGS at standard cost on units sold, and margin", () => {
    // JUICE revenue 10×1000 = 10000, 20×1000 = 20000, 30×900 = 27000.
    // COGS 10×(200+100+50) = 3500, 7000, 10500; margin 6500, 13000, 16500 (65%, 65%, 61.1%).
    expect(column(juicePlan!, "revenue")).toEqual([10000, 20000, 27000]);
    expect(juicePlan!.byPeriod[2]!.cogs).toEqual({
      material: 6000,
      labour: 3000,
      overhead: 1500,
      total: 10500,
    });
    expect(column(juicePlan!, "grossMargin")).toEqual([6500, 13000, 16500]);
    expect(juicePlan!.byPeriod[0]!.grossMarginPercent).toBe(65);
    expect(juicePlan!.byPeriod[2]!.grossMarginPercent).toBeCloseTo(61.111, 3);
    // WATER revenue 100×150 + 0 = 15000, 15000 + 10×200 = 17000, 15000 + 20×200 = 19000;
    // units 100 / 110 / 120 at 100 a unit: COGS 10000, 11000, 12000; margin 5000, 6000, 7000.
    expect(column(waterPlan!, "revenue")).toEqual([15000, 17000, 19000]);
    expect(column(waterPlan!, "unitsSold")).toEqual([100, 110, 120]);
    expect(column(waterPlan!, "grossMargin")).toEqual([5000, 6000, 7000]);
    expect(waterPlan!.horizon).toMatchObject({ revenue: 51000, grossMargin: 18000, unitsSold: 330 });
  });

  it("collects and pays with the lags, and keeps what is open as working capital", () => {
    // JUICE: receivables = this month's sales (lag 1): 10000, 20000, 27000; cash in 0, 10000, 20000.
    // Payables = this month's purchase: 4000 each; paid 0, 4000, 4000. Labour 20×100 = 2000 and
    // overhead 20×50 = 1000 paid monthly: cash out 3000, 7000, 7000; flow −3000, 3000, 13000.
    // Working capital 3500 + 10000 − 4000 = 9500; 3500 + 20000 − 4000 = 19500; 0 + 27000 − 4000 = 23000.
    expect(column(juicePlan!, "receivables")).toEqual([10000, 20000, 27000]);
    expect(column(juicePlan!, "cashIn")).toEqual([0, 10000, 20000]);
    expect(column(juicePlan!, "payables")).toEqual([4000, 4000, 4000]);
    expect(juicePlan!.byPeriod.map((f) => f.cashOut.total)).toEqual([3000, 7000, 7000]);
    expect(column(juicePlan!, "operatingCashFlow")).toEqual([-3000, 3000, 13000]);
    expect(column(juicePlan!, "cumulativeCash")).toEqual([-3000, 0, 13000]);
    expect(column(juicePlan!, "workingCapital")).toEqual([9500, 19500, 23000]);
    // WATER: RETAIL receivable 15000 at each month end, ONLINE none; cash in 0, 15000 + 2000,
    // 15000 + 4000. Purchases paid on receipt 10000, 0, 5000; labour 6000, 0, 3000; overhead
    // 4000, 0, 2000: cash out 20000, 0, 10000; flow −20000, 17000, 9000.
    expect(column(waterPlan!, "cashIn")).toEqual([0, 17000, 19000]);
    expect(column(waterPlan!, "payables")).toEqual([0, 0, 0]);
    expect(column(waterPlan!, "operatingCashFlow")).toEqual([-20000, 17000, 9000]);
    expect(column(waterPlan!, "workingCapital")).toEqual([24000, 22900, 21700]);
    expect(waterPlan!.horizon).toMatchObject({
      receivables: 15000,
      inventoryValue: 6700,
      cumulativeCash: 6000,
    });
  });

  it("rolls SKUs up to every level of their path, and the total adds the opening balances", () => {
    expect(plan.groups.map((g) => [g.key, g.level, g.skus])).toEqual([
      ["BEV", 1, ["JUICE-1", "WATER-1"]],
      ["BEV > JUICE", 2, ["JUICE-1"]],
      ["BEV > WATER", 2, ["WATER-1"]],
    ]);
    expect(column(group("BEV"), "grossMargin")).toEqual([11500, 19000, 23500]);
    // Total cash: January in 0 + 0 + 5000 opening receivables, out 3000 + 20000 + 3000 opening
    // payables = 26000, flow −21000, cash 100000 − 21000 = 79000; February in 27000, out 7000,
    // +20000 → 99000; March in 39000, out 17000, +22000 → 121000.
    expect(column(plan.total, "cashIn")).toEqual([5000, 27000, 39000]);
    expect(column(plan.total, "operatingCashFlow")).toEqual([-21000, 20000, 22000]);
    expect(column(plan.total, "cumulativeCash")).toEqual([79000, 99000, 121000]);
    expect(plan.total.horizon.operatingCashFlow).toBe(21000);
  });

  it("compares with the budget where there is one, and shares the market", () => {
    // JUICE January: 10 units vs 12, 10000 vs 11000; February units only; March none.
    expect(group("BEV > JUICE").byPeriod.map((f) => f.budget)).toEqual([
      { units: 12, revenue: 11000, unitsGap: -2, revenueGap: -1000 },
      { units: 20, revenue: null, unitsGap: 0, revenueGap: null },
      { units: null, revenue: null, unitsGap: null, revenueGap: null },
    ]);
    // The horizon compares over budgeted periods only: 30 units vs 32; 10000 vs 11000.
    expect(group("BEV > JUICE").horizon.budget).toEqual({
      units: 32,
      revenue: 11000,
      unitsGap: -2,
      revenueGap: -1000,
    });
    // BEV sells 110 / 130 / 150 of a 1000-unit market; 390 of 3000 over the horizon.
    expect(column(group("BEV"), "marketShare")).toEqual([0.11, 0.13, 0.15]);
    expect(group("BEV").horizon.marketShare).toBe(0.13);
    expect(group("BEV > WATER").horizon.marketShare).toBeNull();
    expect(plan.total.byPeriod[0]!.budget.units).toBeNull();
    expect(juicePlan!.byPeriod[0]!.marketShare).toBeNull();
  });
});

describe("financialPlan edge cases", () => {
  it("has no margin rate without sales, yet pays for what was made and bought", () => {
    const idle: FinancialSku = {
      ...juice,
      sales: [{ segment: "RETAIL", units: [0, 0, 0], netPrice: ms(1000, 1000, 1000) }],
    };
    const plan = financialPlan({ periods, skus: [idle], paymentTerms: handInput.paymentTerms });
    const [first] = plan.total.byPeriod;
    expect(first).toMatchObject({ revenue: 0, grossMargin: 0, grossMarginPercent: null, receivables: 0 });
    expect(first!.cogs.total).toBe(0);
    // Cash out 3000, 7000, 7000 as above; nothing comes in.
    expect(column(plan.total, "cumulativeCash")).toEqual([-3000, -10000, -17000]);
    expect(plan.total.horizon).toMatchObject({
      grossMarginPercent: null,
      marketShare: null,
      budget: { units: null, revenue: null, unitsGap: null, revenueGap: null },
    });
  });

  it("rounds each line's revenue to the cent and still has margin = revenue − COGS", () => {
    // 1/3 unit at 1.00 → 33.33… → 33; COGS ⅓ × 50 = 16.67 → 17; margin 16.
    const third: FinancialSku = {
      ...water,
      sales: [{ segment: "RETAIL", units: [1 / 3, 0, 0], netPrice: ms(100, 100, 100) }],
      standardCost: { material: m(50), labour: m(0), overhead: m(0) },
    };
    const [f] = financialPlan({ periods, skus: [third], paymentTerms: handInput.paymentTerms }).total
      .byPeriod;
    expect([f!.revenue, f!.cogs.total, f!.grossMargin]).toEqual([33, 17, 16]);
  });

  it("reports bad input by record and refuses to compute it", () => {
    const bad: FinancialPlanInput = {
      ...handInput,
      skus: [{ ...juice, sales: [{ segment: "EXPORT", units: [1, 2], netPrice: ms(1.5, 100, 100) }] }],
      budgets: [{ group: ["FOOD"], period: "2027-01" as PeriodKey, units: 1 }],
    };
    expect(validateFinancialPlanInput(bad).map((i) => `${i.entity} ${i.key}: ${i.message}`)).toEqual([
      "skus JUICE-1/sales/EXPORT: segment EXPORT has no payment terms",
      "skus JUICE-1/sales/EXPORT: units has 2 values for 3 periods",
      "skus JUICE-1/sales/EXPORT: net price in 2026-01 is 1.5, not a non-negative amount in minor units",
      "budgets FOOD/2027-01: no SKU rolls up to this group",
      "budgets FOOD/2027-01: period 2027-01 is outside the horizon",
    ]);
    expect(() => financialPlan(bad)).toThrow(/segment EXPORT has no payment terms/);
    expect(validateFinancialPlanInput(handInput)).toEqual([]);
  });
});

/** Park–Miller LCG: deterministic test data without Math.random. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function randomInput(seed: number): FinancialPlanInput {
  const rand = lcg(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const T = 6;
  const months = Array.from({ length: T }, (_, t) => `2027-${String(t + 1).padStart(2, "0")}` as PeriodKey);
  const segments = ["RETAIL", "ONLINE", "EXPORT"];
  const series = <V extends number>(f: () => V): V[] => Array.from({ length: T }, f);
  const paths = [["A", "A1"], ["A", "A2"], ["B"], ["B", "B1", "B1x"]];
  const skus = Array.from(
    { length: 12 },
    (_, i): FinancialSku => ({
      sku: `SKU-${i}`,
      group: paths[int(paths.length)]!,
      standardCost: { material: m(int(999)), labour: m(int(333)), overhead: m(int(177)) },
      sales: segments
        .filter(() => rand() < 0.7)
        .map((segment) => ({
          segment,
          // Fractional units as an LP would give, so every rounding rule is exercised.
          units: series(() => (rand() < 0.2 ? 0 : rand() * 500)),
          netPrice: series(() => m(500 + int(3000))),
        })),
      made: series(() => rand() * 600),
      purchases: Array.from({ length: int(3) }, (_, k) => ({
        supplier: `S${k}`,
        paymentLagPeriods: int(4),
        value: series(() => m(int(300000))),
      })),
      inventoryValue: series(() => m(int(900000))),
    }),
  );
  return {
    periods: months,
    skus,
    paymentTerms: segments.map((segment, k) => ({ segment, receivablesLagPeriods: k })),
    openingReceivables: m(int(100000)),
    openingPayables: m(int(100000)),
    openingCash: m(int(1000000) - 500000),
    budgets: months.filter(() => rand() < 0.5).map((period) => ({ group: ["A"], period, units: int(4000) })),
  };
}

describe("financialPlan reconciles exactly", () => {
  const flows = [
    (f: FinancialFigures) => f.unitsSold,
    (f: FinancialFigures) => f.revenue,
    (f: FinancialFigures) => f.cogs.material,
    (f: FinancialFigures) => f.cogs.labour,
    (f: FinancialFigures) => f.cogs.overhead,
    (f: FinancialFigures) => f.grossMargin,
    (f: FinancialFigures) => f.cashIn,
    (f: FinancialFigures) => f.cashOut.total,
    (f: FinancialFigures) => f.operatingCashFlow,
  ];
  const moneyOf = (f: FinancialFigures) => [
    f.revenue,
    f.cogs.total,
    f.grossMargin,
    f.inventoryValue,
    f.receivables,
    f.payables,
    f.workingCapital,
    f.cashIn,
    f.cashOut.total,
    f.operatingCashFlow,
    f.cumulativeCash,
  ];

  for (const seed of [1, 7, 2026, 99991]) {
    it(`in every period, group and the total (seed ${seed})`, () => {
      const input = randomInput(seed);
      const plan = financialPlan(input);
      const everySeries: FinancialSeries[] = [...plan.skus, ...plan.groups, plan.total];
      for (const series of everySeries) {
        for (const f of [...series.byPeriod, series.horizon]) {
          for (const amount of moneyOf(f)) expect(Number.isSafeInteger(amount)).toBe(true);
          expect(f.revenue - f.cogs.total).toBe(f.grossMargin);
          expect(f.cogs.material + f.cogs.labour + f.cogs.overhead).toBe(f.cogs.total);
          expect(f.inventoryValue + f.receivables - f.payables).toBe(f.workingCapital);
          expect(f.cashIn - f.cashOut.total).toBe(f.operatingCashFlow);
        }
        // Horizon flows are the sums of the periods (units within float error), balances the last.
        for (const flow of flows) {
          const total = series.byPeriod.reduce((s, f) => s + flow(f), 0);
          expect(flow(series.horizon)).toBeCloseTo(total, 6);
        }
        const last = series.byPeriod.at(-1)!;
        expect(series.horizon.workingCapital).toBe(last.workingCapital);
        expect(series.horizon.cumulativeCash).toBe(last.cumulativeCash);
      }
      // Cash flow sums to the change in cash.
      expect(plan.total.horizon.cumulativeCash - (input.openingCash ?? 0)).toBe(
        plan.total.horizon.operatingCashFlow,
      );
      // A group is the sum of its SKUs, and top-level groups plus opening balances the total.
      const bySku = new Map(plan.skus.map((s) => [s.sku, s]));
      const sumOf = (members: FinancialSeries[], t: number, pick: (f: FinancialFigures) => number) =>
        members.reduce((s, x) => s + pick(x.byPeriod[t]!), 0);
      for (const group of plan.groups) {
        const members = group.skus.map((sku) => bySku.get(sku)!);
        group.byPeriod.forEach((f, t) => {
          // Cumulative cash too: SKUs and groups start from 0.
          expect(moneyOf(f)).toEqual(moneyOf(f).map((_, k) => sumOf(members, t, (x) => moneyOf(x)[k]!)));
        });
      }
      const tops = plan.groups.filter((g) => g.level === 1);
      plan.total.byPeriod.forEach((f, t) => {
        const opening = t === 0 ? (input.openingReceivables ?? 0) - (input.openingPayables ?? 0) : 0;
        expect(f.grossMargin).toBe(sumOf(tops, t, (x) => x.grossMargin));
        expect(f.workingCapital).toBe(sumOf(tops, t, (x) => x.workingCapital));
        expect(f.operatingCashFlow).toBe(sumOf(tops, t, (x) => x.operatingCashFlow) + opening);
      });
      // Every cent of revenue and purchases is either settled in the horizon or still open at its end.
      const purchased = input.skus.reduce(
        (s, sku) => s + sku.purchases.reduce((a, p) => a + p.value.reduce((x, y) => x + y, 0), 0),
        0,
      );
      const h = plan.total.horizon;
      expect(h.cashIn + h.receivables).toBe((input.openingReceivables ?? 0) + h.revenue);
      expect(h.cashOut.material + h.payables).toBe((input.openingPayables ?? 0) + purchased);
    });
  }
});
