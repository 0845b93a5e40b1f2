// Each KPI's value, monthly trend and details from the scorecard's loaded data, by the engines'
// measures: order service and lost sales by the month asked for, realised sales and cash by the
// month delivered, supplier delivery by the promised month, the executive KPIs against the
// committed plan of each month, the supply KPIs month by month against the plan in force, and
// accuracy at lags 1 and 3. Targets and status are added by the scorecard service.

import type { PeriodKey } from "@fulcrum/domain";
import {
  actualCashFlow,
  type KpiCode,
  marketShare,
  orderService,
  realisedSales,
  supplierDelivery,
} from "@fulcrum/engines";
import type { ForecastAccuracy } from "../demand/forecast-accuracy-service";
import type { GroupPlanFigures } from "./committed-plan-cells";
import type { MonthPlan } from "./committed-plan-months";
import { pricedLines, serviceLines } from "./scorecard-actuals";
import { isFiltered } from "./scorecard-filter";
import type { KpiPoint, ScorecardData, ScorecardKpi } from "./scorecard-service";

export type Measured = Pick<ScorecardKpi, "code" | "value" | "reason" | "trend" | "filtered" | "details">;

/** Percentages of the accuracy service as fractions. */
export const pct = (value: number | null) => (value === null ? null : value / 100);
const ratio = (a: number, b: number) => (b !== 0 ? a / b : null);

