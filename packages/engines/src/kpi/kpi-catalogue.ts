// The scorecard's KPI catalogue: every measure the monitoring stage reports, with its code (the key
// targets are stored under), area, unit, which way is better, its written definition and a default
// target — and the rule that grades a value against its target. The UI, the report and the
// exception list all read the definitions from here, so a KPI means the same thing everywhere.

export const KPI_AREAS = ["demand", "supply", "alignment", "executive"] as const;
export type KpiArea = (typeof KPI_AREAS)[number];

/** share: a fraction (0.95 = 95 %); money: integer minor units; ratio: actual ÷ plan. */
export type KpiUnit = "share" | "units" | "money" | "days" | "ratio";
export type KpiDirection = "higher" | "lower";

export interface KpiDefinition {
  readonly code: KpiCode;
  readonly name: string;
  readonly area: KpiArea;
  readonly unit: KpiUnit;
  /** Which way is better. */
  readonly direction: KpiDirection;
  /** Formula, units and edge cases, as the UI shows them. */
  readonly definition: string;
  readonly defaultTarget: number;
}

export const KPI_CODES = [
  "forecast_wape",
  "forecast_mape",
  "forecast_mase",
  "forecast_bias",
  "forecast_value_added",
  "cancelled_orders",
  "order_fill_rate_units",
  "order_fill_rate_lines",
  "plan_attainment",
  "inventory_vs_plan",
  "days_of_cover",
  "supplier_delivery",
  "otif",
  "lost_sales",
  "expedite_cost",
  "revenue_vs_plan",
  "margin_vs_plan",
  "cash_flow_vs_plan",
  "market_share",
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

const kpi = (d: KpiDefinition) => d;

export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  kpi({
    code: "forecast_wape",
    name: "Forecast error (WAPE)",
    area: "demand",
    unit: "share",
    direction: "lower",
    definition:
      "Σ|A − F| ÷ ΣA over the months and series measured, where F is the consensus plan approved `lag` cycles before the month (lag 1 and 3) and A the units customers asked for. Null without demand.",
    defaultTarget: 0.3,
  }),
  kpi({
    code: "forecast_mape",
    name: "Forecast error (MAPE)",
    area: "demand",
    unit: "share",
    direction: "lower",
    definition:
      "Mean of |A − F| ÷ A over the cells with demand (cells with A = 0 are left out, as MAPE is undefined there). Null when no cell has demand.",
    defaultTarget: 0.4,
  }),
  kpi({
    code: "forecast_mase",
    name: "Forecast error (MASE)",
    area: "demand",
    unit: "ratio",
    direction: "lower",
    definition:
      "Mean absolute error ÷ the in-sample MAE of a seasonal naive forecast over the 24 months before the window; below 1 beats the naive forecast. Series without a positive scale are left out.",
    defaultTarget: 1,
  }),
  kpi({
    code: "forecast_bias",
    name: "Forecast bias",
    area: "demand",
    unit: "share",
    direction: "lower",
    definition:
      "Σ(F − A) ÷ ΣA: positive over-forecasts, negative under-forecasts. Graded on its size |bias|, as both directions cost. Null without demand.",
    defaultTarget: 0.05,
  }),
  kpi({
    code: "forecast_value_added",
    name: "Forecast value added",
    area: "demand",
    unit: "share",
    direction: "higher",
    definition:
      "WAPE of the statistical forecast − WAPE of the consensus: the error the review's overrides removed (positive: the review helped). Null without demand.",
    defaultTarget: 0,
  }),
  kpi({
    code: "cancelled_orders",
    name: "Cancelled orders",
    area: "demand",
    unit: "share",
    direction: "lower",
    definition:
      "Σ cancelled units ÷ Σ requested units of the order lines requested in the months (the count of lines with a cancellation is shown beside it). Null without requested units.",
    defaultTarget: 0.02,
  }),
  kpi({
    code: "order_fill_rate_units",
    name: "Order fill rate (units)",
    area: "demand",
    unit: "share",
    direction: "higher",
    definition:
      "Σ min(delivered, requested) ÷ Σ requested over the order lines requested in the months; one line's over-delivery does not make up for another's shortfall. Null without requested units.",
    defaultTarget: 0.97,
  }),
  kpi({
    code: "order_fill_rate_lines",
    name: "Order fill rate (lines)",
    area: "demand",
    unit: "share",
    direction: "higher",
    definition:
      "Lines delivered in full (delivered ≥ requested, whenever) ÷ lines; a line with nothing requested counts as in full. Null without lines.",
    defaultTarget: 0.95,
  }),
  kpi({
    code: "plan_attainment",
    name: "Production plan attainment",
    area: "supply",
    unit: "share",
    direction: "higher",
    definition:
      "Σ min(made, planned) ÷ Σ planned over SKU-plant-months, against the supply plan in force for each month (mix attainment: making one SKU over plan does not hide another made short). Null when nothing was planned.",
    defaultTarget: 0.95,
  }),
  kpi({
    code: "inventory_vs_plan",
    name: "Inventory versus plan",
    area: "supply",
    unit: "share",
    direction: "lower",
    definition:
      "|Σ actual stock value − Σ planned stock value| ÷ Σ planned stock value at standard cost, closing stock of each month against the plan in force for it. Null when no stock was planned.",
    defaultTarget: 0.1,
  }),
  kpi({
    code: "days_of_cover",
    name: "Days of cover",
    area: "supply",
    unit: "days",
    direction: "lower",
    definition:
      "Days the total closing stock of the positions some demand follows covers the plan's demand of the following months (30 days a month), the mean over the months. Null when no demand follows.",
    defaultTarget: 45,
  }),
  kpi({
    code: "supplier_delivery",
    name: "Supplier delivery (OTIF)",
    area: "supply",
    unit: "share",
    direction: "higher",
    definition:
      "Receipt lines received in full (received ≥ promised) on or before the promised date ÷ receipt lines due (promised date in the months and on or before the as-of date). A line not received yet by then counts as late and short. Null without lines due.",
    defaultTarget: 0.95,
  }),
  kpi({
    code: "otif",
    name: "On time in full (OTIF)",
    area: "alignment",
    unit: "share",
    direction: "higher",
    definition:
      "Order lines delivered in full on or before the requested date ÷ lines; a late but complete line is filled but not OTIF, a partly cancelled line is neither. Null without lines.",
    defaultTarget: 0.95,
  }),
  kpi({
    code: "lost_sales",
    name: "Lost sales",
    area: "alignment",
    unit: "money",
    direction: "lower",
    definition:
      "Σ max(0, requested − cancelled − delivered) × the line's price (list price when the line has none) over the order lines requested in the months: demand customers still wanted and did not get. 0 without such lines.",
    defaultTarget: 0,
  }),
  kpi({
    code: "expedite_cost",
    name: "Expedite costs",
    area: "alignment",
    unit: "money",
    direction: "lower",
    definition:
      "Σ expedite, overtime and subcontract spend recorded in the cost actuals of the months: what it cost to deliver beyond the plan. 0 without records.",
    defaultTarget: 0,
  }),
  kpi({
    code: "revenue_vs_plan",
    name: "Revenue versus plan",
    area: "executive",
    unit: "ratio",
    direction: "higher",
    definition:
      "Σ realised revenue (delivered units × the line's price, in the month delivered) ÷ Σ revenue of the committed financial plan in force for each month. Months without a committed plan are left out and say so; null when none has one. The budget's revenue is shown beside it.",
    defaultTarget: 1,
  }),
  kpi({
    code: "margin_vs_plan",
    name: "Gross margin versus plan",
    area: "executive",
    unit: "ratio",
    direction: "higher",
    definition:
      "Σ realised gross margin (realised revenue − delivered units × the realised unit cost, standard cost where none was recorded) ÷ Σ gross margin of the committed plan in force for each month. Null when no month has a committed plan with a positive margin.",
    defaultTarget: 1,
  }),
  kpi({
    code: "cash_flow_vs_plan",
    name: "Operating cash flow versus plan",
    area: "executive",
    unit: "money",
    direction: "higher",
    definition:
      "Σ actual operating cash flow − Σ the committed plan's, over the months with a committed plan. Actual cash follows the finance engine's payment terms: sales are collected the receivables lag after delivery, receipts from suppliers paid their payment lag later, labour and overhead of production and the expedite spend paid when incurred.",
    defaultTarget: 0,
  }),
  kpi({
    code: "market_share",
    name: "Market share",
    area: "executive",
    unit: "share",
    direction: "higher",
    definition:
      "Units delivered ÷ the market's size in units, over the months and product groups with market data (the top-level groups for the company). Null without market data.",
    defaultTarget: 0.1,
  }),
];

