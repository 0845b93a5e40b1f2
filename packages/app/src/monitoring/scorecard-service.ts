// The KPI scorecard of the monitoring stage: every KPI of the catalogue over a window of closed
// months, with its monthly trend, the target in force and its status. It composes what exists —
// the forecast accuracy service (lags 1 and 3, per plan layer), the supply KPI service (each month
// against the supply plan in force), the engines' order-service, realised-sales, supplier-delivery
// and cash-flow measures — and sets the executive KPIs against the committed plan in force for each
// month and the budget. A month without a committed plan says so instead of borrowing one.

import { type PeriodKey, periodRange, periodsBetween } from "@fulcrum/domain";
import {
  KPI_CATALOGUE,
  type KpiCode,
  type KpiDefinition,
  type KpiStatus,
  type KpiUnit,
  kpiStatus,
} from "@fulcrum/engines";
import type { Database } from "@fulcrum/storage";
import type { ForecastAccuracy, ForecastAccuracyService } from "../demand/forecast-accuracy-service";
import { AppError } from "../errors";
import { loadFinanceContext } from "../supply/supply-finance";
import { closedWindow } from "../workspace/closed-months";
import type { WorkspaceService } from "../workspace/workspace-service";
import { committedGroupPlan, type GroupPlanFigures } from "./committed-plan-cells";
import { committedPlanMonths, type MonthPlan } from "./committed-plan-months";
import { type KpiTargetService, resolveTarget } from "./kpi-target-service";
import { loadScorecardActuals, type ScorecardActuals } from "./scorecard-actuals";
import { drillDown } from "./scorecard-drill";
import { checkFilter, filterScope, type ScorecardFilter, skusUnder } from "./scorecard-filter";
import { measureKpis, pct } from "./scorecard-measures";
import type { SupplyKpiRequest, SupplyKpiService, SupplyKpis } from "./supply-kpi-service";

export interface ScorecardRequest extends ScorecardFilter {
  /** First and last closed month; by default the twelve months before the current one. */
  readonly from?: string;
  readonly to?: string;
}

export interface KpiPoint {
  readonly period: string;
  readonly value: number | null;
  /** Why there is no value (no plan in force, no demand…); null when there is one. */
  readonly reason: string | null;
}

export interface ScorecardKpi extends Omit<KpiDefinition, "defaultTarget"> {
  readonly value: number | null;
  readonly reason: string | null;
  readonly target: number;
  /** Where the target comes from: the scope it was set for, "company" or "default". */
  readonly targetSource: string;
  readonly status: KpiStatus | null;
  readonly trend: readonly KpiPoint[];
  /** False when the KPI is the company's figure although the scorecard is filtered. */
  readonly filtered: boolean;
  /** Figures shown beside the value (lag 3, plan and actual, budget…). */
  readonly details: readonly {
    readonly label: string;
    readonly value: number | null;
    readonly unit: KpiUnit;
  }[];
}

/** Most months a scorecard spans. */
export const MAX_WINDOW = 24;

/** Everything the scorecard and its drill-down are computed from. */
export interface ScorecardData {
  readonly from: PeriodKey;
  readonly to: PeriodKey;
  readonly asOf: string;
  readonly periods: readonly PeriodKey[];
  readonly filter: ScorecardFilter;
  readonly actuals: ScorecardActuals;
  readonly plans: readonly MonthPlan[];
  /**
   * The committed plan's revenue and margin of the filtered product group, per month with a plan;
   * null unless the filter is a product group alone (the plan's cells have no location or segment).
   */
  readonly groupPlan: ReadonlyMap<string, GroupPlanFigures> | null;
  readonly budgetRevenue: ReadonlyMap<string, number>;
  readonly marketSizes: readonly { group: string; period: string; units: number }[];
  readonly paths: ReadonlyMap<string, readonly string[]>;
  /** Null when a drill-down did not need it. */
  readonly accuracy: { readonly lag1: ForecastAccuracy; readonly lag3: ForecastAccuracy } | null;
  /** Each month's supply KPIs; empty when a drill-down did not need them. */
  readonly supply: readonly SupplyKpis[];
}

export class ScorecardService {
  constructor(
    private readonly database: Database,
    private readonly workspace: WorkspaceService,
    private readonly accuracy: ForecastAccuracyService,
    private readonly supplyKpis: SupplyKpiService,
    private readonly targets: KpiTargetService,
  ) {}

  async scorecard(request: ScorecardRequest = {}) {
    const data = await this.load(request);
    const inForce = await this.targets.inForce();
    const scope = filterScope(data.filter);
    const kpis = measureKpis(data).map((m): ScorecardKpi => {
      const { defaultTarget: _, ...definition } = KPI_CATALOGUE.find((k) => k.code === m.code)!;
      const { target, source } = resolveTarget(inForce, m.code, scope);
      return {
        ...definition,
        ...m,
        target,
        targetSource: source,
        status: kpiStatus(definition, m.value, target),
      };
    });
    return {
      from: data.from,
      to: data.to,
      filter: data.filter,
      scope,
      months: data.plans.map((p) => ({
        period: p.period,
        committedPlanId: p.committedPlanId,
        cyclePeriod: p.cyclePeriod,
        reason: p.reason,
      })),
      kpis,
      // Accuracy per plan layer (review step) at lags 1 and 3, as fractions.
      accuracy: (data.accuracy ? [data.accuracy.lag1, data.accuracy.lag3] : []).map((a) => ({
        lag: a.lag,
        steps: a.steps.map((s) => ({
          step: s.step,
          wape: pct(s.wape),
          mape: pct(s.mape),
          mase: s.mase,
          bias: pct(s.biasPct),
          valueAdded: pct(s.fvaVsPrevious),
        })),
      })),
    };
  }