/** Every KPI's value, trend and details from the loaded data (targets and status come after). */
export function measureKpis(data: ScorecardData): Measured[] {
  const filtered = isFiltered(data.filter);
  const inWindow = new Set<string>(data.periods);
  const point = (period: string, value: number | null, reason: string | null = null): KpiPoint => ({
    period,
    value,
    reason: value === null ? (reason ?? "nothing to measure") : null,
  });
  const kpi = (
    code: KpiCode,
    value: number | null,
    trend: readonly KpiPoint[],
    more: Partial<Pick<Measured, "reason" | "filtered" | "details">> = {},
  ): Measured => ({
    code,
    value,
    reason: value === null ? (more.reason ?? "nothing to measure in the window") : null,
    trend,
    filtered: more.filtered ?? true,
    details: more.details ?? [],
  });

  // Order service and lost sales, by the month customers asked for.
  const asked = data.actuals.lines.filter((l) => inWindow.has(l.requestedMonth));
  const total = orderService(serviceLines(asked, () => "all"))[0];
  const byMonth = new Map(orderService(serviceLines(asked, (l) => l.requestedMonth)).map((s) => [s.key, s]));
  const serviceTrend = (pick: (s: NonNullable<typeof total>) => number | null) =>
    data.periods.map((p) => point(p, byMonth.has(p) ? pick(byMonth.get(p)!) : null, "no order lines"));
  const lostByMonth = new Map(
    realisedSales(pricedLines(asked, (l) => l.requestedMonth)).map((s) => [s.key, s]),
  );

  // Realised sales by the month delivered (earlier months too: their cash lands in the window).
  const delivered = data.actuals.lines.filter((l) => l.deliveredMonth !== null);
  const sales = new Map(
    realisedSales(pricedLines(delivered, (l) => l.deliveredMonth!)).map((s) => [s.key, s]),
  );
  const revenueOf = (p: string) => sales.get(p)?.revenue ?? 0;
  const marginOf = (p: string) => sales.get(p)?.grossMargin ?? 0;

  const receipts = (key: (r: (typeof data.actuals.receipts)[number]) => string) =>
    data.actuals.receipts.map((r) => ({ ...r, key: key(r) }));
  const supplierAll = supplierDelivery(
    receipts(() => "all"),
    data.asOf,
  )[0];
  const supplierByMonth = new Map(
    supplierDelivery(
      receipts((r) => r.month),
      data.asOf,
    ).map((s) => [s.key, s]),
  );

  const premiumOf = (p: string) =>
    data.actuals.premium.filter((c) => c.month === p).reduce((s, c) => s + c.amount, 0);

  const cash = actualCashFlow(data.periods, {
    inflows: [...sales.values()].map((s) => ({
      period: s.key as PeriodKey,
      amount: s.revenue,
      lagPeriods: data.actuals.receivablesLag,
    })),
    outflows: data.actuals.cashOut,
  });
  const cashOf = new Map(cash.map((c) => [c.period as string, c.operatingCashFlow]));

  // Against the committed plan of each month: the company's figures, or under a product-group
  // filter the sum of the group's SKUs' cells in the committed supply version. Those cells have no
  // location or segment, and cash flow is planned for the company only.
  const planOf = new Map(data.plans.map((p) => [p.period, p]));
  const versusPlan = (
    code: KpiCode,
    actual: (p: string) => number,
    planned: (f: NonNullable<MonthPlan["figures"]>) => number,
    combine: "ratio" | "difference",
    group: ((g: GroupPlanFigures) => number) | null,
  ) => {
    const uncut = !filtered
      ? null
      : group === null
        ? "the committed plan's cash flow is kept for the company total only"
        : data.filter.segment !== undefined
          ? "the committed plan prices each SKU's plan, not each customer segment's"
          : data.filter.location !== undefined
            ? "the committed plan prices each SKU's plan, not each location's"
            : null;
    const plannedOf = (p: string): number | null => {
      const figures = planOf.get(p)!.figures;
      if (figures === null) return null;
      if (!filtered) return planned(figures);
      return group && data.groupPlan ? group(data.groupPlan.get(p) ?? { revenue: 0, grossMargin: 0 }) : null;
    };
    const rows = data.periods.map((p) => ({ p, plan: planOf.get(p)!, planned: plannedOf(p) }));
    const covered = rows.filter((r) => r.planned !== null);
    const of = (a: number, b: number) => (combine === "ratio" ? ratio(a, b) : a - b);
    const trend = rows.map((r) =>
      uncut
        ? point(r.p, null, uncut)
        : point(r.p, r.planned === null ? null : of(actual(r.p), r.planned), r.plan.reason),
    );
    const sumActual = covered.reduce((s, r) => s + actual(r.p), 0);
    const sumPlan = covered.reduce((s, r) => s + r.planned!, 0);
    const value = uncut || covered.length === 0 ? null : of(sumActual, sumPlan);
    return kpi(code, value, trend, {
      reason: uncut ?? (covered.length === 0 ? "no month of the window has a committed plan" : null),
      filtered: uncut === null,
      details: [
        { label: "actual (months with a plan)", value: uncut ? null : sumActual, unit: "money" },
        { label: "committed plan", value: uncut ? null : sumPlan, unit: "money" },
        {
          label: "months with a committed plan",
          value: rows.filter((r) => r.plan.figures !== null).length,
          unit: "units",
        },
      ],
    });
  };
  const revenueActual = data.periods.reduce((s, p) => s + revenueOf(p), 0);
  const budget = data.periods.reduce((s, p) => s + (data.budgetRevenue.get(p) ?? 0), 0);
  const revenue = versusPlan(
    "revenue_vs_plan",
    revenueOf,
    (f) => f.revenue,
    "ratio",
    (g) => g.revenue,
  );

  // Market share: units delivered of the groups with market data.
  const marketGroups = new Set(data.marketSizes.map((m) => m.group));
  const unitsByGroupMonth = new Map<string, number>();
  for (const l of delivered)
    for (const group of data.paths.get(l.sku) ?? []) {
      if (!marketGroups.has(group)) continue;
      const id = `${group}\u0000${l.deliveredMonth}`;
      unitsByGroupMonth.set(id, (unitsByGroupMonth.get(id) ?? 0) + l.delivered);
    }
  const shareRows = (p: string) =>
    data.marketSizes
      .filter((m) => m.period === p)
      .map((m) => ({ units: unitsByGroupMonth.get(`${m.group}\u0000${p}`) ?? 0, marketSize: m.units }));

  // Supply, month by month against the plan in force.
  const supplyOf = new Map(data.supply.map((s) => [s.from as string, s]));
  const noPlan = (p: string) =>
    supplyOf.get(p)?.plans[0]?.versionId ? null : `no supply plan in force for ${p}`;
  const attainment = data.periods.map((p) => {
    const t = supplyOf.get(p)?.attainment.total;
    return {
      p,
      planned: t?.planned ?? 0,
      met: (t?.attainment ?? 0) * (t?.planned ?? 0),
      value: t?.attainment ?? null,
    };
  });
  const stock = data.periods.map((p) => {
    const t = supplyOf.get(p)?.inventory.total;
    return {
      p,
      actual: t?.actualValue ?? 0,
      planned: t?.plannedValue ?? 0,
      cover: t?.coverDays ?? null,
      belowSafety: t?.belowSafetyStock ?? 0,
    };
  });
  const stockShare = (a: number, b: number) => (b > 0 ? Math.abs(a - b) / b : null);
  const covers = stock.filter((s) => s.cover !== null).map((s) => s.cover!);
  // The supply measures are cut by product group and location; a customer segment does not apply.
  const supplyFiltered = { filtered: data.filter.segment === undefined };

  const consensus = (a: ForecastAccuracy | undefined) => a?.steps.find((s) => s.step === "consensus");
  const statistical = (a: ForecastAccuracy | undefined) => a?.steps.find((s) => s.step === "statistical");
  const [c1, c3] = [consensus(data.accuracy?.lag1), consensus(data.accuracy?.lag3)];
  const accuracyTrend = (pick: (w: ForecastAccuracy["trend"][number]["wape"]) => number | null) => {
    const byPeriod = new Map((data.accuracy?.lag1.trend ?? []).map((t) => [t.period, t.wape]));
    return data.periods.map((p) =>
      point(p, byPeriod.has(p) ? pick(byPeriod.get(p)!) : null, "no plan snapshot a cycle before"),
    );
  };
  // Snapshot cells are per SKU and month: they follow a product group, not a location or segment.
  const accuracyCut = data.filter.segment === undefined && data.filter.location === undefined;
  const noSnapshot = "no consensus snapshot of the cycles before the window's months";
  const accuracy = (
    code: KpiCode,
    pick: (s: NonNullable<typeof c1>) => number | null,
    trend: readonly KpiPoint[],
  ) =>
    kpi(code, c1 ? pick(c1) : null, trend, {
      reason: noSnapshot,
      filtered: accuracyCut,
      details: [
        { label: "lag 3", value: c3 ? pick(c3) : null, unit: code === "forecast_mase" ? "ratio" : "share" },
      ],
    });
  const fva = (a: ForecastAccuracy | undefined) => {
    const s = statistical(a)?.wape ?? null;
    const c = consensus(a)?.wape ?? null;
    return s === null || c === null ? null : (s - c) / 100;
  };

  return [
    accuracy(
      "forecast_wape",
      (s) => pct(s.wape),
      accuracyTrend((w) => pct(w.consensus)),
    ),
    accuracy("forecast_mape", (s) => pct(s.mape), []),
    accuracy("forecast_mase", (s) => s.mase, []),
    accuracy("forecast_bias", (s) => pct(s.biasPct), []),
    kpi(
      "forecast_value_added",
      fva(data.accuracy?.lag1),
      accuracyTrend((w) =>
        w.statistical === null || w.consensus === null ? null : (w.statistical - w.consensus) / 100,
      ),
      {
        reason: noSnapshot,
        filtered: accuracyCut,
        details: [{ label: "lag 3", value: fva(data.accuracy?.lag3), unit: "share" }],
      },
    ),
    kpi(
      "cancelled_orders",
      total?.cancelledShare ?? null,
      serviceTrend((s) => s.cancelledShare),
      {
        details: [
          { label: "lines with a cancellation", value: total?.cancelledLines ?? 0, unit: "units" },
          { label: "units cancelled", value: total?.cancelledUnits ?? 0, unit: "units" },
        ],
      },
    ),
    kpi(
      "order_fill_rate_units",
      total?.unitFillRate ?? null,
      serviceTrend((s) => s.unitFillRate),
    ),
    kpi(
      "order_fill_rate_lines",
      total?.lineFillRate ?? null,
      serviceTrend((s) => s.lineFillRate),
      {
        details: [{ label: "lines", value: total?.lines ?? 0, unit: "units" }],
      },
    ),
    kpi(
      "plan_attainment",
      ratio(
        attainment.reduce((s, a) => s + a.met, 0),
        attainment.reduce((s, a) => s + a.planned, 0),
      ),
      attainment.map((a) => point(a.p, a.value, noPlan(a.p) ?? "nothing was planned")),
      { reason: "no production was planned in the window", ...supplyFiltered },
    ),
    kpi(
      "inventory_vs_plan",
      stockShare(
        stock.reduce((s, a) => s + a.actual, 0),
        stock.reduce((s, a) => s + a.planned, 0),
      ),
      stock.map((s) => point(s.p, stockShare(s.actual, s.planned), noPlan(s.p) ?? "no stock was planned")),
      {
        reason: "no stock was planned in the window",
        ...supplyFiltered,
        details: [
          { label: "actual stock value", value: stock.reduce((s, a) => s + a.actual, 0), unit: "money" },
          { label: "planned stock value", value: stock.reduce((s, a) => s + a.planned, 0), unit: "money" },
          {
            label: "position-months below safety stock",
            value: stock.reduce((s, a) => s + a.belowSafety, 0),
            unit: "units",
          },
        ],
      },
    ),
    kpi(
      "days_of_cover",
      covers.length > 0 ? covers.reduce((s, c) => s + c, 0) / covers.length : null,
      stock.map((s) => point(s.p, s.cover, noPlan(s.p) ?? "no demand follows")),
      { reason: "no stock against a plan in the window", ...supplyFiltered },
    ),
    kpi(
      "supplier_delivery",
      supplierAll?.otif ?? null,
      data.periods.map((p) => point(p, supplierByMonth.get(p)?.otif ?? null, "no receipt lines due")),
      {
        reason: "no receipt lines due in the window",
        filtered: data.filter.segment === undefined,
        details: [
          { label: "on time", value: supplierAll?.onTime ?? null, unit: "share" },
          { label: "in full", value: supplierAll?.inFull ?? null, unit: "share" },
          { label: "lines due", value: supplierAll?.lines ?? 0, unit: "units" },
        ],
      },
    ),
    kpi(
      "otif",
      total?.otif ?? null,
      serviceTrend((s) => s.otif),
    ),
    kpi(
      "lost_sales",
      [...lostByMonth.values()].reduce((s, l) => s + l.lostValue, 0),
      data.periods.map((p) => point(p, lostByMonth.get(p)?.lostValue ?? 0)),
      {
        details: [
          {
            label: "units lost",
            value: [...lostByMonth.values()].reduce((s, l) => s + l.lostUnits, 0),
            unit: "units",
          },
        ],
      },
    ),
    kpi(
      "expedite_cost",
      data.periods.reduce((s, p) => s + premiumOf(p), 0),
      data.periods.map((p) => point(p, premiumOf(p))),
      {
        filtered: data.filter.node === undefined && data.filter.segment === undefined,
        details: ["expedite", "overtime", "subcontract"].map((kind) => ({
          label: kind,
          value: data.actuals.premium.filter((c) => c.kind === kind).reduce((s, c) => s + c.amount, 0),
          unit: "money" as const,
        })),
      },
    ),
    {
      ...revenue,
      details: [
        ...revenue.details,
        { label: "realised revenue (all months)", value: revenueActual, unit: "money" },
        { label: "budget revenue", value: budget > 0 ? budget : null, unit: "money" },
        { label: "revenue ÷ budget", value: budget > 0 ? revenueActual / budget : null, unit: "ratio" },
      ],
    },
    versusPlan(
      "margin_vs_plan",
      marginOf,
      (f) => f.grossMargin,
      "ratio",
      (g) => g.grossMargin,
    ),
    versusPlan(
      "cash_flow_vs_plan",
      (p) => cashOf.get(p) ?? 0,
      (f) => f.operatingCashFlow,
      "difference",
      null,
    ),
    kpi(
      "market_share",
      marketShare(data.periods.flatMap(shareRows)),
      data.periods.map((p) => point(p, marketShare(shareRows(p)), "no market data")),
      {
        reason: "no market data for the window",
        filtered: data.filter.segment === undefined && data.filter.location === undefined,
      },
    ),
  ];
}