export function kpiDefinition(code: string): KpiDefinition | undefined {
  return KPI_CATALOGUE.find((k) => k.code === code);
}

export function isKpiCode(code: string): code is KpiCode {
  return (KPI_CODES as readonly string[]).includes(code);
}

export type KpiStatus = "on-target" | "near" | "off-target";

/** Within this share of the target (or, for a target of 0, this many of the KPI's units) is near. */
export const NEAR_BAND = 0.05;

/**
 * A value against its target: on target when at or better than it; near when worse by at most
 * NEAR_BAND × |target| (by at most NEAR_BAND itself for shares and ratios with a target of 0, and
 * never for money or units with a target of 0, where any miss is a miss); off target otherwise.
 * Forecast bias is graded on |value|. Null without a value.
 */
export function kpiStatus(
  definition: Pick<KpiDefinition, "code" | "direction" | "unit">,
  value: number | null,
  target: number,
): KpiStatus | null {
  if (value === null || !Number.isFinite(value)) return null;
  const v = definition.code === "forecast_bias" ? Math.abs(value) : value;
  const shortfall = definition.direction === "higher" ? target - v : v - target;
  if (shortfall <= 1e-12) return "on-target";
  const band =
    target !== 0
      ? NEAR_BAND * Math.abs(target)
      : definition.unit === "share" || definition.unit === "ratio"
        ? NEAR_BAND
        : 0;
  return shortfall <= band + 1e-12 ? "near" : "off-target";
}