  /** What drives one KPI over the window, ranked by contribution. */
  async drill(kpi: KpiCode, request: ScorecardRequest = {}) {
    const parts = {
      accuracy: kpi.startsWith("forecast_"),
      supply: kpi === "plan_attainment" || kpi === "inventory_vs_plan" || kpi === "days_of_cover",
    };
    return drillDown(await this.load(request, parts), kpi);
  }

  /** The window's data, loaded once for the scorecard or a drill-down. */
  async load(
    request: ScorecardRequest,
    parts: { readonly accuracy: boolean; readonly supply: boolean } = { accuracy: true, supply: true },
  ): Promise<ScorecardData> {
    const company = await this.workspace.company();
    const { from, to } = closedWindow(company, request);
    if (periodsBetween(from, to) + 1 > MAX_WINDOW)
      throw new AppError(
        "bad_request",
        `a scorecard spans at most ${MAX_WINDOW} months; ${from}–${to} is longer`,
      );
    const filter: ScorecardFilter = {
      ...(request.node ? { node: request.node } : {}),
      ...(request.segment ? { segment: request.segment } : {}),
      ...(request.location ? { location: request.location } : {}),
    };
    await checkFilter(this.database, filter);
    const periods = periodRange(from, to);
    const asOf = company.asOf;
    // The accuracy and supply measures are cut in memory, by the SKUs below the node.
    const skus = await skusUnder(this.database, filter.node);
    // Independent reads, run side by side on the pool: the order lines, the accuracy service's
    // snapshots and history, and the supply KPIs month by month (each against its own plan).
    const [actuals, plans, context, accuracy, supply] = await Promise.all([
      loadScorecardActuals(this.database, { from, to, asOf }, filter),
      committedPlanMonths(this.database, periods).then(async (months) => ({
        months,
        group:
          filter.node !== undefined && filter.segment === undefined && filter.location === undefined
            ? await committedGroupPlan(this.database, months, filter.node)
            : null,
      })),
      loadFinanceContext(this.database, periods),
      parts.accuracy
        ? Promise.all([
            this.accuracy.accuracy({ lag: 1, level: "sku", from, to, ...(skus ? { skus } : {}) }),
            this.accuracy.accuracy({ lag: 3, level: "sku", from, to, ...(skus ? { skus } : {}) }),
          ]).then(([lag1, lag3]) => ({ lag1, lag3 }))
        : null,
      parts.supply
        ? supplyMonths(this.supplyKpis, periods, {
            ...(skus ? { skus } : {}),
            ...(filter.location ? { location: filter.location } : {}),
          })
        : [],
    ]);
    const counted = groupsCounted(context.paths, filter.node);
    const budgetRevenue = new Map<string, number>();
    for (const b of context.budgets)
      if (counted(context.budgets, b.group) && b.revenue !== null)
        budgetRevenue.set(b.period, (budgetRevenue.get(b.period) ?? 0) + b.revenue);
    return {
      from,
      to,
      asOf,
      periods,
      filter,
      actuals,
      plans: plans.months,
      groupPlan: plans.group,
      budgetRevenue,
      marketSizes: context.marketSizes.filter((m) => counted(context.marketSizes, m.group)),
      paths: context.paths,
      accuracy,
      supply,
    };
  }
}

/** One month at a time, so that each month's totals are its own plan's. */
async function supplyMonths(
  service: SupplyKpiService,
  periods: readonly string[],
  cut: Pick<SupplyKpiRequest, "skus" | "location">,
): Promise<SupplyKpis[]> {
  const months: SupplyKpis[] = [];
  for (const period of periods) months.push(await service.supplyKpis({ from: period, to: period, ...cut }));
  return months;
}

/**
 * Which groups' budgets or market sizes add up to the company (or the filtered node) without
 * counting twice: the shallowest level at or below the node that has any rows — the top-level
 * groups where they have figures, else the families, and so on.
 */
function groupsCounted(paths: ReadonlyMap<string, readonly string[]>, node: string | undefined) {
  const pathOf = new Map<string, readonly string[]>();
  for (const path of paths.values())
    path.forEach((g, i) => {
      pathOf.set(g, path.slice(0, i + 1));
    });
  const under = (group: string) => node === undefined || (pathOf.get(group) ?? []).includes(node);
  const levels = new Map<readonly { group: string }[], number>();
  return (rows: readonly { group: string }[], group: string) => {
    let level = levels.get(rows);
    if (level === undefined) {
      const depths = rows.filter((r) => under(r.group)).map((r) => pathOf.get(r.group)?.length ?? Infinity);
      level = Math.min(Infinity, ...depths);
      levels.set(rows, level);
    }
    return under(group) && pathOf.get(group)?.length === level;
  };
}

export type Scorecard = Awaited<ReturnType<ScorecardService["scorecard"]>>;
